import Foundation
import Testing
@testable import MycoRecords

@Suite struct ConcurrencyTests {
  /// A batch file with `count` batches named `prefix1…`, each with 50 harvests.
  func files(_ folder: TemporaryFolder, prefix: String, count: Int) throws -> CSVImport {
    var batches = batchHeader
    var harvests = harvestHeader
    for n in 1...count {
      batches += "\(prefix)\(n),Grower A,,700,shiitake,,,15x55,1,10,2024-09-01,,0,,,\n"
      for flush in 1...50 { harvests += "\(prefix)\(n),2024-11-01,\(flush),1.5,A,\n" }
    }
    return try CSVImport.read(
      batchesPath: try folder.write("\(prefix)-b.csv", batches),
      harvestsPath: try folder.write("\(prefix)-h.csv", harvests), knownVarieties: knownVarieties)
  }

  @Test(arguments: Store.available) func twoDifferentImportsAtOnceBothLand(store: Store) async throws {
    let folder = try TemporaryFolder()
    let path = try store.newLocation(folder)
    let first = try files(folder, prefix: "X", count: 40)
    let second = try files(folder, prefix: "Y", count: 40)
    // Two connections, as two `myco` processes would have.
    let a = try RecordsLocation.parse(path).open()
    let b = try RecordsLocation.parse(path).open()
    async let one = Task.detached { try a.importRecords(first, replace: false) }.value
    async let two = Task.detached { try b.importRecords(second, replace: false) }.value
    _ = try await (one, two)
    #expect(try a.batches().count == 80)
    #expect(try a.harvests().count == 80 * 50)
  }

  @Test(arguments: Store.available) func theSameImportTwiceAtOnceLandsOnce(store: Store) async throws {
    let folder = try TemporaryFolder()
    let path = try store.newLocation(folder)
    let records = try files(folder, prefix: "S", count: 40)
    let a = try RecordsLocation.parse(path).open()
    let b = try RecordsLocation.parse(path).open()
    let one = Task.detached { try a.importRecords(records, replace: false) }
    let two = Task.detached { try b.importRecords(records, replace: false) }
    let results = [await one.result, await two.result]
    let failures = results.compactMap { result -> YieldRecordsError? in
      if case .failure(let error) = result { return error as? YieldRecordsError }
      return nil
    }
    // Exactly one failed, cleanly, because the batch ids were already recorded.
    #expect(failures.count == 1)
    #expect(failures.first?.description.contains("is already recorded") == true)
    #expect(try a.batches().count == 40)
    #expect(try a.harvests().count == 40 * 50)
  }
}
