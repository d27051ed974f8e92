import MycoDiagnostics
import MycoRules
import MycoXML

/// A test case for a rule base: a situation and the advice it must, or must not, contain.
public struct RuleTestCase: Sendable, Hashable {
  /// What one `<expect>` or `<expect-not>` asks for.
  public struct Expectation: Sendable, Hashable, CustomStringConvertible {
    /// True for `<expect>`, false for `<expect-not>`.
    public var present: Bool
    public var rule: String?
    public var topic: String?
    public var certainty: Certainty?
    public var location: SourceLocation

    /// Whether a given piece of advice matches this expectation.
    public func matches(_ advice: Advice) -> Bool {
      (rule == nil || advice.rule == rule)
        && (topic == nil || advice.topic == topic || advice.topic.hasPrefix(topic! + "."))
        && (certainty == nil || advice.certainty == certainty)
    }

    public var description: String {
      var parts: [String] = []
      if let rule { parts.append("rule \(rule)") }
      if let topic { parts.append("topic \(topic)") }
      if let certainty { parts.append("certainty \(certainty.rawValue)") }
      return (present ? "expected " : "expected no ") + parts.joined(separator: ", ")
    }
  }

  public var id: String
  public var title: LocalizedText
  public var situation: Situation
  public var expectations: [Expectation]
  public var location: SourceLocation
}
