import MycoXML

/// A problem found while loading or checking a rule base, with where it is.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  /// How bad a problem is: an error refuses the load, a warning and info do not.
  public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error, warning, info
    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    /// Orders errors first, then warnings, then info.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// How bad the problem is.
  public var severity: Severity
  /// A short machine name for the kind of problem, e.g. `unknown-fact`.
  public var kind: String
  /// Where the problem is: file, line and column.
  public var location: SourceLocation
  /// What is wrong, in one English sentence.
  public var message: String
  /// The rules involved, if any.
  public var rules: [String]

  /// A problem of `kind` at `location`, an error unless `severity` says otherwise.
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

  /// `FILE:LINE:COLUMN: severity: message`, as compilers print problems.
  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Loading failed: nothing was loaded. Holds every problem found, in file order.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
  /// Every problem found, in file order.
  public var diagnostics: [Diagnostic]

  /// A failure with these problems.
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// A failure from the XML reader's errors (malformed or invalid files).
  public init(_ errors: XMLErrors) { self.diagnostics = errors.errors.map(Diagnostic.init) }

  /// One ``Diagnostic`` line per problem.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
