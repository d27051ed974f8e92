import MycoDiagnostics

/// A record together with where it was read from, so later checks can name the row.
public struct SourcedRecord<Value: Sendable>: Sendable {
  /// The record.
  public var value: Value
  /// The file (or command) it came from.
  public var file: String
  /// Its 1-based line in the file, nil when typed on the command line.
  public var row: Int?
  /// The column its weight came from (`fresh_kg` or `fresh_jin`), for messages.
  public var weightColumn: String

  /// Creates a sourced record.
  public init(_ value: Value, file: String, row: Int?, weightColumn: String = "fresh_kg") {
    self.value = value
    self.file = file
    self.row = row
    self.weightColumn = weightColumn
  }

  func problem(_ column: String, _ message: String) -> Diagnostic {
    Diagnostic.record(file: file, row: row, column: column, message: message)
  }
}
