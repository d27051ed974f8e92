import MycoCalendar
import MycoDiagnostics

extension Diagnostic {
  /// What is wrong with one value of one record: where it came from, which column, and why (kind
  /// ``Diagnostic/Kind/badRecord``).
  ///
  /// Printed as `batches.csv:7: error: elevation_m: "abc" is not a number`; for records typed on the
  /// command line the file is the command (`add-batch`, `add-harvest`), there is no row, and the field
  /// is the option (`--elevation`).
  public static func record(
    file: String, row: Int?, column: String, message: String, severity: Severity = .error
  ) -> Diagnostic {
    Diagnostic(
      severity, kind: .badRecord, at: row.map { SourceLocation(file: file, row: $0) } ?? SourceLocation(file: file),
      field: column, message)
  }
}

/// Why a change to the yield records was refused. Nothing was written when one is thrown.
public enum YieldRecordsError: Error, Sendable, CustomStringConvertible {
  /// One or more records were invalid; every problem found is listed (kind
  /// ``Diagnostic/Kind/badRecord``, made by ``Diagnostic/record(file:row:column:message:severity:)``).
  case invalidRecords([Diagnostic])
  /// A CSV file could not be read (missing, unreadable, or not UTF-8).
  case unreadableFile(path: String, reason: String)
  /// A CSV file lacks required columns or has unknown ones.
  case badHeader(file: String, problems: [String])
  /// The records database (or a folder to write to) cannot be used; nothing was changed.
  case database(path: String, reason: String)
  /// A report query that cannot be answered (e.g. grouping by elevation band without the bands).
  case query(ReportFieldError)

  /// The refusal as diagnostics, one per problem, for the CLI's one renderer.
  public var diagnostics: [Diagnostic] {
    switch self {
    case .invalidRecords(let problems):
      return problems
    case .unreadableFile(let path, let reason):
      return [Diagnostic(kind: .unreadableFile, at: SourceLocation(file: path), reason)]
    case .badHeader(let file, let problems):
      return problems.map { Diagnostic(kind: .badHeader, at: SourceLocation(file: file, row: 1), $0) }
    case .database(let path, let reason):
      return [Diagnostic(kind: .database, at: SourceLocation(file: path), reason)]
    case .query(let error):
      return [Diagnostic(kind: .badQuery, error.description)]
    }
  }

  /// One problem per line (`FILE:ROW: error: column: message`), control characters from the files
  /// shown escaped.
  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
