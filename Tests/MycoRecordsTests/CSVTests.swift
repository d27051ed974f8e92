import Foundation
import MycoCalendar
import MycoUnits
import Testing
@testable import MycoRecords

@Suite struct CSVTests {
  @Test(arguments: Store.available) func badRowInTheMiddleImportsNothingAndNamesTheRow(store: Store) throws {
    // Given a batch file whose row 3 (line 3) has a bad elevation and a bad date.
    let folder = try TemporaryFolder()
    let database = try store.open(folder, name: "records")
    let batches = try folder.write(
      "batches.csv",
      batchHeader + """
        A1,Grower A,,700,shiitake,,,15x55,1.0,10,2024-09-01,,0,,,
        A2,Grower A,,abc,shiitake,,,15x55,1.0,10,2024-9-10,,0,,,
        A3,Grower A,,700,shiitake,,,15x55,1.0,10,2024-09-01,,0,,,

        """)

    // When it is imported, then every problem is named with file and row …
    let records = try CSVImport.read(batchesPath: batches, harvestsPath: nil, knownVarieties: knownVarieties)
    let error = #expect(throws: YieldRecordsError.self) {
      try database.importRecords(records, replace: false)
    }
    #expect(
      error?.description == """
        \(batches):3: error: elevation_m: "abc" is not a number
        \(batches):3: error: inoculated_on: "2024-9-10" is not a date written YYYY-MM-DD
        """)
    // … and nothing was imported.
    #expect(try database.batches().isEmpty)
  }

  @Test(arguments: Store.available) func harvestProblemsAgainstBatches(store: Store) throws {
    let folder = try TemporaryFolder()
    let database = try handDatabase(folder, store: store)
    let harvests = try folder.write(
      "more.csv",
      "\u{FEFF}batch_id,harvested_on,flush,fresh_jin,grade,price_yuan_per_kg\n"
        + "A1,2024-12-20,3,4,A,12\nA1,2024-08-01,1,2,A,\nZZ,2024-12-01,1,2,A,\nA2,2024-12-01,0,-3,A,\n")
    let records = try CSVImport.read(batchesPath: nil, harvestsPath: harvests, knownVarieties: knownVarieties)
    #expect(
      records.problems.map(\.description) == [
        "\(harvests):5: error: flush: must be 1 or more, not 0",
        "\(harvests):5: error: fresh_jin: must not be negative",
      ])
    var rest = records
    rest.problems = []
    #expect {
      try database.importRecords(rest, replace: false)
    } throws: {
      "\($0)" == """
        \(harvests):3: error: harvested_on: 2024-08-01 is before batch A1 was inoculated on 2024-09-01
        \(harvests):4: error: batch_id: no batch "ZZ" is recorded
        """
    }
    // 斤 are stored as kg: 4 jin = 2 kg.
    rest.harvests = [rest.harvests[0]]
    try database.importRecords(rest, replace: false)
    #expect(try database.harvests().contains { $0.batchID == "A1" && $0.flush == 3 && $0.freshKg == 2 })
  }

  @Test func headerProblems() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("h.csv", "batch_id,harvested_on,flush,weight\nA1,2024-01-01,1,3\n")
    let records = try CSVImport.read(batchesPath: nil, harvestsPath: file, knownVarieties: knownVarieties)
    #expect(
      records.problems.map(\.description) == [
        "\(file):1: error: weight: is not a known column (expected batch_id, harvested_on, flush, fresh_kg, grade, price_yuan_per_kg, fresh_jin)",
        "\(file):1: error: fresh_kg: column is missing",
      ])
  }

  @Test(arguments: Store.available) func exportImportExportIsByteIdentical(store: Store) throws {
    // Given the sample-like hand data plus awkward text: commas, quotes, newlines, CJK, formulas.
    let folder = try TemporaryFolder()
    let database = try handDatabase(folder, store: store)
    let odd = Batch(
      id: "Q1", grower: "农户甲", place: "=HYPERLINK(\"http://x\")", elevationM: 1234.5,
      variety: "oyster", strain: "+1", substrate: "cotton, \"hulls\"\nline two",
      bagSize: BagDimensions(parsing: "15.5x55")!, drySubstrateKgPerBag: 0.1 + 0.2, bags: 3,
      inoculatedOn: CalendarDate(iso: "2024-01-31")!, facility: "'@odd", adviceRules: ["a.b", "c.d"],
      kbVersion: "2024.09", notes: "-2+3")
    try database.add(odd, knownVarieties: knownVarieties)
    try database.add(
      Harvest(batchID: "Q1", harvestedOn: CalendarDate(iso: "2024-03-01")!, flush: 1, freshKg: 1.0 / 3, grade: "@A"))

    // When exported, imported into an empty database and exported again.
    try database.exportCSV(to: folder.path + "/first")
    let copy = try store.open(folder, name: "copy")
    let records = try CSVImport.read(
      batchesPath: folder.path + "/first/batches.csv", harvestsPath: folder.path + "/first/harvests.csv",
      knownVarieties: knownVarieties)
    #expect(records.problems.isEmpty)
    try copy.importRecords(records, replace: false)
    try copy.exportCSV(to: folder.path + "/second")

    // Then the files are identical and the records equal.
    #expect(try folder.read("first/batches.csv") == folder.read("second/batches.csv"))
    #expect(try folder.read("first/harvests.csv") == folder.read("second/harvests.csv"))
    #expect(try copy.batches() == database.batches())
    #expect(try copy.harvests() == database.harvests())
  }

  @Test(arguments: Store.available) func formulaLikeCellsAreNeutralised(store: Store) throws {
    let folder = try TemporaryFolder()
    let database = try store.open(folder, name: "memory")
    try database.add(
      Batch(
        id: "F1", grower: "=1+2", place: "@SUM(A1)", variety: "oyster", strain: "-x", substrate: "+y",
        bagSize: BagDimensions(parsing: "23x45")!, drySubstrateKgPerBag: 1, bags: 5,
        inoculatedOn: CalendarDate(iso: "2024-03-01")!, notes: "plain"),
      knownVarieties: knownVarieties)
    try database.exportCSV(to: folder.path)
    let text = String(decoding: try folder.read("batches.csv"), as: UTF8.self)
    let row = text.split(separator: "\n")[1]
    #expect(row == "F1,'=1+2,'@SUM(A1),,oyster,'-x,'+y,23x45,1,5,2024-03-01,,0,,,plain")
    #expect(CSVWriter.unguard(CSVWriter.guarded("'=x")) == "'=x")
    #expect(CSVWriter.guarded("'hello") == "'hello")
  }
}
