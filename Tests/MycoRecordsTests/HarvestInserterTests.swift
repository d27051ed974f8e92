import Foundation
import GRDB
import Testing

@testable import MycoRecords

/// Harvests are inserted several rows per statement (`HarvestInserter`): every row is stored,
/// once, in file order (ids follow the file), whatever the count and however rows are read.
@Suite struct HarvestInserterTests {
  /// `batch_id, harvested_on, flush` of every stored harvest, by id.
  func stored(_ path: String) throws -> [String] {
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT batch_id, harvested_on, flush FROM harvest ORDER BY id").map {
        "\($0[0] as String),\($0[1] as String),\($0[2] as Int)"
      }
    }
  }

  /// The first three cells of each data row of a harvest CSV.
  func expected(_ csv: String) -> [String] {
    csv.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).prefix(3).joined(separator: ",")
        .replacingOccurrences(of: "\"", with: "")
    }
  }

  /// Every column of every stored harvest, by id; NULL written as `-`.
  func storedColumns(_ path: String) throws -> [String] {
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
      try Row.fetchAll(
        db, sql: "SELECT batch_id, harvested_on, flush, fresh_kg, grade, price_yuan_per_kg FROM harvest ORDER BY id"
      ).map {
        let grade = ($0[4] as String?) ?? "-"
        let price = ($0[5] as Double?).map { "\($0)" } ?? "-"
        return "\($0[0] as String),\($0[1] as String),\($0[2] as Int),\($0[3] as Double),\(grade),\(price)"
      }
    }
  }

  @Test(arguments: [1, 2, 7, 63, 64, 65, 128, 130])
  func everyRowIsStoredOnceInFileOrder(count: Int) throws {
    var harvests = harvestHeader
    var columns: [String] = []
    for n in 0..<count {
      // Every fifth row quoted, so it is read the general way, between plain rows; weights,
      // grades and prices differ from row to row, and some are left empty (an empty grade is
      // stored as empty text, an empty price as NULL).
      let batch = "A\(1 + n % 2)"
      let cell = n % 5 == 4 ? "\"\(batch)\"" : batch
      let date = "2024-11-\(String(format: "%02d", 1 + n % 28))"
      let kg = 1.5 + Double(n)
      let grade = n % 3 == 2 ? "" : ["A", "B"][n % 2]
      let price = n % 4 == 3 ? "" : "\(10 + n % 7).5"
      harvests += "\(cell),\(date),\(1 + n % 6),\(kg),\(grade),\(price)\n"
      columns.append(
        "\(batch),\(date),\(1 + n % 6),\(kg),\(grade),\(price.isEmpty ? "-" : price)")
    }
    let folder = try TemporaryFolder()
    let batchesPath = try folder.write("b.csv", handBatches)
    let harvestsPath = try folder.write("h.csv", harvests)
    // The one-pass import of `myco yields import`, and the two-step import.
    let onePass = folder.path + "/one.sqlite"
    try YieldDatabase.open(path: onePass).importCSV(
      CSVFiles(batchesPath: batchesPath, harvestsPath: harvestsPath), knownVarieties: knownVarieties,
      replace: false)
    let twoStep = folder.path + "/two.sqlite"
    try YieldDatabase.open(path: twoStep).importRecords(
      CSVImport.read(batchesPath: batchesPath, harvestsPath: harvestsPath, knownVarieties: knownVarieties),
      replace: false)
    #expect(try stored(onePass) == expected(harvests))
    #expect(try stored(twoStep) == expected(harvests))
    #expect(try storedColumns(onePass) == columns)
    #expect(try storedColumns(twoStep) == columns)
  }

  @Test func aReplacedBatchLosesOnlyItsOldHarvests() throws {
    // Given A1 and A2 with harvests stored
    let folder = try TemporaryFolder()
    let path = folder.path + "/r.sqlite"
    let database = try YieldDatabase.open(path: path)
    try database.importCSV(
      CSVFiles(
        batchesPath: try folder.write("b.csv", handBatches), harvestsPath: try folder.write("h.csv", handHarvests)),
      knownVarieties: knownVarieties, replace: false)
    // When A2 is replaced, its new harvests coming after rows of A1 that are still pending
    let again =
      batchHeader + "A2,Grower A,Village A,720,shiitake,L808,sawdust,15x55,1.0,10,2024-09-10,simple-shed,0,,,\n"
    let more = harvestHeader + "A1,2025-01-05,3,1,A,12\nA2,2024-12-01,2,2,A,12\nA2,2024-12-20,3,2,A,12\n"
    let summary = try database.importCSV(
      CSVFiles(batchesPath: try folder.write("b2.csv", again), harvestsPath: try folder.write("h2.csv", more)),
      knownVarieties: knownVarieties, replace: true)
    // Then A2's one old harvest is gone, A1 keeps all of its own plus the new one
    #expect(summary.storedHarvestsRemoved == 1)
    let rows = try stored(path)
    #expect(rows.filter { $0.hasPrefix("A1,") } == ["A1,2024-11-01,1", "A1,2024-12-01,2", "A1,2025-01-05,3"])
    #expect(rows.filter { $0.hasPrefix("A2,") } == ["A2,2024-12-01,2", "A2,2024-12-20,3"])
  }
}
