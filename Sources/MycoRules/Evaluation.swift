import MycoDiagnostics
import Synchronization

/// A piece of advice (or a warning) from a fired rule.
public struct Advice: Sendable, Hashable, Codable {
  /// Whether the rule gave advice (`<advise>`, which competes per topic) or a warning (`<warn>`, always shown).
  public enum Kind: String, Sendable, Hashable, Codable { case advice, warning }

  /// The id of the rule that gave it.
  public var rule: String
  /// Advice or warning.
  public var kind: Kind
  /// The topic it is about, e.g. `timing` or `pests.gnats`; one piece of advice wins each topic.
  public var topic: String
  /// How strongly the rule advises it.
  public var certainty: Certainty
  /// The rule's priority (higher wins the topic).
  public var priority: Int
  /// The number of tests in the rule's condition (more specific wins a tie in priority).
  public var specificity: Int
  /// A short heading for the advice.
  public var title: LocalizedText
  /// What to do, with `{fact}` slots still unfilled.
  public var text: LocalizedText
  /// Why, in plain words (the rule's reason).
  public var because: LocalizedText
  /// The publications the rule cites.
  public var sources: [Citation]
  /// For overridden advice: the rule whose advice won the topic.
  public var overriddenBy: String?
}

/// A fact value a fired rule matched on.
public struct Match: Sendable, Hashable, Codable {
  /// The fact tested.
  public var fact: String
  /// The value the fact had when the rule fired.
  public var value: Value
  /// The test as written, e.g. `elevation < 500 m`.
  public var test: String
}

/// A rule that fired, with the facts it matched and the facts it derived.
public struct Firing: Sendable, Hashable, Codable {
  /// The id of the rule that fired.
  public var rule: String
  /// The fact values its condition tested, in test order.
  public var matched: [Match]
  /// The facts its `derive` conclusions set, by name.
  public var derived: [String: Value]
}

/// A rule that did not fire because one test was false.
public struct Failure: Sendable, Hashable, Codable {
  /// The id of the rule that did not fire.
  public var rule: String
  /// The test that failed, as written.
  public var test: String
  /// The fact the failed test reads.
  public var fact: String
  /// The value the fact had (nil for a `not` over a true part).
  public var seen: Value?
}

/// A fact that is missing, and the rules that could fire if it were known.
public struct MissingFact: Sendable, Hashable, Codable {
  /// The name of the missing fact.
  public var fact: String
  /// The ids of the rules that wait on it.
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
  /// Rules that failed, with the first false test, in evaluation order.
  ///
  /// Worked out from the final facts when first read (most callers never read it, and at
  /// thousands of rules building it cost more than finding which rules fire).
  public var failed: [Failure] {
    get { failures.all }
    set { failures = .listed(newValue) }
  }
  /// Rules that could not be decided, with the missing facts.
  public var undecided: [String: [String]]
  private var failures: Failures

  /// The failed rules, as a list or still to be worked out.
  enum Failures: Sendable {
    case listed([Failure])
    case deferred(DeferredFailures)

    var all: [Failure] {
      switch self {
      case .listed(let failures): failures
      case .deferred(let deferred): deferred.all
      }
    }
  }

  init(
    facts: [String: Fact], advice: [Advice], warnings: [Advice], overridden: [Advice], missing: [MissingFact],
    fired: [Firing], failures: Failures, undecided: [String: [String]]
  ) {
    (self.facts, self.advice, self.warnings, self.overridden) = (facts, advice, warnings, overridden)
    (self.missing, self.fired, self.failures, self.undecided) = (missing, fired, failures, undecided)
  }

  /// Why `ruleID` did or did not give advice, or nil if no such rule was evaluated.
  public func outcome(of ruleID: String) -> RuleOutcome? {
    if let lost = overridden.first(where: { $0.rule == ruleID }), let winner = lost.overriddenBy {
      return .overridden(by: winner)
    }
    if fired.contains(where: { $0.rule == ruleID }) { return .fired }
    if let failure = failures.all.first(where: { $0.rule == ruleID }) { return .failed(failure) }
    if let missing = undecided[ruleID] { return .undecided(missing: missing) }
    return nil
  }
}

/// The failures of one evaluation, worked out once, when first read, from the final facts
/// (which is what the engine reported when it built them eagerly: a failure names the first
/// false test over the facts at the fixpoint, whenever the rule was found false).
final class DeferredFailures: Sendable {
  private let engine: Engine
  private let status: [Engine.Status]
  private let known: [CompiledConditions.Known]
  private let values: [Value?]
  private let cache = Mutex<[Failure]?>(nil)

  init(engine: Engine, status: [Engine.Status], known: [CompiledConditions.Known], values: [Value?]) {
    (self.engine, self.status, self.known, self.values) = (engine, status, known, values)
  }

  var all: [Failure] {
    cache.withLock { cached in
      if let cached { return cached }
      var failures: [Failure] = []
      for index in status.indices where status[index] == .failed {
        if let failure = engine.failure(ofRule: index, known, values) { failures.append(failure) }
      }
      cached = failures
      return failures
    }
  }
}
