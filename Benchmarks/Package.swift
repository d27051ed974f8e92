// swift-tools-version:6.0
import PackageDescription

// Benchmarks for Myco, kept out of the main package so `swift build` and `swift test` at the
// root never build them. Build in release: `swift build -c release` (root, for `myco`), then
// `swift run -c release myco-bench yields --rows 1000000` or `… engine --rules 1000,10000` here.
let package = Package(
  name: "MycoBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    // Named, so that the product reference does not depend on the checkout folder name.
    .package(name: "Myco", path: ".."),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    .target(
      name: "SingleTemplateFolder",
      dependencies: [
        .product(name: "MycoRules", package: "Myco"),
        .product(name: "MycoXML", package: "Myco"),
      ]
    ),
    // The timed Myco process of the single-template shape: the engine alone, as CLIPS's is.
    .executableTarget(name: "myco-single-run", dependencies: ["SingleTemplateFolder"]),
    .executableTarget(
      name: "myco-bench",
      dependencies: [
        "SingleTemplateFolder",
        .product(name: "MycoRecords", package: "Myco"),
        .product(name: "MycoKnowledge", package: "Myco"),
        .product(name: "MycoRules", package: "Myco"),
        .product(name: "MycoCalendar", package: "Myco"),
        .product(name: "MycoUnits", package: "Myco"),
        .product(name: "MycoXML", package: "Myco"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    )
  ]
)
