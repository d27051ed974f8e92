import GRDB

/// Inserts harvests in file order, many rows per statement.
///
/// Most of a million-row import is this loop. Each `Statement.execute` costs GRDB a reset, a
/// check of the arguments and of the transaction state before and after the step; here the values
/// go straight into one `[DatabaseValue]` and a statement of `rowsPerStatement` rows pays the rest
/// once for all of them. The values are bound one by one (see ``execute(_:_:)``), not through
/// `StatementArguments`. Rows keep their order (and so their ids); ``flush()`` writes the rows
/// still pending and must be called before anything else touches the `harvest` table.
struct HarvestInserter {
  /// Rows per multi-row statement: 64 rows are 384 values, below SQLite's oldest limit (999).
  static let rowsPerStatement = 64
  /// Values per row (the columns of `Harvest.insertSQL`).
  static let columns = 6

  private let single: Statement
  private let multiple: Statement
  private var pending: [DatabaseValue] = []

  init(_ db: Database) throws {
    single = try db.makeStatement(sql: Harvest.insertSQL)
    let values = Array(repeating: "(?, ?, ?, ?, ?, ?)", count: Self.rowsPerStatement).joined(separator: ", ")
    multiple = try db.makeStatement(
      sql: "INSERT INTO harvest (batch_id, harvested_on, flush, fresh_kg, grade, price_yuan_per_kg) VALUES \(values)")
    pending.reserveCapacity(Self.rowsPerStatement * Self.columns)
  }

  /// Adds one row: `append` appends its values (`Harvest.append(to:)`, `PlainHarvest.append(to:)`).
  mutating func add(_ append: (inout [DatabaseValue]) -> Void) throws {
    append(&pending)
    if pending.count == Self.rowsPerStatement * Self.columns {
      try Self.execute(multiple, pending)
      pending.removeAll(keepingCapacity: true)
    }
  }

  /// Writes the rows still pending, one statement each.
  mutating func flush() throws {
    for start in stride(from: 0, to: pending.count, by: Self.columns) {
      try Self.execute(single, pending[start..<start + Self.columns])
    }
    pending.removeAll(keepingCapacity: true)
  }

  /// Runs `statement` with `values` bound to its parameters, in order.
  ///
  /// `StatementArguments` would cost more than SQLite's own work: building it maps every value
  /// through GRDB's unspecialised generic code (a `perf` profile of a million-row import put 18 %
  /// of all samples in its key-path projections; with optional existentials instead, callgrind still
  /// counted 7,300 instructions a row). With GRDB's public API only: `setUncheckedArguments` with
  /// no values resets the statement and clears its bindings, each `DatabaseValue` binds itself
  /// (`StatementBinding`), and `execute()` without arguments runs the statement as bound.
  /// Every parameter is bound: `values` has exactly as many values as the statement has `?`.
  private static func execute(_ statement: Statement, _ values: some Collection<DatabaseValue>) throws {
    statement.setUncheckedArguments(StatementArguments())
    var index: CInt = 1
    for value in values {
      let code = value.bind(to: statement.sqliteStatement, at: index)
      guard code == 0 else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code), message: "could not bind value \(index)", sql: statement.sql)
      }
      index += 1
    }
    try statement.execute()
  }
}
