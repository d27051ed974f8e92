import Foundation
import MycoRecords
import MycoUnits
import Testing

/// A batch's bag size must lie in the sizes Myco accepts (Knowledge/facts.xml: folded width
/// 5–60 cm, length 10–120 cm), for a CSV row and the `add-batch` flags alike.
@Suite struct BagSizeLimitTests {
  @Test(arguments: Store.available) func aCSVRowWithAnImpossibleBagIsRefusedWithTheRangeAndNothingIsImported(
    store: Store
  ) throws {
    // Given a batch file whose rows 2 and 4 have sizes no bag has
    let folder = try TemporaryFolder()
    let database = try store.open(folder, name: "records")
    let batches = try folder.write(
      "batches.csv",
      batchHeader + """
        A1,Grower A,,700,shiitake,,,1000x1000,1.0,10,2024-09-01,,0,,,
        A2,Grower A,,700,shiitake,,,15x55,1.0,10,2024-09-01,,0,,,
        A3,Grower A,,700,shiitake,,,0.0001x0.0001,1.0,10,2024-09-01,,0,,,

        """)
    // When it is imported
    let records = try CSVImport.read(batchesPath: batches, harvestsPath: nil, knownVarieties: knownVarieties)
    let error = #expect(throws: YieldRecordsError.self) { try database.importRecords(records, replace: false) }
    // Then each bad row is named with the range, and nothing was imported
    #expect(
      error?.description == """
        \(batches):2: error: bag_size: bag 1000x1000 cm is outside the sizes accepted (folded width 5–60 cm, length 10–120 cm)
        \(batches):4: error: bag_size: bag 0.0001x0.0001 cm is outside the sizes accepted (folded width 5–60 cm, length 10–120 cm)
        """)
    #expect(try database.batches().isEmpty)
  }

  @Test func aCSVRowTakesTheBagSpellingsTheAdviceFlagsTake() throws {
    // Given a batch file with the sizes written as growers write them for `advise --bag`
    let folder = try TemporaryFolder()
    let batches = try folder.write(
      "batches.csv",
      batchHeader + """
        A1,Grower A,,700,shiitake,,,15*55,1.0,10,2024-09-01,,0,,,
        A2,Grower A,,700,shiitake,,,15 x 55cm,1.0,10,2024-09-01,,0,,,
        A3,Grower A,,700,shiitake,,,15.5×55,1.0,10,2024-09-01,,0,,,

        """)
    // When it is read
    let records = try CSVImport.read(batchesPath: batches, harvestsPath: nil, knownVarieties: knownVarieties)
    // Then every row is read, as the one bag size type
    #expect(records.problems.isEmpty, "\(records.problems)")
    #expect(records.batches.map(\.value.bagSize.description) == ["15x55", "15x55", "15.5x55"])
  }

  @Test func theEdgesOfTheRangeAreAccepted() throws {
    for text in ["5x10", "60x120", "15.5x55"] {
      let size = try #require(BagDimensions(parsing: text))
      #expect(size.problem() == nil, "\(text)")
    }
    #expect(BagDimensions(parsing: "4.99x55")?.problem() != nil)
    #expect(BagDimensions(parsing: "15x120.5")?.problem() != nil)
  }
}
