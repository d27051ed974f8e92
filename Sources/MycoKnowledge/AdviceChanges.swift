import Foundation
import MycoRules
import MycoXML

/// `myco rules diff`: the rule changes, and the test-case situations whose advice changes.
public struct AdviceChanges: Sendable {
  /// One situation whose advice differs between the old and the new rules.
  public struct CaseChange: Sendable, Hashable {
    /// The test case's id.
    public var testCase: String
    /// `+ rule [topic] certainty`, `- rule …`, `~ rule: text changed`.
    public var lines: [String]
  }

  /// The rules added, removed and changed.
  public var rules: RuleDiff
  /// The test cases whose advice changes, in suite order.
  public var cases: [CaseChange]
  /// How many test cases were compared.
  public var caseCount: Int

  /// Compares two advisors (same knowledge, different rules) over the suite's situations.
  public init(old: Advisor, new: Advisor, suite: RuleTestSuite) {
    rules = RuleDiff(old: old.rules, new: new.rules)
    caseCount = suite.cases.count
    cases = suite.cases.compactMap { testCase in
      let before = Self.advice(old, testCase.situation)
      let after = Self.advice(new, testCase.situation)
      var lines: [String] = []
      for key in Set(before.keys).union(after.keys).sorted() {
        switch (before[key], after[key]) {
        case (nil, let added?): lines.append("+ \(added.rule) [\(added.topic)] \(added.certainty.rawValue)")
        case (let removed?, nil): lines.append("- \(removed.rule) [\(removed.topic)] \(removed.certainty.rawValue)")
        case (let a?, let b?) where a.certainty != b.certainty || a.text != b.text:
          lines.append(
            "~ \(b.rule) [\(b.topic)] "
              + (a.certainty != b.certainty ? "\(a.certainty.rawValue) → \(b.certainty.rawValue)" : "text changed"))
        default: break
        }
      }
      return lines.isEmpty ? nil : CaseChange(testCase: testCase.id, lines: lines)
    }
  }

  /// The advice and warnings given, keyed by rule and topic.
  private static func advice(_ advisor: Advisor, _ situation: Situation) -> [String: Advice] {
    guard let report = try? advisor.advise(situation) else { return [:] }
    let given = report.evaluation.advice + report.evaluation.warnings
    return Dictionary(given.map { ("\($0.rule) \($0.topic) \($0.kind.rawValue)", $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// Loads both rule folders against one knowledge folder and compares them over the test cases
  /// of both folders (the new folder's case wins when both have one id).
  public static func load(
    knowledge: URL, knowledgeName: String, old: URL, oldName: String, new: URL, newName: String
  ) throws(LoadFailure) -> AdviceChanges {
    let knowledgeBase = try KnowledgeBase.load(directory: knowledge, displayName: knowledgeName)
    let oldRules = try Advisor.loadRules(
      old, name: oldName, vocabulary: knowledgeBase.vocabulary, sources: knowledgeBase.sources)
    let newRules = try Advisor.loadRules(
      new, name: newName, vocabulary: knowledgeBase.vocabulary, sources: knowledgeBase.sources)
    var cases: [RuleTestCase] = []
    for (folder, name) in [(new, newName), (old, oldName)] {
      guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("tests").path) else { continue }
      let suite = try RuleTestSuite.load(rulesDirectory: folder, displayName: name)
      cases += suite.cases.filter { candidate in !cases.contains { $0.id == candidate.id } }
    }
    return AdviceChanges(
      old: Advisor(knowledge: knowledgeBase, rules: oldRules), new: Advisor(knowledge: knowledgeBase, rules: newRules),
      suite: RuleTestSuite(cases: cases))
  }

  /// Added, removed and changed rules, then the cases whose advice changes (sheets to reprint).
  public var text: String {
    var lines: [String] = []
    lines += rules.added.map { "added    \($0)" }
    lines += rules.removed.map { "removed  \($0)" }
    for change in rules.changed {
      lines.append("changed  \(change.rule): \(change.parts.joined(separator: ", "))")
      lines += change.details.map { "           \($0)" }
    }
    if rules.isEmpty { lines.append("no rule changed") }
    lines.append("")
    lines.append("Advice changes over \(caseCount) test-case situations (reprint these sheets):")
    if cases.isEmpty { lines.append("  none") }
    for change in cases {
      lines.append("  \(change.testCase)")
      lines += change.lines.map { "    \($0)" }
    }
    lines.append("")
    lines.append(
      "\(rules.added.count) added, \(rules.removed.count) removed, \(rules.changed.count) changed; \(cases.count) of \(caseCount) situations change advice"
    )
    return lines.joined(separator: "\n") + "\n"
  }

  /// `{"added", "removed", "changed", "cases"}`.
  public var json: String {
    struct Case: Encodable { var id: String; var changes: [String] }
    struct Document: Encodable {
      var added, removed: [String]
      var changed: [RuleDiff.Change]
      var cases: [Case]
      var situations: Int
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let document = Document(
      added: rules.added, removed: rules.removed, changed: rules.changed,
      cases: cases.map { Case(id: $0.testCase, changes: $0.lines) }, situations: caseCount)
    return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
  }
}
