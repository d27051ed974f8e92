/// A place in a source file: the file, and where known a 1-based line and column.
///
/// Prints as `FILE:LINE:COLUMN`, the form editors and terminals turn into links. A place known only
/// to the line (a CSV row: ``init(file:row:)``) prints as `FILE:ROW`; a place known only to the
/// file, or a name standing for one (records typed on the command line: `add-batch`), prints as
/// `FILE`. An unknown line or column is 0: it sorts first and is never printed.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The file as the user named it (or a label such as `<string>` or `add-batch`).
  public var file: String
  /// 1-based line number; 0 when not known.
  public var line: Int
  /// 1-based column number (in characters); 0 when not known.
  public var column: Int

  /// A place at `line`, `column` of `file`.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// A row (a line) of `file`, no column: a CSV record.
  public init(file: String, row: Int) { self.init(file: file, line: row, column: 0) }

  /// A whole file, or what stands for one (a command that took the values on its command line).
  public init(file: String) { self.init(file: file, line: 0, column: 0) }

  /// `FILE:LINE:COLUMN`, `FILE:LINE` or `FILE`, as much as is known.
  public var description: String {
    guard line > 0 else { return file }
    return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
  }
}
