// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets over Myco's input paths (XML load path, schemas, CSV readers, the situation
// flags), kept out of the main package. Build and run one with `Scripts/fuzz.sh TARGET SECONDS`
// (see Docs/fuzzing.md).
let package = Package(
  name: "MycoFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "Myco", path: "..")
  ],
  targets: [
    .executableTarget(
      name: "myco-fuzz",
      dependencies: [
        .product(name: "MycoKnowledge", package: "Myco"),
        .product(name: "MycoRules", package: "Myco"),
        .product(name: "MycoRecords", package: "Myco"),
        .product(name: "MycoSheets", package: "Myco"),
        .product(name: "MycoCalendar", package: "Myco"),
        .product(name: "MycoUnits", package: "Myco"),
      ]
    )
  ]
)
