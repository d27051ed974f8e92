import Foundation
import GRDB
import MycoCalendar
import MycoCSV
import MycoUnits
import Testing
@testable import MycoRecords

/// Issue #10: careless and hostile CSV files and values are refused with their row.
@Suite struct HardeningTests {
  /// Ten batch rows, A1…A10.
  static func tenBatches(_ replace: (Int, String) -> String = { $1 }) -> String {
    batchHeader
      + (1...10).map { n in
        replace(n, "A\(n),Grower A,,700,shiitake,,,15x55,1.0,10,2024-09-01,,0,,,")
      }.joined(separator: "\n") + "\n"
  }

  @Test(arguments: Store.available) func unclosedQuoteIsRefusedNamingTheRowItOpensOn(store: Store) throws {
    // Row 3 (line 4) opens a quote in `grower` that is never closed: it would fold rows 4–10
    // into one field.
    let folder = try TemporaryFolder()
    let batches = try folder.write(
      "batches.csv", Self.tenBatches { n, row in n == 3 ? row.replacing("Grower A", with: "\"Grower A") : row })
    let database = try store.open(folder, name: "records")
    let files = try CSVFiles(batchesPath: batches, harvestsPath: nil)
    #expect {
      try database.importCSV(files, knownVarieties: knownVarieties, replace: false)
    } throws: {
      "\($0)" == "\(batches):4: error: grower: a quoted field opens here and is never closed (a missing \")"
    }
    #expect(try database.batches().isEmpty)
    // The two-step reading says the same.
    let read = try CSVImport.read(batchesPath: batches, harvestsPath: nil, knownVarieties: knownVarieties)
    #expect(
      read.problems.map(\.description) == [
        "\(batches):4: error: grower: a quoted field opens here and is never closed (a missing \")"
      ])
  }

  @Test(arguments: Store.available) func unclosedQuoteInAHarvestFileImportsNothing(store: Store) throws {
    let folder = try TemporaryFolder()
    let database = try handDatabase(folder, store: store)
    let harvests = try folder.write(
      "more.csv", harvestHeader + "A1,2024-12-20,3,4,A,12\nA1,2024-12-21,3,4,\"A,12\nA2,2024-12-22,3,4,A,12\n")
    let files = try CSVFiles(batchesPath: nil, harvestsPath: harvests)
    #expect {
      try database.importCSV(files, knownVarieties: knownVarieties, replace: false)
    } throws: {
      "\($0)" == "\(harvests):3: error: grade: a quoted field opens here and is never closed (a missing \")"
    }
    #expect(try database.harvests().count == 8)
  }

  @Test(arguments: Store.available) func nulByteInACellIsRefusedWithItsRow(store: Store) throws {
    let folder = try TemporaryFolder()
    let batches = try folder.write(
      "batches.csv", Self.tenBatches { n, row in n == 5 ? row.replacing("Grower A", with: "Grower\u{0}A") : row })
    let database = try store.open(folder, name: "records")
    let files = try CSVFiles(batchesPath: batches, harvestsPath: nil)
    #expect {
      try database.importCSV(files, knownVarieties: knownVarieties, replace: false)
    } throws: {
      "\($0)" == "\(batches):6: error: grower: contains a NUL byte"
    }
    #expect(try database.batches().isEmpty)
  }

  @Test func readerFlagsFaultsAndKeepsReadingAfterANul() {
    var reader = CSVReader(bytes: Array("a,b\n\"x\u{0}\",y\nc,d\n\"e,f\ng,h\n".utf8))
    var records: [(Int, [String?], CSVReader.Problem?)] = []
    reader.forEachRecord { records.append(($0.line, $0.problem == nil ? $0.strings : [], $0.problem)) }
    #expect(records.count == 4)
    #expect(records[1].2 == CSVReader.Problem(line: 2, field: 0, message: "contains a NUL byte"))
    #expect(records[2].1 == ["c", "d"] && records[2].2 == nil)
    #expect(records[3].0 == 4)
    #expect(records[3].2?.line == 4 && records[3].2?.field == 0)
  }
}

@Suite struct ReportHardeningTests {
  @Test(arguments: Store.available) func repeatedGroupFieldIsRefusedNotACrash(store: Store) throws {
    #expect(try ReportField.list("variety, bag-size") == [.variety, .bagSize])
    #expect {
      try ReportField.list("variety,variety")
    } throws: {
      "\($0)" == "\"variety\" is given twice; name each field once."
    }
    // The library itself never traps on a repeated field.
    let folder = try TemporaryFolder()
    let report = try handDatabase(folder, store: store).report(ReportQuery(groupBy: [.variety, .variety]))
    #expect(report.groups.map(\.label) == ["shiitake, shiitake"])
  }

  @Test(arguments: Store.available) func jsonCarriesFullPrecision(store: Store) throws {
    // Three batches with 3, 3 and 2 flushes: 2.666…, which the text shows as 2.7.
    let folder = try TemporaryFolder()
    let database = try store.open(folder, name: "records")
    let batches = try folder.write(
      "b.csv",
      batchHeader + (1...3).map { "P\($0),G,,,oyster,,,15x55,1,3,2024-01-01,,0,,," }.joined(separator: "\n") + "\n")
    var harvests = harvestHeader
    for (batch, flushes) in [(1, 3), (2, 3), (3, 2)] {
      for flush in 1...flushes { harvests += "P\(batch),2024-02-0\(flush),\(flush),1,,\n" }
    }
    let files = try CSVFiles(batchesPath: batches, harvestsPath: try folder.write("h.csv", harvests))
    try database.importCSV(files, knownVarieties: knownVarieties, replace: false)
    let report = try database.report(ReportQuery())
    #expect(report.rendered(as: .text).contains(" 2.7 "))
    let json = report.rendered(as: .json)
    let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let group = try #require((object["groups"] as? [[String: Any]])?.first)
    #expect(group["flushes"] as? Double == 8.0 / 3.0)
    #expect(json.contains("\"flushes\": 2.6666666666666665,"))
    #expect(json.contains("\"yield_per_bag_kg\": \(report.groups[0].yieldPerBagKg),"))
    #expect(abs((group["yield_per_bag_kg"] as? Double ?? 0) - 8.0 / 9.0) < 1e-12)
  }
}

@Suite struct PlausibleRangeTests {
  @Test(arguments: Store.available) func hugeWeightInACSVIsRefusedWithItsRow(store: Store) throws {
    let folder = try TemporaryFolder()
    let database = try handDatabase(folder, store: store)
    let harvests = try folder.write(
      "more.csv", harvestHeader + "A1,2024-12-20,3,4,A,12\nA1,2024-12-21,3,1e100,A,12\nA2,2024-12-21,99,1,A,20000\n")
    let files = try CSVFiles(batchesPath: nil, harvestsPath: harvests)
    #expect {
      try database.importCSV(files, knownVarieties: knownVarieties, replace: false)
    } throws: {
      "\($0)" == """
        \(harvests):3: error: fresh_kg: 1e+100 kg is more than the plausible 100000 kg in one harvest
        \(harvests):4: error: flush: 99 is more than the plausible 50 flushes
        \(harvests):4: error: price_yuan_per_kg: 20000 yuan/kg is more than the plausible 10000 yuan/kg
        """
    }
    #expect(try database.harvests().count == 8)
  }

  @Test func implausibleBatchValuesAreRefusedWithTheirColumns() throws {
    let folder = try TemporaryFolder()
    let latest = PlausibleRanges.latestDateNow
    let tooLate = CalendarDate(daysSinceEpoch: latest.daysSinceEpoch + 1)
    let batches = try folder.write(
      "b.csv",
      batchHeader + """
        X1,G,,12000,shiitake,,,1000x1000,50,2000000,2024-09-01,,0,,,
        X2,G,,-1,shiitake,,,0.0001x0.0001,0.001,10,\(tooLate),,0,,,
        X3,G,,0,shiitake,,,15x55,1,10,\(latest),,0,,,
        X4,G,,0,shiitake,,,15x55,1,10,1899-12-31,,0,,,

        """)
    let read = try CSVImport.read(batchesPath: batches, harvestsPath: nil, knownVarieties: knownVarieties)
    #expect(
      read.problems.map(\.description) == [
        "\(batches):2: error: elevation_m: 12000 m is not a plausible elevation (0–9000 m)",
        "\(batches):2: error: bag_size: bag 1000x1000 cm is outside the sizes accepted (folded width 5–60 cm, length 10–120 cm)",
        "\(batches):2: error: dry_substrate_kg_per_bag: 50 kg is not a plausible bag (0.01–10 kg of dry substrate)",
        "\(batches):2: error: bags: 2000000 is more than the plausible 1000000 bags in one batch",
        "\(batches):3: error: elevation_m: -1 m is not a plausible elevation (0–9000 m)",
        "\(batches):3: error: bag_size: bag 0.0001x0.0001 cm is outside the sizes accepted (folded width 5–60 cm, length 10–120 cm)",
        "\(batches):3: error: dry_substrate_kg_per_bag: 0.001 kg is not a plausible bag (0.01–10 kg of dry substrate)",
        "\(batches):3: error: inoculated_on: \(tooLate) is after \(latest), a year from today",
        "\(batches):5: error: inoculated_on: '1899-12-31' is outside the years 1900–2200",
      ])
    #expect(read.batches.map(\.value.id) == ["X3"])
  }

  @Test(arguments: Store.available) func flagsAreCheckedAgainstTheSameTable(store: Store) throws {
    let folder = try TemporaryFolder()
    let database = try store.open(folder, name: "memory")
    let day = CalendarDate(iso: "2024-01-01")!
    try database.add(
      Batch(
        id: "F1", grower: "G", variety: "oyster", bagSize: BagDimensions(parsing: "15x55")!, drySubstrateKgPerBag: 1,
        bags: 5, inoculatedOn: day),
      knownVarieties: knownVarieties)
    #expect {
      try database.add(Harvest(batchID: "F1", harvestedOn: day, flush: 1, freshKg: 1e100))
    } throws: {
      "\($0)" == "add-harvest: error: --fresh-kg: 1e+100 kg is more than the plausible 100000 kg in one harvest"
    }
    #expect {
      try database.add(
        Batch(
          id: "F2", grower: "G", elevationM: 1e100, variety: "oyster", bagSize: BagDimensions(parsing: "15x55")!,
          drySubstrateKgPerBag: 1, bags: 5, inoculatedOn: day),
        knownVarieties: knownVarieties)
    } throws: {
      "\($0)" == "add-batch: error: --elevation: 1e+100 m is not a plausible elevation (0–9000 m)"
    }
    #expect(try database.harvests().isEmpty && database.batches().count == 1)
  }

  @Test func extremeStoredFiguresNeverCrashATwoGroupReport() throws {
    // A database written before the ranges existed (or edited by hand) may hold 1e100 kg.
    let folder = try TemporaryFolder()
    let database = try #require(try handDatabase(folder) as? YieldDatabase)
    try database.dbWriter.write { db in
      try db.execute(sql: "UPDATE harvest SET fresh_kg = 1e100 WHERE batch_id IN ('A1', 'B2')")
      try db.execute(sql: "UPDATE harvest SET fresh_kg = 1.7e308 WHERE batch_id = 'B1'")
    }
    let report = try database.report(ReportQuery(groupBy: [.bagSize]))
    #expect(report.groups.count == 2)
    for format in ReportFormat.allCases { #expect(!report.rendered(as: format).isEmpty) }
    #expect(Statistics.welchTest([1e100, 1, 1e100], [1e300, -1e300, 1e308]) == nil)
    #expect(Statistics.confidenceInterval95([1e308, -1e308, 1e308]) == nil)
    #expect(Statistics.studentTQuantile(0.975, degreesOfFreedom: .nan).isNaN)
  }
}

@Suite struct DatabaseOpeningTests {
  func checksum(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }

  @Test func readingNeverWritesAndWorksOnAReadOnlyFile() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/records.sqlite"
    do { _ = try handDatabase(folder) }  // closed again at the end of the block
    // Fold the WAL into the file, so that the checksum covers everything.
    try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
    let before = try checksum(path)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }

    let database = try YieldDatabase.openForReading(path: path)
    #expect(database.dbWriter.configuration.readonly)
    #expect(try database.report(ReportQuery()).groups.first?.batches == 4)
    try database.exportCSV(to: folder.path + "/out")
    #expect(try checksum(path) == before)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    // A write through it is refused by SQLite itself.
    #expect(throws: (any Error).self) {
      try database.add(Harvest(batchID: "A1", harvestedOn: CalendarDate(iso: "2024-12-24")!, flush: 3, freshKg: 1))
    }
  }

  @Test func anotherProgramsDatabaseIsRefusedUntouched() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/other.sqlite"
    try DatabaseQueue(path: path).write { db in
      try db.execute(sql: "CREATE TABLE batch (x); CREATE TABLE notes (y); INSERT INTO notes VALUES ('keep')")
    }
    let before = try checksum(path)
    // (Closures, not `YieldDatabase.open` as a value: Swift 6.3 crashes lowering a reference to a
    // typed-throws static method.)
    let opens: [(String) throws -> YieldDatabase] = [
      { try YieldDatabase.openForReading(path: $0) }, { try YieldDatabase.open(path: $0) },
    ]
    for open in opens {
      #expect { _ = try open(path) } throws: { "\($0)" == "\(path): error: not a Myco records database" }
    }
    #expect(try checksum(path) == before)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    // Not SQLite at all.
    let text = try folder.write("notes.txt", "just some notes\n")
    #expect { _ = try YieldDatabase.openForReading(path: text) } throws: {
      "\($0)" == "\(text): error: not a Myco records database"
    }
    #expect { _ = try YieldDatabase.open(path: text) } throws: {
      "\($0)" == "\(text): error: not a Myco records database"
    }
    #expect(try folder.read("notes.txt") == Data("just some notes\n".utf8))
    // A SQLite file with no table yet (as while another `myco` creates it) may be written to.
    let empty = folder.path + "/empty.sqlite"
    try DatabaseQueue(path: empty).writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 0; VACUUM") }
    #expect { _ = try YieldDatabase.openForReading(path: empty) } throws: {
      "\($0)" == "\(empty): error: not a Myco records database"
    }
    #expect(try YieldDatabase.open(path: empty).batches().isEmpty)
  }

  @Test func foldersAndMissingFilesAreNamedInPlainWords() throws {
    let folder = try TemporaryFolder()
    #expect { _ = try YieldDatabase.openForReading(path: folder.path) } throws: {
      "\($0)" == "\(folder.path): error: is a folder; --db needs the path of a records database file"
    }
    #expect { _ = try YieldDatabase.open(path: folder.path) } throws: {
      "\($0)" == "\(folder.path): error: is a folder; --db needs the path of a records database file"
    }
    let missing = folder.path + "/none.sqlite"
    #expect { _ = try YieldDatabase.openForReading(path: missing) } throws: {
      "\($0)".hasPrefix("\(missing): error: no records database here yet")
    }
    #expect(!FileManager.default.fileExists(atPath: missing))
    let file = try folder.write("plain", "x")
    #expect { _ = try YieldDatabase.open(path: file + "/sub/records.sqlite") } throws: {
      "\($0)"
        == "\(file)/sub/records.sqlite: error: cannot create the folder \(file)/sub: \(file) is a file, not a folder"
    }
    let database = try YieldDatabase.inMemory()
    #expect { try database.exportCSV(to: file + "/out") } throws: {
      "\($0)" == "\(file)/out: error: cannot create the folder \(file)/out: \(file) is a file, not a folder"
    }
  }
}

@Suite struct RoundTripTests {
  @Test(arguments: Store.available) func leadingAndTrailingSpacesSurviveExportImportExport(store: Store) throws {
    let folder = try TemporaryFolder()
    let database = try store.open(folder, name: "a")
    try database.add(
      Batch(
        id: "S1", grower: "  Grower A ", place: "\tVillage", variety: "oyster", strain: "L808 ",
        substrate: " sawdust, bran ", bagSize: BagDimensions(parsing: "15x55")!, drySubstrateKgPerBag: 1, bags: 5,
        inoculatedOn: CalendarDate(iso: "2024-03-01")!, facility: " ", notes: "note\t"),
      knownVarieties: knownVarieties)
    try database.add(
      Harvest(batchID: "S1", harvestedOn: CalendarDate(iso: "2024-05-01")!, flush: 1, freshKg: 2, grade: " A "))
    try database.exportCSV(to: folder.path + "/first")
    let copy = try store.open(folder, name: "b")
    let files = try CSVFiles(
      batchesPath: folder.path + "/first/batches.csv", harvestsPath: folder.path + "/first/harvests.csv")
    try copy.importCSV(files, knownVarieties: knownVarieties, replace: false)
    try copy.exportCSV(to: folder.path + "/second")
    #expect(try copy.batches() == database.batches())
    #expect(try copy.harvests() == database.harvests())
    #expect(try folder.read("first/batches.csv") == folder.read("second/batches.csv"))
    #expect(try folder.read("first/harvests.csv") == folder.read("second/harvests.csv"))
  }

  @Test func unquotedCellsAreStillTrimmed() throws {
    let folder = try TemporaryFolder()
    let batches = try folder.write(
      "b.csv", batchHeader + "T1, Grower A ,\" Village \",700, shiitake ,,,15x55, 1.0 ,10,2024-09-01,,0,,,\n")
    let read = try CSVImport.read(batchesPath: batches, harvestsPath: nil, knownVarieties: knownVarieties)
    #expect(read.problems.isEmpty)
    #expect(read.batches.first?.value.grower == "Grower A")
    #expect(read.batches.first?.value.place == " Village ")
    #expect(read.batches.first?.value.variety == "shiitake")
  }
}

/// `import --replace` never loses stored harvests silently.
@Suite struct ReplaceTests {
  /// The hand database (A1 has 2 harvests, A2 1, B1 2, B2 3) and a corrected A1/A2 batch file.
  func setUp(_ store: Store, _ folder: TemporaryFolder, inoculated: String = "2024-09-01") throws
    -> (any YieldRecords, String)
  {
    let database = try handDatabase(folder, store: store)
    let batches = try folder.write(
      "fix.csv",
      batchHeader + """
        A1,Grower A2,Village A,700,shiitake,L808,sawdust,15x55,1.0,10,\(inoculated),simple-shed,1,,,
        A2,Grower A2,Village A,720,shiitake,L808,sawdust,15x55,1.0,10,2024-09-10,simple-shed,0,,,

        """)
    return (database, batches)
  }

  @Test(arguments: Store.available) func replacingBatchesAloneKeepsAndCountsTheirHarvests(store: Store) throws {
    for onePass in [true, false] {
      let folder = try TemporaryFolder()
      let (database, batches) = try setUp(store, folder)
      let summary =
        try onePass
        ? database.importCSV(
          CSVFiles(batchesPath: batches, harvestsPath: nil), knownVarieties: knownVarieties, replace: true)
        : database.importRecords(
          CSVImport.read(batchesPath: batches, harvestsPath: nil, knownVarieties: knownVarieties), replace: true)
      #expect(
        summary.description
          == "imported 2 batches (2 replaced), 0 harvests; replaced batches: 0 stored harvests removed (the file has theirs), 3 kept"
      )
      #expect(try database.harvests().count == 8)
      #expect(try database.batches().filter { $0.grower == "Grower A2" }.count == 2)
    }
  }

  @Test(arguments: Store.available) func harvestsInTheFileReplaceTheStoredOnesOfThatBatchOnly(store: Store) throws {
    for onePass in [true, false] {
      let folder = try TemporaryFolder()
      let (database, batches) = try setUp(store, folder)
      // New harvests for A1 only: A1's two stored harvests go, A2's one stays.
      let harvests = try folder.write("h.csv", harvestHeader + "A1,2024-11-02,1,7,A,12\n\"A1\",2024-12-02,2,5,B,\n")
      let summary =
        try onePass
        ? database.importCSV(
          CSVFiles(batchesPath: batches, harvestsPath: harvests), knownVarieties: knownVarieties, replace: true)
        : database.importRecords(
          CSVImport.read(batchesPath: batches, harvestsPath: harvests, knownVarieties: knownVarieties), replace: true)
      #expect(
        summary.description
          == "imported 2 batches (2 replaced), 2 harvests; replaced batches: 2 stored harvests removed (the file has theirs), 1 kept"
      )
      let stored = try database.harvests()
      #expect(stored.count == 8 - 2 + 2)
      #expect(stored.filter { $0.batchID == "A1" }.map(\.freshKg) == [7, 5])
      #expect(stored.filter { $0.batchID == "A2" }.count == 1)
    }
  }

  @Test(arguments: Store.available) func keptHarvestsBeforeTheNewInoculationAreRefused(store: Store) throws {
    let folder = try TemporaryFolder()
    let (database, batches) = try setUp(store, folder, inoculated: "2024-11-15")
    #expect {
      try database.importCSV(
        CSVFiles(batchesPath: batches, harvestsPath: nil), knownVarieties: knownVarieties, replace: true)
    } throws: {
      "\($0)"
        == "\(batches):2: error: inoculated_on: 2024-11-15 is after the stored harvest of 2024-11-01 of batch A1, which --replace keeps; import that batch's harvests too (they replace the stored ones) or correct the date"
    }
    #expect(try database.batches().first { $0.id == "A1" }?.grower == "Grower A")
    #expect(try database.harvests().count == 8)
  }
}

@Suite struct TerminalEscapeTests {
  @Test func controlCharactersAreShownEscaped() {
    #expect(
      TerminalText.escaped("A\u{1B}[31mB\r\n\t\u{7F}\u{9B}\u{2028}") == "A\\u{1B}[31mB\\r\\n\\t\\u{7F}\\u{9B}\\u{2028}")
    #expect(TerminalText.escaped("农户甲 Grower-A 15×55 °C") == "农户甲 Grower-A 15×55 °C")
    #expect(TerminalText.escapedKeepingLayout("a\tb\nc\u{1B}]0;x\u{7}\r") == "a\tb\nc\\u{1B}]0;x\\u{7}\\r")
  }

  @Test(arguments: Store.available) func textReportEscapesValuesFromTheRecords(store: Store) throws {
    let folder = try TemporaryFolder()
    // A grower name that sets the window title and a place with a line feed.
    let database = try store.open(folder, name: "memory")
    for (id, grower) in [("E1", "\u{1B}]0;pwned\u{7}\u{1B}[2J"), ("E2", "Grower\r\nFAKE LINE")] {
      try database.add(
        Batch(
          id: id, grower: grower, variety: "oyster", bagSize: BagDimensions(parsing: "15x55")!, drySubstrateKgPerBag: 1,
          bags: 5,
          inoculatedOn: CalendarDate(iso: "2024-03-01")!),
        knownVarieties: knownVarieties)
    }
    let report = try database.report(ReportQuery(groupBy: [.grower]))
    let text = report.rendered(as: .text)
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(text.contains("\\u{1B}]0;pwned\\u{7}\\u{1B}[2J"))
    #expect(text.contains("Grower\\r\\nFAKE LINE"))
    #expect(!text.split(separator: "\n").contains { $0.hasPrefix("FAKE LINE") })
    // JSON, CSV and HTML keep their own escaping: the value itself is there, not a text escape.
    #expect(report.rendered(as: .json).contains("\\u001b]0;pwned\\u0007"))
    #expect(!report.rendered(as: .csv).contains("\\u{1B}"))
  }

  @Test func problemsNeverCarryRawControls() throws {
    let folder = try TemporaryFolder()
    let batches = try folder.write(
      "b.csv", batchHeader + "X1,G,,\u{1B}[31m7,shiitake,,,15x55,1,10,2024-09-01,,0,,,\n")
    let read = try CSVImport.read(batchesPath: batches, harvestsPath: nil, knownVarieties: knownVarieties)
    #expect(read.problems.map(\.description) == ["\(batches):2: error: elevation_m: \"\\u{1B}[31m7\" is not a number"])
  }
}
