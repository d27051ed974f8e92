import Foundation
import MycoRules
import MycoXML
import Testing

/// A tiny rule base in a temporary folder: a small vocabulary and one rule file, checked with the
/// repository's real schemas. `line(of:)` finds where a marker text is, so tests assert exact lines.
struct VerificationFixture {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static let facts = """
    <?xml version="1.0" encoding="UTF-8"?>
    <vocabulary xmlns="urn:myco:vocabulary:1" version="1">
      <fact name="variety" type="choice">
        <label lang="en">variety</label>
        <value id="shiitake"><label lang="en">shiitake</label></value>
        <value id="oyster"><label lang="en">oyster</label></value>
      </fact>
      <fact name="elevation" type="number" dimension="length" unit="m" min="0" max="3000">
        <label lang="en">elevation</label>
      </fact>
      <fact name="month" type="number" dimension="count" min="1" max="12">
        <label lang="en">month</label>
      </fact>
      <fact name="air-temp" type="number" dimension="temperature" unit="°C" min="-30" max="50">
        <label lang="en">air temperature</label>
      </fact>
      <fact name="bag-temp" type="number" dimension="temperature" unit="°C" min="-10" max="60">
        <label lang="en">bag temperature</label>
      </fact>
      <fact name="stage" type="choice">
        <label lang="en">stage</label>
        <value id="bagging"><label lang="en">bagging</label></value>
        <value id="spawn-run"><label lang="en">spawn run</label></value>
      </fact>
      <fact name="risk" type="choice">
        <label lang="en">risk</label>
        <value id="low"><label lang="en">low</label></value>
        <value id="high"><label lang="en">high</label></value>
      </fact>
      <fact name="alarm" type="choice">
        <label lang="en">alarm</label>
        <value id="on"><label lang="en">on</label></value>
      </fact>
    </vocabulary>
    """

  let folder: URL
  let text: String

  /// Writes `rules` (the `<rule>` elements) into `rules.xml` in a new temporary folder.
  init(_ rules: String) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-verify-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Self.facts.write(to: folder.appendingPathComponent("facts.xml"), atomically: true, encoding: .utf8)
    text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rules xmlns="urn:myco:rules:1" id="test" version="1">
      \(rules)
      </rules>
      """
    try text.write(to: folder.appendingPathComponent("rules.xml"), atomically: true, encoding: .utf8)
  }

  /// The 1-based line of the first line containing `marker`.
  func line(of marker: String, occurrence: Int = 1) -> Int {
    let lines = text.components(separatedBy: "\n").indices.filter {
      text.components(separatedBy: "\n")[$0].contains(marker)
    }
    return lines.count >= occurrence ? lines[occurrence - 1] + 1 : 0
  }

  /// Loads and verifies the base (load problems become findings, as in `myco rules check`).
  func check(_ context: VerificationContext = VerificationContext()) throws -> VerificationReport {
    let vocabulary = try VocabularyLoader(
      schema: XMLSchema(file: Self.repository.appendingPathComponent("Sources/MycoKnowledge/Schemas/vocabulary.xsd"))
    ).load(file: folder.appendingPathComponent("facts.xml"), displayName: "facts.xml")
    let schema = try XMLSchema(file: Self.repository.appendingPathComponent("Sources/MycoKnowledge/Schemas/rules.xsd"))
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      let base = try RuleLoader(vocabulary: vocabulary, schema: schema).load(
        files: [(folder.appendingPathComponent("rules.xml"), "rules.xml")])
      return Verifier(context: context).check(base)
    } catch {
      return VerificationReport(loadFailure: error)
    }
  }
}

/// One `<rule>` element; `when` holds the conditions' XML.
func rule(
  _ id: String, priority: Int = 50, certainty: String = "should", topic: String = "timing", text: String = "Wait.",
  when: String, then extra: String = "", source: String = #"<source ref="test-source"/>"#
) -> String {
  """
    <rule id="\(id)" priority="\(priority)" certainty="\(certainty)">
      <title lang="zh">标题</title>
      <title lang="en">Title of \(id)</title>
      <when>
        \(when)
      </when>
      <then>
        <advise topic="\(topic)"><text lang="zh">中文：\(text)</text><text lang="en">\(text)</text></advise>\(extra)
      </then>
      <because lang="zh">原因</because>
      <because lang="en">Because.</because>
      \(source)
    </rule>
  """
}

extension VerificationReport {
  /// The findings other than coverage gaps.
  var problems: [Finding] { findings.filter { $0.kind != .gap } }
}
