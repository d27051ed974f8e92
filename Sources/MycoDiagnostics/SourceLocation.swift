/// A place in a source file: 1-based line and column.
///
/// Prints as `FILE:LINE:COLUMN`, the form editors and terminals turn into links.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The file as the user named it (or a label such as `<string>`).
  public var file: String
  /// 1-based line number.
  public var line: Int
  /// 1-based column number (in characters).
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}
