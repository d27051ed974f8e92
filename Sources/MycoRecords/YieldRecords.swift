/// The yield records, wherever they are kept: a SQLite file (``YieldDatabase``) or a
/// PostgreSQL database (``PostgresRecords``).
///
/// Both keep the same promises: every write is one transaction (any problem writes nothing
/// and names `FILE:ROW`), concurrent writers from several processes lose nothing and never
/// insert a batch twice, and the report gives the same figures from the same records.
public protocol YieldRecords: Sendable {
  /// Adds one batch typed on the command line (or sent to the server).
  func add(_ batch: Batch, knownVarieties: Set<String>) throws
  /// Adds one harvest typed on the command line; `weightColumn` names the option it came from.
  func add(_ harvest: Harvest, weightColumn: String) throws
  /// Adds one input or spray to a stored batch; returns it as stored (with its warning).
  @discardableResult
  func add(_ input: Input, checker: InputChecker?, file: String) throws -> Input
  /// Checks and writes batch, harvest and input CSV files in one transaction: all, or none.
  @discardableResult
  func importCSV(_ files: CSVFiles, knownVarieties: Set<String>, replace: Bool, checker: InputChecker?) throws
    -> ImportSummary
  /// Writes records already read, in one transaction: all, or none.
  @discardableResult
  func importRecords(_ records: CSVImport, replace: Bool, checker: InputChecker?) throws -> ImportSummary
  /// The yield report for a query.
  func report(_ query: ReportQuery) throws -> YieldReport
  /// Writes `batches.csv`, `harvests.csv` and `inputs.csv` into `directory`.
  @discardableResult
  func exportCSV(to directory: String) throws -> (batches: String, harvests: String)
  /// All batches, by id.
  func batches() throws -> [Batch]
  /// All harvests, by batch, date, flush, then entry order.
  func harvests() throws -> [Harvest]
  /// The stored batch with this id, or nil.
  func batch(id: String) throws -> Batch?
  /// The harvests of one batch, by date, flush, then entry order.
  func harvests(batch batchID: String) throws -> [Harvest]
  /// The stored inputs, by batch, date, then entry order; only those of `batchID` when given.
  func inputs(batch batchID: String?) throws -> [Input]
}

extension YieldRecords {
  /// Adds one harvest typed with `--fresh-kg`.
  public func add(_ harvest: Harvest) throws { try add(harvest, weightColumn: "fresh_kg") }

  /// Adds one input typed on the command line (`add-input`).
  @discardableResult
  public func add(_ input: Input, checker: InputChecker? = nil) throws -> Input {
    try add(input, checker: checker, file: "add-input")
  }

  /// Imports CSV files without an input checker.
  @discardableResult
  public func importCSV(_ files: CSVFiles, knownVarieties: Set<String>, replace: Bool) throws -> ImportSummary {
    try importCSV(files, knownVarieties: knownVarieties, replace: replace, checker: nil)
  }

  /// Writes read records without an input checker.
  @discardableResult
  public func importRecords(_ records: CSVImport, replace: Bool) throws -> ImportSummary {
    try importRecords(records, replace: replace, checker: nil)
  }

  /// Every stored input.
  public func inputs() throws -> [Input] { try inputs(batch: nil) }
}

extension YieldDatabase: YieldRecords {}
