import Foundation
import MycoCalendar
import MycoRules
import MycoXML

/// `myco rules explain`: one rule in plain words — when it applies, what it advises and why, its
/// source, which rules it overrides or is overridden by, and which test cases cover it.
public struct RuleExplanation: Sendable {
  /// A test case that covers the rule: it names the rule in an expectation, or the rule fires in it.
  public struct Coverage: Sendable, Hashable {
    /// The test case's id.
    public var testCase: String
    /// Where the test case is written.
    public var location: SourceLocation
    /// True when one of its expectations names the rule.
    public var namesRule: Bool
    /// True when the rule fires in its situation.
    public var fires: Bool
  }

  /// The rule explained.
  public let rule: Rule
  /// The vocabulary its tests are worded with.
  public let vocabulary: Vocabulary
  /// The rules that compete with it for a topic, and who wins.
  public let competitors: [RuleRelations.Competitor]
  /// The test cases that cover it.
  public let coverage: [Coverage]

  /// Explains `ruleID`, or nil when the advisor has no such rule.
  public init?(_ ruleID: String, advisor: Advisor, suite: RuleTestSuite?) {
    guard let rule = advisor.rules.rule(id: ruleID) else { return nil }
    self.rule = rule
    vocabulary = advisor.rules.vocabulary
    competitors = RuleRelations(advisor.rules).competitors(of: ruleID)
    coverage = (suite?.cases ?? []).compactMap { testCase in
      let names = testCase.expectations.contains { $0.rule == ruleID }
      let report = try? advisor.advise(testCase.situation)
      let fires = report?.evaluation.fired.contains { $0.rule == ruleID } ?? false
      guard names || fires else { return nil }
      return Coverage(testCase: testCase.id, location: testCase.location, namesRule: names, fires: fires)
    }
  }

  /// The explanation as text in `language` (`zh` or `en`).
  public func text(language: Language) -> String {
    let zh = language == .zh
    var lines: [String] = []
    lines.append("\(rule.id) — \(rule.title.text(in: language))")
    lines.append(
      zh
        ? "位置：\(rule.location)；优先级 \(rule.priority)；把握：\(rule.certainty.words(in: language))"
        : "At \(rule.location); priority \(rule.priority); certainty: \(rule.certainty.words(in: language))")
    lines.append("")
    lines.append(zh ? "什么时候适用（以下条件都成立时）：" : "When it applies (all of these hold):")
    lines += rule.condition.phrases(vocabulary, language: language).map { "  • \($0)" }
    lines.append("")
    lines.append(zh ? "建议什么：" : "What it advises:")
    for conclusion in rule.conclusions {
      switch conclusion {
      case .advise(let topic, let text):
        lines.append("  • [\(topic)] \(rule.certainty.words(in: language))\(zh ? "" : ":") \(text.text(in: language))")
      case .warn(let topic, let text):
        lines.append("  • [\(topic)] \(zh ? "警告" : "Warning"): \(text.text(in: language))")
      case .derive(let fact, let value):
        let label = vocabulary[fact]?.label.text(in: language) ?? fact
        let shown = vocabulary[fact]?.display(value, language: language) ?? value.description
        lines.append(zh ? "  • 推出：\(label) = \(shown)（供其他规则使用）" : "  • Derives: \(label) = \(shown) (for other rules)")
      }
    }
    lines.append("")
    lines.append((zh ? "为什么：" : "Why: ") + rule.because.text(in: language))
    lines.append(zh ? "出处：" : "Sources:")
    lines += rule.sources.map {
      "  • \($0.referenceWithNote) [\($0.id)\($0.publication.map { ", grade " + $0.grade.rawValue } ?? "")]\($0.href.map { " <\($0)>" } ?? "")\($0.uncertain ? (zh ? "（不确定）" : " (uncertain)") : "")"
    }
    lines.append("")
    let wins = competitors.filter(\.thisWins)
    let loses = competitors.filter { !$0.thisWins }
    lines.append(zh ? "压过（两条都适用时这条胜出）：" : "Overrides (when both apply, this rule wins):")
    lines += wins.isEmpty ? [zh ? "  （无）" : "  (none)"] : wins.map { "  • \($0.rule) [\($0.topic)]" }
    lines.append(zh ? "被压过（两条都适用时对方胜出）：" : "Overridden by (when both apply, the other rule wins):")
    lines += loses.isEmpty ? [zh ? "  （无）" : "  (none)"] : loses.map { "  • \($0.rule) [\($0.topic)]" }
    lines.append("")
    lines.append(zh ? "覆盖它的测试案例：" : "Test cases that cover it:")
    if coverage.isEmpty { lines.append(zh ? "  （没有——请在 Rules/tests 里加一个）" : "  (none — add one in Rules/tests)") }
    for item in coverage {
      let how = [
        item.namesRule ? (zh ? "期望中写明" : "named in an expectation") : nil, item.fires ? (zh ? "会触发" : "fires") : nil,
      ]
      .compactMap { $0 }.joined(separator: zh ? "，" : ", ")
      lines.append("  • \(item.testCase) (\(how)) \(item.location)")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
