import MycoCalendar

/// What is wrong with one value of one record: where it came from, which column, and why.
///
/// Printed as `batches.csv:7: elevation_m: "abc" is not a number`; for records typed on the
/// command line the file is `add-batch` or `add-harvest` and there is no row.
public struct RecordProblem: Sendable, Hashable, CustomStringConvertible {
  /// The file name (or the command) the record came from.
  public let file: String
  /// 1-based line of the record in the file; nil for a record typed on the command line.
  public let row: Int?
  /// The CSV column name the problem is about.
  public let column: String
  /// What is wrong, in plain words.
  public let message: String

  /// Creates a problem.
  public init(file: String, row: Int?, column: String, message: String) {
    self.file = file
    self.row = row
    self.column = column
    self.message = message
  }

  /// `FILE:ROW: column: what is wrong`, on one line: control characters from the file (a
  /// cell's ESC or line feed) are shown escaped (`TerminalText`).
  public var description: String {
    let text = row.map { "\(file):\($0): \(column): \(message)" } ?? "\(file): \(column): \(message)"
    return TerminalText.escaped(text)
  }
}

/// Why a change to the yield records was refused. Nothing was written when one is thrown.
public enum YieldRecordsError: Error, Sendable, CustomStringConvertible {
  /// One or more records were invalid; every problem found is listed.
  case invalidRecords([RecordProblem])
  /// A CSV file could not be read (missing, unreadable, or not UTF-8).
  case unreadableFile(path: String, reason: String)
  /// A CSV file lacks required columns or has unknown ones.
  case badHeader(file: String, problems: [String])
  /// The records database (or a folder to write to) cannot be used; nothing was changed.
  case database(path: String, reason: String)
  /// A report query that cannot be answered (e.g. grouping by elevation band without the bands).
  case query(ReportFieldError)

  /// One message per line, ready for stderr.
  public var description: String {
    switch self {
    case .invalidRecords(let problems):
      return problems.map(\.description).joined(separator: "\n")
    case .unreadableFile(let path, let reason):
      return TerminalText.escaped("\(path): \(reason)")
    case .badHeader(let file, let problems):
      return problems.map { "\(file):1: \($0)" }.joined(separator: "\n")
    case .database(let path, let reason):
      return TerminalText.escaped("\(path): \(reason)")
    case .query(let error):
      return "error: \(error.description)"
    }
  }
}
