import Foundation
import MycoCalendar
import MycoUnits
import Testing
@testable import MycoRecords
import MycoCSV

/// `YieldDatabase.importCSV`, which checks and writes harvests in one pass, against the
/// two-step `CSVImport.read` + `importRecords` it replaces in `myco yields import`.
@Suite struct StreamingImportTests {
  /// Runs both ways on fresh databases; returns (two-step outcome, one-pass outcome).
  func bothWays(
    _ store: Store, _ folder: TemporaryFolder, batches: String?, harvests: String?, replace: Bool = false,
    seed: ((any YieldRecords) throws -> Void)? = nil
  ) throws -> (String, String, any YieldRecords, any YieldRecords) {
    let batchesPath = try batches.map { try folder.write("b.csv", $0) }
    let harvestsPath = try harvests.map { try folder.write("h.csv", $0) }
    let twoStep = try store.open(folder, name: "two")
    let onePass = try store.open(folder, name: "one")
    try seed?(twoStep)
    try seed?(onePass)
    func outcome(_ body: () throws -> ImportSummary) -> String {
      do { return "ok: \(try body())" } catch { return "\(error)" }
    }
    let first = outcome {
      let records = try CSVImport.read(
        batchesPath: batchesPath, harvestsPath: harvestsPath, knownVarieties: knownVarieties)
      return try twoStep.importRecords(records, replace: replace)
    }
    let second = outcome {
      let files = try CSVFiles(batchesPath: batchesPath, harvestsPath: harvestsPath)
      return try onePass.importCSV(files, knownVarieties: knownVarieties, replace: replace)
    }
    return (first, second, twoStep, onePass)
  }

  @Test(arguments: Store.available) func sameRecordsAsTheTwoStepImport(store: Store) throws {
    let folder = try TemporaryFolder()
    let (two, one, a, b) = try bothWays(store, folder, batches: handBatches, harvests: handHarvests)
    #expect(one == "ok: imported 4 batches, 8 harvests")
    #expect(one == two)
    #expect(try a.batches() == b.batches())
    #expect(try a.harvests() == b.harvests())
  }

  @Test(arguments: Store.available) func everyBadRowAfterTheFirstIsReportedAndNothingIsWritten(store: Store) throws {
    // Many good rows (inserted while reading), then bad rows here and there.
    var harvests = harvestHeader
    for n in 0..<3000 {
      switch n {
      case 1000: harvests += "A1,2024-11-01,x,1,A,\n"
      case 2000: harvests += "A1,2024-11-01,1,-1,A,\n"
      case 2999: harvests += "A1,2024-13-01,1,1,A,12\n"
      default: harvests += "A\(1 + n % 2),2024-11-01,\(1 + n % 5),1.5,A,12\n"
      }
    }
    let folder = try TemporaryFolder()
    let (two, one, _, database) = try bothWays(store, folder, batches: handBatches, harvests: harvests)
    let file = folder.path + "/h.csv"
    #expect(
      one == """
        \(file):1002: error: flush: "x" is not a whole number
        \(file):2002: error: fresh_kg: must not be negative
        \(file):3001: error: harvested_on: "2024-13-01" is not a date written YYYY-MM-DD
        """)
    #expect(one == two)
    #expect(try database.batches().isEmpty)
    #expect(try database.harvests().isEmpty)
  }

  @Test(arguments: Store.available) func problemsAgainstTheBatchesRollBackRowsAlreadyInserted(store: Store) throws {
    var harvests = harvestHeader
    for n in 0..<2000 { harvests += "A1,2024-11-01,\(1 + n % 5),1.5,A,\n" }
    harvests += "ZZ,2024-11-01,1,1,A,\nA1,2024-08-31,1,1,A,\n"
    for n in 0..<100 { harvests += "A2,2024-11-01,\(1 + n % 5),1.5,A,\n" }
    harvests += "Q9,2024-11-01,1,1,A,\n"
    let folder = try TemporaryFolder()
    let (two, one, _, database) = try bothWays(store, folder, batches: handBatches, harvests: harvests)
    let file = folder.path + "/h.csv"
    #expect(
      one == """
        \(file):2002: error: batch_id: no batch "ZZ" is recorded
        \(file):2003: error: harvested_on: 2024-08-31 is before batch A1 was inoculated on 2024-09-01
        \(file):2104: error: batch_id: no batch "Q9" is recorded
        """)
    #expect(one == two)
    #expect(try database.batches().isEmpty)
    #expect(try database.harvests().isEmpty)
  }

  @Test(arguments: Store.available) func rowProblemsAreReportedAloneAsBefore(store: Store) throws {
    // A bad batch row and a harvest of a missing batch: only the row problem is named.
    let batches = batchHeader + "A1,Grower A,,700,truffle,,,15x55,1,10,2024-09-01,,0,,,\n"
    let harvests = harvestHeader + "ZZ,2024-11-01,1,1,A,\nA1,2024-11-01,0,1,A,\n"
    let folder = try TemporaryFolder()
    let (two, one, _, database) = try bothWays(store, folder, batches: batches, harvests: harvests)
    #expect(one.contains("b.csv:2: error: variety: \"truffle\" is not a known variety"))
    #expect(one.contains("h.csv:3: error: flush: must be 1 or more, not 0"))
    #expect(!one.contains("ZZ"))
    #expect(one == two)
    #expect(try database.batches().isEmpty)
  }

  @Test(arguments: Store.available) func storedBatchesReplaceAndDuplicates(store: Store) throws {
    let folder = try TemporaryFolder()
    let seed: (any YieldRecords) throws -> Void = { database in
      try database.add(
        Batch(
          id: "A1", grower: "Old", variety: "oyster", bagSize: BagDimensions(parsing: "15x55")!,
          drySubstrateKgPerBag: 1, bags: 3, inoculatedOn: CalendarDate(iso: "2024-12-01")!),
        knownVarieties: knownVarieties)
      try database.add(Harvest(batchID: "A1", harvestedOn: CalendarDate(iso: "2024-12-20")!, flush: 1, freshKg: 9))
    }
    // Without --replace: refused.
    var (two, one, _, database) = try bothWays(
      store, folder, batches: handBatches, harvests: handHarvests, seed: seed)
    #expect(
      one == "\(folder.path)/b.csv:2: error: batch_id: batch \"A1\" is already recorded (use --replace to replace it)")
    #expect(one == two)
    #expect(try database.harvests().count == 1)
    // With --replace: the stored batch and its harvest are gone, the file's are in.
    let again = try TemporaryFolder()
    (two, one, _, database) = try bothWays(
      store, again, batches: handBatches, harvests: handHarvests, replace: true, seed: seed)
    #expect(
      one
        == "ok: imported 4 batches (1 replaced), 8 harvests; replaced batches: 1 stored harvests removed (the file has theirs), 0 kept"
    )
    #expect(one == two)
    #expect(try database.harvests().count == 8)
    #expect(try database.batches().first { $0.id == "A1" }?.grower == "Grower A")
  }

  @Test(arguments: Store.available) func bomJinQuotesAndFormulaGuards(store: Store) throws {
    // Odd but valid rows take the general reading; plain ones the fast one. Same result.
    let harvests =
      "\u{FEFF}batch_id,harvested_on,flush,fresh_jin,grade,price_yuan_per_kg\r\n"
      + "A1,2024-11-01,1,4,A,12\r\n"
      + "\"A1\",\"2024-11-02\",\"2\",\"3.5\",\"'=A\",\"1e1\"\r\n"
      + " A1 ,2024-11-03, 3 ,007.50,花菇,\r\n"
      + "A1,2024-11-04,4,0.1,\"a \"\"b\"\"\nc\",+12.5\r\n"
      + "A1,2024-11-05,5,12345.6789012345,'@x,0.30000000000000004\r\n"
    let folder = try TemporaryFolder()
    let (two, one, a, b) = try bothWays(store, folder, batches: handBatches, harvests: harvests)
    #expect(one == "ok: imported 4 batches, 5 harvests")
    #expect(one == two)
    let stored = try b.harvests().filter { $0.batchID == "A1" && $0.harvestedOn.month == 11 && $0.flush >= 1 }
    #expect(try a.harvests() == b.harvests())
    #expect(stored.map(\.grade).contains("=A"))
    #expect(stored.map(\.grade).contains("a \"b\"\nc"))
    #expect(stored.map(\.grade).contains("@x"))
    #expect(stored.contains { $0.freshKg == 2 && $0.priceYuanPerKg == 12 })
    #expect(stored.contains { $0.freshKg == 3.75 })
  }

  @Test(arguments: Store.available) func exportImportExportIsByteIdenticalThroughTheOnePassImport(store: Store) throws {
    let folder = try TemporaryFolder()
    let database = try handDatabase(folder, store: store)
    try database.add(
      Batch(
        id: "Q1", grower: "农户甲", place: "=HYPERLINK(\"http://x\")", variety: "oyster",
        bagSize: BagDimensions(parsing: "15.5x55")!, drySubstrateKgPerBag: 0.3, bags: 3,
        inoculatedOn: CalendarDate(iso: "2024-01-31")!, notes: "-2+3"),
      knownVarieties: knownVarieties)
    try database.add(
      Harvest(batchID: "Q1", harvestedOn: CalendarDate(iso: "2024-03-01")!, flush: 1, freshKg: 1.0 / 3, grade: "@A"))
    try database.add(
      Harvest(batchID: "Q1", harvestedOn: CalendarDate(iso: "2024-03-02")!, flush: 2, freshKg: 0.1 + 0.2, grade: "'x"))
    try database.exportCSV(to: folder.path + "/first")
    let copy = try store.open(folder, name: "copy")
    try copy.importCSV(
      CSVFiles(
        batchesPath: folder.path + "/first/batches.csv",
        harvestsPath: folder.path + "/first/harvests.csv"),
      knownVarieties: knownVarieties, replace: false)
    try copy.exportCSV(to: folder.path + "/second")
    #expect(try folder.read("first/harvests.csv") == folder.read("second/harvests.csv"))
    #expect(try folder.read("first/batches.csv") == folder.read("second/batches.csv"))
    #expect(try copy.harvests() == database.harvests())
  }

  @Test(arguments: Store.available) func theSameOnePassImportTwiceAtOnceLandsOnce(store: Store) async throws {
    var batches = batchHeader
    var harvests = harvestHeader
    for n in 1...40 {
      batches += "S\(n),Grower A,,700,shiitake,,,15x55,1,10,2024-09-01,,0,,,\n"
      for flush in 1...50 { harvests += "S\(n),2024-11-01,\(flush),1.5,A,\n" }
    }
    let folder = try TemporaryFolder()
    let files = try CSVFiles(
      batchesPath: folder.write("b.csv", batches), harvestsPath: folder.write("h.csv", harvests))
    let path = try store.newLocation(folder)
    let a = try RecordsLocation.parse(path).open()
    let b = try RecordsLocation.parse(path).open()
    let one = Task.detached { try a.importCSV(files, knownVarieties: knownVarieties, replace: false) }
    let two = Task.detached { try b.importCSV(files, knownVarieties: knownVarieties, replace: false) }
    let results = [await one.result, await two.result]
    let failures = results.compactMap { result -> YieldRecordsError? in
      if case .failure(let error) = result { return error as? YieldRecordsError }
      return nil
    }
    #expect(failures.count == 1)
    #expect(failures.first?.description.contains("is already recorded") == true)
    #expect(try a.batches().count == 40)
    #expect(try a.harvests().count == 40 * 50)
  }

  @Test func unreadableFileIsReportedBeforeAnythingElse() throws {
    #expect {
      try CSVFiles(batchesPath: nil, harvestsPath: "/nonexistent/h.csv")
    } throws: {
      "\($0)" == "/nonexistent/h.csv: error: cannot be read"
    }
  }
}

@Suite struct PlainHarvestTests {
  /// Reads one harvest row both ways.
  func bothReadings(_ header: String, _ line: String) throws -> (plain: Harvest?, general: Harvest?) {
    var reader = CSVReader(bytes: Array((header + "\n" + line + "\n").utf8))
    var columns: [String: Int] = [:]
    var result: (Harvest?, Harvest?) = (nil, nil)
    reader.forEachRecord { record in
      if record.line == 1 {
        for (index, name) in record.strings.enumerated() { columns[name!] = index }
        return
      }
      result.0 = HarvestRowLayout(columns: columns)!.plainHarvest(record)?.harvest
      var row = CSVRow(file: "h.csv", line: record.line, fields: record.strings, columns: columns)
      result.1 = HarvestCSV.harvest(from: &row)
    }
    return result
  }

  @Test(arguments: [
    "A1,2024-11-01,1,1.5,A,12", "A1,2024-11-01,1,1.5,,", "A1,2024-02-29,1,0,B,0.5",
    "A1,2023-02-29,1,1,A,", "A1,2024-11-01,0,1,A,", "A1,2024-11-01,1,-1,A,",
    "A1,2024-11-01,+1,1,A,", "A1,2024-11-01,1,1.,A,", "A1,2024-11-01,1,.5,A,",
    "A1,2024-11-01,1,1e3,A,", "A1,2024-11-01,1,1234567890123456,A,", "A1,2024-11-01,1,0.1,A,-2",
    "'A1,2024-11-01,1,1,A,", "A1,2024-11-01,1,1,'A,", "A1 ,2024-11-01,1,1,A,", ",2024-11-01,1,1,A,",
    "A1,2024-11-01,1,1,A", "A1,2024-11-01,1,1,A,,", "A1,2024-11-1,1,1,A,", "A1,2024-11-01,1,nan,A,",
    "A1,2024-11-01,999999999999999999,1,A,", "A1,2024-11-01,1,0.000000000000001,A,",
  ])
  func plainReadingAgreesWithTheGeneralOne(line: String) throws {
    let (plain, general) = try bothReadings(harvestHeader, line)
    if let plain { #expect(plain == general) }
    // Whatever the general reading rejects, the plain one rejects too.
    if general == nil { #expect(plain == nil) }
  }

  @Test func plainRowsTakeTheFastReading() throws {
    #expect(try bothReadings(harvestHeader, "A1,2024-11-01,1,1.5,A,12").plain != nil)
    #expect(try bothReadings(harvestHeader, "A1,2024-11-01,2,300,,").plain != nil)
    #expect(try bothReadings(harvestHeader, "\"A1\",2024-11-01,2,300,\"A\"\"B\",").plain?.grade == "A\"B")
  }

  @Test func plainDecimalIsCorrectlyRounded() {
    var random = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let digits = Int.random(in: 1...15, using: &random)
      var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
      let point = Int.random(in: 0..<digits, using: &random)
      if point > 0 { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
      let value = Array(text.utf8).withUnsafeBufferPointer { HarvestRowLayout.plainDecimal($0) }
      #expect(value == Double(text), "\(text)")
    }
  }

  @Test func batchDatesFindsEveryIdAndReplaces() {
    var table = BatchDates()
    let day = CalendarDate(iso: "2024-01-01")!
    let other = CalendarDate(iso: "2025-06-30")!
    for n in 0..<5000 { table.set("B\(n)", day) }
    table.set("", day)
    table.set("B17", other)
    #expect(table.count == 5001)
    #expect(table.date("B17") == other)
    #expect(table.date("B4999") == day)
    #expect(table.date("") == day)
    #expect(table.date("B5000") == nil)
    #expect(table.date("b1") == nil)
  }

  @Test func readerUnescapesInPlaceAndCountsLines() {
    var reader = CSVReader(bytes: Array("\u{FEFF}a,\"b\"\"c\",\"d\ne\"f\r\n\n\"\"\"x\",y\n".utf8))
    var records: [(Int, [String?])] = []
    reader.forEachRecord { records.append(($0.line, $0.strings)) }
    #expect(records.count == 2)
    #expect(records[0].0 == 1)
    #expect(records[0].1 == ["a", "b\"c", "d\nef"])
    #expect(records[1].0 == 4)
    #expect(records[1].1 == ["\"x", "y"])
  }
}
