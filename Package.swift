// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Myco",
  // macOS 15: `Mutex` (Synchronization) and `String(validating:)` are needed; Linux has no floor here.
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "myco", targets: ["MycoCLI"]),
    .library(name: "MycoDiagnostics", targets: ["MycoDiagnostics"]),
    .library(name: "MycoRules", targets: ["MycoRules"]),
    .library(name: "MycoKnowledge", targets: ["MycoKnowledge"]),
    .library(name: "MycoRecords", targets: ["MycoRecords"]),
    .library(name: "MycoCalendar", targets: ["MycoCalendar"]),
    .library(name: "MycoUnits", targets: ["MycoUnits"]),
    .library(name: "MycoSheets", targets: ["MycoSheets"]),
    // For the benchmarks (`Benchmarks/`), which load schemas the way the loaders do.
    .library(name: "MycoXML", targets: ["MycoXML"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    // The system libxml2, found with pkg-config (Debian: libxml2-dev).
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    // The system libqrencode (Debian: libqrencode-dev), for the QR codes on sheets.
    .systemLibrary(
      name: "CQREncode",
      pkgConfig: "libqrencode",
      providers: [.apt(["libqrencode-dev"]), .brew(["qrencode"])]
    ),
    // The one error model: a located, typed diagnostic (file:line:column, severity, kind, message in
    // zh and en as `LocalizedText`).
    .target(name: "MycoDiagnostics", dependencies: ["MycoCalendar"]),
    // A small safe Swift API over libxml2: no network, no entities, limits, XSD, line numbers.
    .target(name: "MycoXML", dependencies: ["CLibXML2", "MycoDiagnostics"]),
    // The domain-free rule language and engine.
    .target(name: "MycoRules", dependencies: ["MycoXML", "MycoDiagnostics", "MycoCalendar", "MycoUnits"]),
    // Calendar dates (days, ISO YYYY-MM-DD) shared by advice, sheets and records; the `Language` of
    // output text; terminal-safe text.
    .target(name: "MycoCalendar"),
    // Measures shared by advice, sheets and records: bag dimensions and their limits, elevation bands,
    // kg and 斤.
    .target(name: "MycoUnits"),
    // The one CSV reader (RFC 4180 over bytes) of the records import and the growers CSV.
    .target(name: "MycoCSV"),
    // The edible-fungus domain: varieties, climate, bags; situation -> facts.
    // Its XSDs (Schemas/) are the program's contract for knowledge, rules and test-case files.
    .target(
      name: "MycoKnowledge", dependencies: ["MycoRules", "MycoXML", "MycoDiagnostics", "MycoCalendar", "MycoUnits"],
      resources: [.copy("Schemas")]
    ),
    // Batches and harvests in SQLite (GRDB) or PostgreSQL (PostgresNIO); CSV import/export; yield reports.
    .target(
      name: "MycoRecords",
      dependencies: [
        "MycoCalendar", "MycoUnits", "MycoCSV", "MycoDiagnostics", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // Printable advice sheets (HTML from templates, PDF through headless Chromium).
    .target(
      name: "MycoSheets",
      dependencies: [
        "MycoKnowledge", "MycoRules", "MycoRecords", "MycoCalendar", "MycoUnits", "MycoCSV", "MycoDiagnostics",
        "CQREncode",
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      resources: [.copy("Templates")]
    ),
    // `myco serve`: the growers' phone page, the agents' pages and the JSON API (Hummingbird 2).
    .target(
      name: "MycoServer",
      dependencies: [
        "MycoKnowledge", "MycoRules", "MycoRecords", "MycoSheets", "MycoCalendar", "MycoUnits", "MycoDiagnostics",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      resources: [.copy("Templates")]
    ),
    // The `myco` command: thin, one subcommand per file.
    .executableTarget(
      name: "MycoCLI",
      dependencies: [
        "MycoKnowledge", "MycoRules", "MycoRecords", "MycoSheets", "MycoServer", "MycoCalendar", "MycoUnits",
        "MycoDiagnostics", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The one way the tests run another program (myco, the install script, Chromium, poppler).
    .target(name: "MycoTestSupport", path: "Tests/MycoTestSupport"),
    .testTarget(name: "MycoDiagnosticsTests", dependencies: ["MycoDiagnostics", "MycoCalendar"]),
    .testTarget(name: "MycoXMLTests", dependencies: ["MycoXML", "MycoDiagnostics"]),
    .testTarget(name: "MycoCalendarTests", dependencies: ["MycoCalendar"]),
    .testTarget(name: "MycoUnitsTests", dependencies: ["MycoUnits"]),
    .testTarget(
      name: "MycoRulesTests", dependencies: ["MycoRules", "MycoXML", "MycoDiagnostics", "MycoCalendar", "MycoUnits"]),
    .testTarget(
      name: "MycoKnowledgeTests",
      dependencies: ["MycoKnowledge", "MycoRules", "MycoXML", "MycoDiagnostics", "MycoCalendar", "MycoUnits"]
    ),
    .testTarget(
      name: "MycoRecordsTests",
      dependencies: [
        "MycoRecords", "MycoCSV", "MycoCalendar", "MycoUnits", "MycoDiagnostics",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "MycoSheetsTests",
      dependencies: [
        "MycoSheets", "MycoKnowledge", "MycoCalendar", "MycoUnits", "MycoDiagnostics", "MycoTestSupport",
      ]
    ),
    .testTarget(
      name: "MycoServerTests",
      dependencies: [
        "MycoServer", "MycoKnowledge", "MycoRecords", "MycoSheets", "MycoCalendar", "MycoUnits", "MycoDiagnostics",
        "MycoTestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
    // The `myco` command: parsed in-process (`Myco.parseAsRoot`), and run as a process where exit
    // codes, the two output streams or the installed layout matter. The only target that depends on MycoCLI.
    .testTarget(
      name: "MycoCLITests",
      dependencies: [
        "MycoCLI", "MycoKnowledge", "MycoRules", "MycoRecords", "MycoSheets", "MycoCalendar", "MycoUnits",
        "MycoDiagnostics", "MycoTestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
  ]
)
