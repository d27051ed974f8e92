/// One or more problems found while reading an XML file, in document order.
public struct XMLErrors: Error, Sendable, CustomStringConvertible {
  /// The problems, at least one.
  public var errors: [XMLError]

  public init(_ errors: [XMLError]) { self.errors = errors }

  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
