// swift-tools-version:6.0
import PackageDescription

// A libFuzzer target over Myco's load path (XML → vocabulary / knowledge tables / rules), kept
// out of the main package. Build and run it with `Scripts/fuzz.sh SECONDS` (see Docs/fuzzing.md).
let package = Package(
  name: "MycoFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "Myco", path: ".."),
  ],
  targets: [
    .executableTarget(
      name: "myco-fuzz",
      dependencies: [
        .product(name: "MycoKnowledge", package: "Myco"),
        .product(name: "MycoRules", package: "Myco"),
      ]
    )
  ]
)
