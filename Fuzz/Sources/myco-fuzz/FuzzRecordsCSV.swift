import Foundation
import GRDB
import MycoKnowledge
import MycoRecords
import MycoUnits

/// `batches` and `harvests`: the yield-records CSV import, from memory, into an in-memory
/// database (emptied before each input), then the yield report in text and JSON.
///
/// The input is one CSV file; the other file is fixed (Tests/Fixtures/fuzz-csv/: a small batch
/// or harvest file). The import goes through `YieldDatabase.importCSV` (what `myco yields
/// import` runs); when it succeeds, the report is grouped by variety and by bag size, so that
/// two groups are compared, and by season × elevation band (the bundled knowledge's bands).
final class FuzzRecordsCSV: FuzzTarget, @unchecked Sendable {
  enum Fuzzed { case batches, harvests }

  private let fuzzed: Fuzzed
  private let fixed: [UInt8]
  private let varieties: Set<String> = ["shiitake", "oyster", "wood-ear", "button", "enoki"]

  private let queue: DatabaseQueue
  private let database: YieldDatabase
  private let bands: ElevationBands

  init(root: URL, fuzzed: Fuzzed) {
    self.fuzzed = fuzzed
    queue = try! DatabaseQueue(configuration: YieldDatabase.makeConfiguration())
    database = try! YieldDatabase(queue)
    bands = try! KnowledgeBase.load(directory: root.appendingPathComponent("Knowledge")).elevationBands
    let other = fuzzed == .batches ? "harvests.csv" : "batches.csv"
    fixed = [UInt8](try! Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/fuzz-csv/\(other)")))
  }

  func run(_ input: Data) {
    let bytes = [UInt8](input)
    let files =
      fuzzed == .batches
      ? CSVFiles(batches: ("batches.csv", bytes), harvests: ("harvests.csv", fixed))
      : CSVFiles(batches: ("batches.csv", fixed), harvests: ("harvests.csv", bytes))
    // One in-memory database for the whole run, emptied before each input (migrating a new one
    // per input cost more than the import itself).
    _ = try? queue.write { db in try db.execute(sql: "DELETE FROM harvest; DELETE FROM batch") }
    guard (try? database.importCSV(files, knownVarieties: varieties, replace: false)) != nil else { return }
    for fields in [[ReportField.variety], [.bagSize], [.season, .elevationBand]] {
      guard let report = try? database.report(ReportQuery(groupBy: fields, elevationBands: bands)) else { continue }
      _ = report.rendered(as: .text)
      _ = report.rendered(as: .json)
    }
  }
}
