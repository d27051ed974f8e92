import MycoXML

/// A problem found while loading or checking a rule base, with where it is.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error, warning, info
    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  public var severity: Severity
  /// A short machine name for the kind of problem, e.g. `unknown-fact`.
  public var kind: String
  public var location: SourceLocation
  public var message: String
  /// The rules involved, if any.
  public var rules: [String]

  public init(
    _ severity: Severity = .error, kind: String, at location: SourceLocation, _ message: String,
    rules: [String] = []
  ) {
    self.severity = severity
    self.kind = kind
    self.location = location
    self.message = message
    self.rules = rules
  }

  /// Wraps an XML reader error.
  public init(_ error: XMLError) {
    self.init(kind: "xml-\(error.kind.rawValue)", at: error.location, error.message)
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Loading failed: nothing was loaded. Holds every problem found, in file order.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  public init(_ errors: XMLErrors) { self.diagnostics = errors.errors.map(Diagnostic.init) }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
