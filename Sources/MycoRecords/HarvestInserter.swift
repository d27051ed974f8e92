import GRDB

/// Inserts harvests in file order, many rows per statement.
///
/// Most of a million-row import is this loop. Each `Statement.execute` costs GRDB a reset, a
/// check of the arguments and of the transaction state before and after the step, and building
/// its arguments costs Swift an existential per value; here the values go straight into one
/// `[DatabaseValue]` and a statement of `rowsPerStatement` rows pays the rest once for all of
/// them. Rows keep their order (and so their ids); ``flush()`` writes the rows still pending and
/// must be called before anything else touches the `harvest` table.
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
      try multiple.execute(arguments: Self.arguments(pending))
      pending.removeAll(keepingCapacity: true)
    }
  }

  /// Writes the rows still pending, one statement each.
  mutating func flush() throws {
    for start in stride(from: 0, to: pending.count, by: Self.columns) {
      try single.execute(arguments: Self.arguments(pending[start..<start + Self.columns]))
    }
    pending.removeAll(keepingCapacity: true)
  }

  /// The values as statement arguments. GRDB's initialiser for a sequence of `DatabaseValue`
  /// reads each one through the key path `\.databaseValue`, unspecialised: a `perf` profile of
  /// a million-row import put 18 % of all samples there. Its initialiser for optional
  /// existentials calls the protocol requirement instead, without the key path.
  private static func arguments(_ values: some Collection<DatabaseValue>) -> StatementArguments {
    StatementArguments(values.map { $0 as (any DatabaseValueConvertible)? })
  }
}
