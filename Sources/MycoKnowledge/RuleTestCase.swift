import MycoRules
import MycoXML

/// A test case for a rule base: a situation and the advice it must, or must not, contain.
public struct RuleTestCase: Sendable, Hashable {
  /// What one `<expect>` or `<expect-not>` asks for.
  public struct Expectation: Sendable, Hashable, CustomStringConvertible {
    /// True for `<expect>`, false for `<expect-not>`.
    public var present: Bool
    /// The rule the advice must come from, if the expectation names one.
    public var rule: String?
    /// The topic (or a parent topic) the advice must be on, if named.
    public var topic: String?
    /// The certainty the advice must have, if named.
    public var certainty: Certainty?
    /// Where the expectation is written.
    public var location: SourceLocation

    /// Whether a given piece of advice matches this expectation.
    public func matches(_ advice: Advice) -> Bool {
      (rule == nil || advice.rule == rule)
        && (topic == nil || advice.topic == topic || advice.topic.hasPrefix(topic! + "."))
        && (certainty == nil || advice.certainty == certainty)
    }

    /// `expected rule X, topic Y` or `expected no …`, for failure messages.
    public var description: String {
      var parts: [String] = []
      if let rule { parts.append("rule \(rule)") }
      if let topic { parts.append("topic \(topic)") }
      if let certainty { parts.append("certainty \(certainty.rawValue)") }
      return (present ? "expected " : "expected no ") + parts.joined(separator: ", ")
    }
  }

  /// The case's id, unique in the suite.
  public var id: String
  /// What the case is about.
  public var title: LocalizedText
  /// The situation advised on.
  public var situation: Situation
  /// What the advice must and must not contain.
  public var expectations: [Expectation]
  /// Where the case is written.
  public var location: SourceLocation
}
