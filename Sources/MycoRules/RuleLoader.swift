import MycoDiagnostics
import Foundation
import MycoXML

/// Reads rule files (`<rules>`), checks every rule against the vocabulary, and builds a ``RuleBase``.
///
/// Loading is all-or-nothing: any problem in any file throws ``Diagnostics`` with every problem found.
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
  public func load(directory: URL, displayName: String) throws(Diagnostics) -> RuleBase {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw Diagnostics([
        Diagnostic(
          kind: .missingFile, at: SourceLocation(file: displayName, line: 1, column: 1), "rules folder not found")
      ])
    }
    let files = Self.ruleFiles(in: directory).map { ($0, "\(displayName)/\($0.lastPathComponent)") }
    return try load(files: files)
  }

  /// Loads the given files (URL and the name shown in messages).
  public func load(files: [(url: URL, displayName: String)]) throws(Diagnostics) -> RuleBase {
    try load(sources: files.map { (.file($0.url), $0.displayName) })
  }

  /// Loads rule files held in memory (their text and the name shown in messages).
  public func load(documents: [(data: Data, displayName: String)]) throws(Diagnostics) -> RuleBase {
    try load(sources: documents.map { (.data($0.data), $0.displayName) })
  }

  /// Where a rules document comes from.
  private enum Source {
    case file(URL)
    case data(Data)

    func read(_ name: String, schema: XMLSchema?) throws(Diagnostics) -> ParsedElement {
      switch self {
      case .file(let url): try XMLReader.read(file: url, displayName: name, schema: schema)
      case .data(let data): try XMLReader.parse(data: data, name: name, schema: schema)
      }
    }
  }

  /// How many rules of one file one core parses at a time.
  static let rulesPerChunk = 250

  /// What one file gave: its rules and problems, and every `<rule>` element's id (for duplicates).
  private struct FileResult {
    var version: String?
    var rules: [Rule] = []
    var ids: [(id: String, location: SourceLocation)] = []
    var diagnostics: [Diagnostic] = []
    var failed = false
  }

  /// Reads, validates and parses one file; touches nothing shared, so files load in parallel.
  private func loadFile(_ source: Source, _ name: String) -> FileResult {
    var result = FileResult()
    do {
      let root = try source.read(name, schema: schema)
      result.version = root["version"]
      let elements = root.children.filter { $0.name == "rule" }
      for element in elements {
        if let id = element["id"], !id.isEmpty { result.ids.append((id, element.location)) }
      }
      // The rules are parsed in chunks on as many cores as there are (a folder of one large file
      // would otherwise parse on one core). A rule's parse depends on no other rule, and the chunks'
      // rules and messages are joined in file order, so nothing depends on timing.
      let chunks = stride(from: 0, to: elements.count, by: Self.rulesPerChunk).map {
        $0..<min($0 + Self.rulesPerChunk, elements.count)
      }
      let parsed = parallelMap(chunks) { range in
        var parser = RuleParser(vocabulary: vocabulary, sources: sources)
        var rules: [Rule] = []
        rules.reserveCapacity(range.count)
        for element in elements[range] {
          if let rule = parser.parse(element) { rules.append(rule) }
        }
        return (rules: rules, diagnostics: parser.diagnostics)
      }
      for chunk in parsed {
        if result.rules.isEmpty { result.rules = chunk.rules } else { result.rules += chunk.rules }
        result.diagnostics += chunk.diagnostics
      }
    } catch {
      result.failed = true
      result.diagnostics = Self.attributed(error.diagnostics, source: source, displayName: name)
    }
    return result
  }

  private func load(sources: [(source: Source, displayName: String)]) throws(Diagnostics) -> RuleBase {
    // Each file is parsed, validated and turned into rules on its own (libxml2 validation contexts
    // are per call); the results are then merged in file order, so messages do not depend on timing.
    var results = [FileResult](repeating: FileResult(), count: sources.count)
    results.withUnsafeMutableBufferPointer { buffer in
      // Each iteration writes only its own slot, and concurrentPerform returns after all of them.
      nonisolated(unsafe) let slots = buffer
      DispatchQueue.concurrentPerform(iterations: sources.count) { index in
        slots[index] = loadFile(sources[index].source, sources[index].displayName)
      }
    }
    var diagnostics: [Diagnostic] = []
    var rules: [Rule] = []
    var versions: [String] = []
    var firstDeclared: [String: SourceLocation] = [:]
    for index in results.indices {
      // The file's rules are taken out of its result, so that a single file's array passes on
      // to the rule base uncopied (and uniquely referenced, so it is reordered in place).
      let fileRules = results[index].rules
      results[index].rules = []
      if rules.isEmpty { rules = fileRules } else { rules += fileRules }
      let result = results[index]
      if let version = result.version { versions.append(version) }
      guard !result.failed else {
        diagnostics += result.diagnostics
        continue
      }
      var found: [Diagnostic] = []
      for (id, location) in result.ids {
        if let earlier = firstDeclared[id] {
          found.append(
            Diagnostic(kind: .duplicateID, at: location, "rule id '\(id)' is already used at \(earlier)", rules: [id])
          )
        } else {
          firstDeclared[id] = location
        }
      }
      diagnostics += (found + result.diagnostics).sorted {
        ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
      }
    }
    diagnostics += Self.cycles(rules)
    if !diagnostics.isEmpty { throw Diagnostics(diagnostics) }
    return RuleBase(vocabulary: vocabulary, rules: consume rules, version: versions.max() ?? "")
  }

  /// Names the enclosing rule on schema errors, by reading the file again without the schema.
  private static func attributed(_ diagnostics: [Diagnostic], source: Source, displayName: String) -> [Diagnostic] {
    guard diagnostics.contains(where: { $0.kind == .xmlSchema }),
      let root = try? source.read(displayName, schema: nil)
    else { return diagnostics }
    let starts = root.children(named: "rule").map { ($0.location.line, $0["id"] ?? "") }
    return diagnostics.map { diagnostic in
      guard diagnostic.kind == .xmlSchema, diagnostic.rules.isEmpty,
        let rule = starts.last(where: { $0.0 <= diagnostic.location?.line ?? 0 }), !rule.1.isEmpty
      else { return diagnostic }
      var named = diagnostic
      named.rules = [rule.1]
      return named
    }
  }

  private static func cycles(_ rules: [Rule]) -> [Diagnostic] {
    let found = DerivationGraph(rules: rules).cycles()
    // Only a base with a cycle needs its rules by id (building the table copied every rule).
    guard !found.isEmpty else { return [] }
    var byID: [String: SourceLocation] = [:]
    for rule in rules where byID[rule.id] == nil { byID[rule.id] = rule.location }
    return found.compactMap { cycle in
      guard let first = cycle.first.flatMap({ byID[$0] }) else { return nil }
      return Diagnostic(
        kind: .cycle, at: first,
        "derived facts form a cycle through rules \(cycle.joined(separator: " → ")) → \(cycle[0])", rules: cycle)
    }
  }
}
