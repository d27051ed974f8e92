/// A piece of advice (or a warning) from a fired rule.
public struct Advice: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable { case advice, warning }

  public var rule: String
  public var kind: Kind
  public var topic: String
  public var certainty: Certainty
  public var priority: Int
  public var specificity: Int
  public var title: LocalizedText
  public var text: LocalizedText
  public var because: LocalizedText
  public var sources: [Citation]
  /// For overridden advice: the rule whose advice won the topic.
  public var overriddenBy: String?
}

/// A fact value a fired rule matched on.
public struct Match: Sendable, Hashable, Codable {
  public var fact: String
  public var value: Value
  /// The test as written, e.g. `elevation < 500 m`.
  public var test: String
}

/// A rule that fired, with the facts it matched and the facts it derived.
public struct Firing: Sendable, Hashable, Codable {
  public var rule: String
  public var matched: [Match]
  public var derived: [String: Value]
}

/// A rule that did not fire because one test was false.
public struct Failure: Sendable, Hashable, Codable {
  public var rule: String
  /// The test that failed, as written.
  public var test: String
  public var fact: String
  /// The value the fact had (nil for a `not` over a true part).
  public var seen: Value?
}

/// A fact that is missing, and the rules that could fire if it were known.
public struct MissingFact: Sendable, Hashable, Codable {
  public var fact: String
  public var rules: [String]
}

/// Why a rule did or did not give its advice.
public enum RuleOutcome: Sendable, Hashable {
  case fired
  case overridden(by: String)
  case failed(Failure)
  case undecided(missing: [String])
}

/// Everything one evaluation found: facts, advice, what was overridden, what is missing, and the trace.
public struct Evaluation: Sendable {
  /// All facts at the fixpoint: given, estimated and derived.
  public var facts: [String: Fact]
  /// Winning advice, by topic then priority.
  public var advice: [Advice]
  /// Warnings from fired rules (never overridden).
  public var warnings: [Advice]
  /// Advice that lost its topic to a higher-priority or more specific rule.
  public var overridden: [Advice]
  /// Missing facts that would let undecided rules fire or fail, most-needed first.
  public var missing: [MissingFact]
  /// Rules that fired, in firing order.
  public var fired: [Firing]
  /// Rules that failed, with the first false test.
  public var failed: [Failure]
  /// Rules that could not be decided, with the missing facts.
  public var undecided: [String: [String]]

  /// Why `ruleID` did or did not give advice, or nil if no such rule was evaluated.
  public func outcome(of ruleID: String) -> RuleOutcome? {
    if let lost = overridden.first(where: { $0.rule == ruleID }), let winner = lost.overriddenBy {
      return .overridden(by: winner)
    }
    if fired.contains(where: { $0.rule == ruleID }) { return .fired }
    if let failure = failed.first(where: { $0.rule == ruleID }) { return .failed(failure) }
    if let missing = undecided[ruleID] { return .undecided(missing: missing) }
    return nil
  }
}
