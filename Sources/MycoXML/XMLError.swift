/// Why an XML file could not be read. Every error names where it happened.
///
/// Prints as `FILE:LINE:COLUMN: error: message`.
public struct XMLError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of problem this is.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// The file could not be opened or read.
    case io
    /// The file is larger than the loader allows.
    case tooLarge
    /// The document has a DOCTYPE (refused: it could declare entities).
    case doctype
    /// The text is not well-formed XML (or not UTF-8).
    case malformed
    /// Elements nest deeper than the loader allows.
    case tooDeep
    /// The document breaks its XML Schema.
    case schema
  }

  /// What kind of problem this is.
  public var kind: Kind
  /// Where the problem is.
  public var location: SourceLocation
  /// One line in plain words.
  public var message: String

  public init(_ kind: Kind, at location: SourceLocation, _ message: String) {
    self.kind = kind
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): error: \(message)" }
}
