import MycoDiagnostics
import Foundation
import MycoRules
import MycoXML

/// A tiny, domain-free rule base written to a temporary folder, loaded with the real schema.
struct RuleFixture {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let location = SourceLocation(file: "vocabulary", line: 1, column: 1)

  /// Facts: `crop` (choice a/b), `temp` (°C), `length` (cm), `risk` (choice low/high), `seen` (set), `wet` (flag).
  static let vocabulary = Vocabulary([
    FactDeclaration(
      name: "crop", type: .choice,
      values: [.init(id: "a", label: .init(["en": "A"])), .init(id: "b", label: .init(["en": "B"]))],
      question: .init(["en": "Which crop?"]), location: location),
    FactDeclaration(
      name: "temp", type: .number, dimension: .temperature, displayUnit: UnitOfMeasure.named("°C"),
      question: .init(["en": "How warm?"]), location: location),
    FactDeclaration(
      name: "room", type: .number, dimension: .temperature, displayUnit: UnitOfMeasure.named("°C"), location: location),
    FactDeclaration(
      name: "length", type: .number, dimension: .length, displayUnit: UnitOfMeasure.named("cm"), location: location),
    FactDeclaration(
      name: "risk", type: .choice, values: [.init(id: "low", label: .init()), .init(id: "high", label: .init())],
      location: location),
    FactDeclaration(
      name: "level", type: .choice, values: [.init(id: "one", label: .init()), .init(id: "two", label: .init())],
      location: location),
    FactDeclaration(
      name: "seen", type: .set, values: [.init(id: "spots", label: .init()), .init(id: "flies", label: .init())],
      location: location),
    FactDeclaration(name: "wet", type: .flag, location: location),
  ])

  /// A `<rule>` with both languages, a because and a source around `body` (`<when>…</when><then>…</then>`).
  static func rule(_ id: String, priority: Int = 50, certainty: String = "should", _ body: String) -> String {
    """
      <rule id="\(id)" priority="\(priority)" certainty="\(certainty)">
        <title lang="zh">标题</title><title lang="en">Title \(id)</title>
        \(body)
        <because lang="zh">原因</because><because lang="en">Reason</because>
        <source ref="test"/>
      </rule>
    """
  }

  /// A rules document around `rules`.
  static func document(_ rules: String...) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rules xmlns=\"urn:myco:rules:1\" id=\"t\" version=\"1\">\n"
      + rules.joined(separator: "\n") + "\n</rules>\n"
  }

  /// An advise conclusion with both languages.
  static func advise(_ topic: String, _ text: String = "do it") -> String {
    "<advise topic=\"\(topic)\"><text lang=\"zh\">\(text)</text><text lang=\"en\">\(text)</text></advise>"
  }

  /// Writes the files into a fresh folder (with the real schema) and loads them.
  static func load(_ files: [String: String]) throws(Diagnostics) -> RuleBase {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-rules-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, text) in files {
      try? text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let schema: XMLSchema
    // The rules schema is MycoKnowledge's resource; MycoRules (domain-free) reads it from the repository.
    let url = repository.appendingPathComponent("Sources/MycoKnowledge/Schemas/rules.xsd")
    do { schema = try XMLSchema(file: url) } catch {
      throw error
    }
    return try RuleLoader(vocabulary: vocabulary, schema: schema).load(directory: folder, displayName: "rules")
  }

  /// The diagnostics of loading `text` as `r.xml` without the schema: what the loader itself checks.
  static func problemsWithoutSchema(_ text: String, vocabulary: Vocabulary = vocabulary) -> [Diagnostic] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-rules-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try? text.write(to: folder.appendingPathComponent("r.xml"), atomically: true, encoding: .utf8)
    do {
      _ = try RuleLoader(vocabulary: vocabulary, schema: nil).load(directory: folder, displayName: "rules")
      return []
    } catch {
      return error.diagnostics
    }
  }

  /// Loads one file `r.xml`.
  static func load(_ text: String) throws(Diagnostics) -> RuleBase { try load(["r.xml": text]) }

  /// The diagnostics loading `text` as `r.xml` produces (empty if it loads).
  static func problems(_ text: String) -> [Diagnostic] {
    do {
      _ = try load(text)
      return []
    } catch {
      return error.diagnostics
    }
  }
}
