import MycoDiagnostics
import Foundation
import MycoRecords
import Testing

/// Dates outside 1900–2200 in a records CSV are refused with the row, and nothing is imported.
@Suite struct DateLimitTests {
  @Test(arguments: Store.available) func aBatchInoculatedInTheYearOneIsRefused(store: Store) throws {
    let folder = try TemporaryFolder()
    let database = try store.open(folder, name: "records")
    let batches = try folder.write(
      "batches.csv",
      batchHeader + """
        A1,Grower A,,700,shiitake,,,15x55,1.0,10,0001-01-01,,0,,,
        A2,Grower A,,700,shiitake,,,15x55,1.0,10,2201-01-01,,0,,,

        """)
    let records = try CSVImport.read(batchesPath: batches, harvestsPath: nil, knownVarieties: knownVarieties)
    #expect(records.problems.map(\.location?.line) == [2, 3])
    #expect(records.problems.allSatisfy { $0.field == "inoculated_on" })
    #expect(throws: YieldRecordsError.self) { try database.importRecords(records, replace: false) }
    #expect(try database.batches().isEmpty)
  }
}
