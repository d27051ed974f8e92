import GRDB

/// Inserts harvests in file order, several rows per statement.
///
/// Most of a million-row import is this loop. Each `Statement.execute` costs GRDB a reset, a
/// check of the arguments and of the transaction state before and after the step, which for a
/// six-column row is as much as SQLite's own work; a statement of `rowsPerStatement` rows pays
/// that once for all of them. Rows keep their order (and so their ids); ``flush()`` writes the
/// rows still pending and must be called before anything else touches the `harvest` table.
struct HarvestInserter {
  /// Rows per multi-row statement: three rows are 18 arguments, which GRDB binds without copying
  /// their text (it copies above 20).
  static let rowsPerStatement = 3

  private let single: Statement
  private let multiple: Statement
  private var pending: [StatementArguments] = []
  /// Rows written so far.
  private(set) var inserted = 0

  init(_ db: Database) throws {
    single = try db.makeStatement(sql: Harvest.insertSQL)
    let values = Array(repeating: "(?, ?, ?, ?, ?, ?)", count: Self.rowsPerStatement).joined(separator: ", ")
    multiple = try db.makeStatement(
      sql: "INSERT INTO harvest (batch_id, harvested_on, flush, fresh_kg, grade, price_yuan_per_kg) VALUES \(values)")
  }

  /// Adds one row's arguments (`Harvest.arguments` or `PlainHarvest.arguments`).
  mutating func add(_ arguments: StatementArguments) throws {
    pending.append(arguments)
    if pending.count == Self.rowsPerStatement {
      var all = StatementArguments()
      for row in pending { all += row }
      try multiple.execute(arguments: all)
      inserted += pending.count
      pending.removeAll(keepingCapacity: true)
    }
  }

  /// Writes the rows still pending, one statement each.
  mutating func flush() throws {
    for row in pending { try single.execute(arguments: row) }
    inserted += pending.count
    pending.removeAll(keepingCapacity: true)
  }
}
