import Foundation
import MycoXML

/// Reads rule files (`<rules>`), checks every rule against the vocabulary, and builds a ``RuleBase``.
///
/// Loading is all-or-nothing: any problem in any file throws ``LoadFailure`` with every problem found.
public struct RuleLoader: Sendable {
  private let vocabulary: Vocabulary
  private let schema: XMLSchema?
  private let sources: SourceRegistry?

  /// - Parameters:
  ///   - vocabulary: the facts rules may use.
  ///   - schema: the rules XSD; nil skips schema validation.
  ///   - sources: the source registry every `<source ref>` must name; nil accepts any `ref` text.
  public init(vocabulary: Vocabulary, schema: XMLSchema?, sources: SourceRegistry? = nil) {
    self.vocabulary = vocabulary
    self.schema = schema
    self.sources = sources
  }

  /// The `*.xml` files directly in `directory`, sorted by name.
  public static func ruleFiles(in directory: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".xml") }.sorted().map { directory.appendingPathComponent($0) }
  }

  /// Loads every rule file directly in `directory`; `displayName` is how the folder is shown in messages.
  public func load(directory: URL, displayName: String) throws(LoadFailure) -> RuleBase {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw LoadFailure([
        Diagnostic(
          kind: "missing-file", at: SourceLocation(file: displayName, line: 1, column: 1), "rules folder not found")
      ])
    }
    let files = Self.ruleFiles(in: directory).map { ($0, "\(displayName)/\($0.lastPathComponent)") }
    return try load(files: files)
  }

  /// Loads the given files (URL and the name shown in messages).
  public func load(files: [(url: URL, displayName: String)]) throws(LoadFailure) -> RuleBase {
    try load(sources: files.map { (.file($0.url), $0.displayName) })
  }

  /// Loads rule files held in memory (their text and the name shown in messages).
  public func load(documents: [(data: Data, displayName: String)]) throws(LoadFailure) -> RuleBase {
    try load(sources: documents.map { (.data($0.data), $0.displayName) })
  }

  /// Where a rules document comes from.
  private enum Source {
    case file(URL)
    case data(Data)

    func read(_ name: String, schema: XMLSchema?) throws(XMLErrors) -> ParsedElement {
      switch self {
      case .file(let url): try XMLReader.read(file: url, displayName: name, schema: schema)
      case .data(let data): try XMLReader.parse(data: data, name: name, schema: schema)
      }
    }
  }

  private func load(sources: [(source: Source, displayName: String)]) throws(LoadFailure) -> RuleBase {
    var diagnostics: [Diagnostic] = []
    var rules: [Rule] = []
    var versions: [String] = []
    var firstDeclared: [String: SourceLocation] = [:]
    for (source, name) in sources {
      do {
        let root = try source.read(name, schema: schema)
        if let version = root["version"] { versions.append(version) }
        var parser = RuleParser(vocabulary: vocabulary, sources: self.sources)
        var found: [Diagnostic] = []
        for element in root.children(named: "rule") {
          found += Self.duplicate(element, &firstDeclared)
          if let rule = parser.parse(element) { rules.append(rule) }
        }
        diagnostics += (found + parser.diagnostics).sorted {
          ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        }
      } catch {
        diagnostics += Self.attributed(error.errors.map(Diagnostic.init), source: source, displayName: name)
      }
    }
    diagnostics += Self.cycles(rules)
    if !diagnostics.isEmpty { throw LoadFailure(diagnostics) }
    return RuleBase(vocabulary: vocabulary, rules: rules, version: versions.max() ?? "")
  }

  /// Names the enclosing rule on schema errors, by reading the file again without the schema.
  private static func attributed(_ diagnostics: [Diagnostic], source: Source, displayName: String) -> [Diagnostic] {
    guard diagnostics.contains(where: { $0.kind == "xml-schema" }),
      let root = try? source.read(displayName, schema: nil)
    else { return diagnostics }
    let starts = root.children(named: "rule").map { ($0.location.line, $0["id"] ?? "") }
    return diagnostics.map { diagnostic in
      guard diagnostic.kind == "xml-schema", diagnostic.rules.isEmpty,
        let rule = starts.last(where: { $0.0 <= diagnostic.location.line }), !rule.1.isEmpty
      else { return diagnostic }
      var named = diagnostic
      named.rules = [rule.1]
      return named
    }
  }

  /// A duplicate-id error if another `<rule>` (parsed or not) already used this id.
  private static func duplicate(_ element: ParsedElement, _ first: inout [String: SourceLocation]) -> [Diagnostic] {
    guard let id = element["id"], !id.isEmpty else { return [] }
    if let earlier = first[id] {
      return [
        Diagnostic(
          kind: "duplicate-id", at: element.location, "rule id '\(id)' is already used at \(earlier)", rules: [id])
      ]
    }
    first[id] = element.location
    return []
  }

  private static func cycles(_ rules: [Rule]) -> [Diagnostic] {
    let byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    return DerivationGraph(rules: rules).cycles().compactMap { cycle in
      guard let first = cycle.first.flatMap({ byID[$0] }) else { return nil }
      return Diagnostic(
        kind: "cycle", at: first.location,
        "derived facts form a cycle through rules \(cycle.joined(separator: " → ")) → \(cycle[0])", rules: cycle)
    }
  }
}
