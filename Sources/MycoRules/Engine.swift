/// Forward-chaining evaluation of a rule base over a set of facts.
///
/// Rules are tried in order (priority, then id). A rule fires at most once; its `derive`
/// conclusions add facts, and the rules that read those facts are tried again, until nothing
/// changes (the fixpoint). A missing fact makes a test unknown, not false. Advice on one topic
/// is then resolved: the highest priority wins, then the most specific rule (more tests), then
/// the smaller id; the losers are kept as overridden. Same inputs give the same result.
public struct Engine: Sendable {
  public let base: RuleBase

  public init(_ base: RuleBase) { self.base = base }

  private enum Status { case pending, fired, failed, unknown }

  /// Evaluates the rule base over `facts` (keyed by fact name).
  public func evaluate(_ facts: [String: Fact]) -> Evaluation {
    var allFacts = facts
    var values = [Value?](repeating: nil, count: base.slotNames.count)
    for (name, fact) in facts {
      if let slot = base.slotOf[name] { values[slot] = fact.value }
    }
    var status = [Status](repeating: .pending, count: base.rules.count)
    var firings: [Firing] = []
    var agenda = Array(base.rules.indices)
    while !agenda.isEmpty {
      var derivedSlots: [Int] = []
      for index in agenda where status[index] == .pending || status[index] == .unknown {
        let rule = base.rules[index]
        switch Self.truth(of: rule.condition, values) {
        case .false: status[index] = .failed
        case .unknown: status[index] = .unknown
        case .true:
          status[index] = .fired
          var derived: [String: Value] = [:]
          for conclusion in rule.conclusions {
            guard case .derive(let fact, let value) = conclusion, let slot = base.slotOf[fact],
              values[slot] == nil
            else { continue }
            values[slot] = value
            allFacts[fact] = Fact(value, origin: .derived(rule: rule.id))
            derived[fact] = value
            derivedSlots.append(slot)
          }
          firings.append(Firing(rule: rule.id, matched: Self.matches(rule.condition, values), derived: derived))
        }
      }
      var next = Set<Int>()
      for slot in derivedSlots {
        for reader in base.readers[slot] where status[reader] == .unknown || status[reader] == .pending {
          next.insert(reader)
        }
      }
      agenda = next.sorted()
    }
    return conclude(allFacts, values, status, firings)
  }

  private func conclude(
    _ facts: [String: Fact], _ values: [Value?], _ status: [Status], _ firings: [Firing]
  ) -> Evaluation {
    var offered: [Advice] = []
    var warnings: [Advice] = []
    var failed: [Failure] = []
    var undecided: [String: [String]] = [:]
    var waiting: [String: [String]] = [:]
    for (index, rule) in base.rules.enumerated() {
      switch status[index] {
      case .fired:
        for conclusion in rule.conclusions {
          switch conclusion {
          case .advise(let topic, let text): offered.append(advice(rule, .advice, topic, text))
          case .warn(let topic, let text): warnings.append(advice(rule, .warning, topic, text))
          case .derive: break
          }
        }
      case .failed:
        if let failure = Self.failure(of: rule.condition, values, rule: rule.id) { failed.append(failure) }
      case .unknown, .pending:
        let missing = Self.unknownFacts(rule.condition, values)
        undecided[rule.id] = missing
        for fact in missing { waiting[fact, default: []].append(rule.id) }
      }
    }
    let (winners, losers) = Self.resolve(offered)
    let missing = waiting.map { MissingFact(fact: $0.key, rules: $0.value.sorted()) }
      .sorted { ($0.rules.count, $1.fact) > ($1.rules.count, $0.fact) }
    return Evaluation(
      facts: facts, advice: winners, warnings: warnings.sorted(by: Self.order), overridden: losers,
      missing: missing, fired: firings, failed: failed, undecided: undecided)
  }

  private func advice(_ rule: Rule, _ kind: Advice.Kind, _ topic: String, _ text: LocalizedText) -> Advice {
    Advice(
      rule: rule.id, kind: kind, topic: topic, certainty: rule.certainty, priority: rule.priority,
      specificity: rule.condition.specificity, title: rule.title, text: text, because: rule.because,
      sources: rule.sources, overriddenBy: nil)
  }

  /// Topic order, then priority (high first), specificity (high first), rule id.
  static func order(_ a: Advice, _ b: Advice) -> Bool {
    (a.topic, -a.priority, -a.specificity, a.rule) < (b.topic, -b.priority, -b.specificity, b.rule)
  }

  /// Splits advice into one winner per topic and the overridden rest.
  static func resolve(_ offered: [Advice]) -> (winners: [Advice], losers: [Advice]) {
    var winners: [Advice] = []
    var losers: [Advice] = []
    for advice in offered.sorted(by: order) {
      if let winner = winners.last, winner.topic == advice.topic {
        if winner.rule == advice.rule { winners.append(advice); continue }
        var lost = advice
        lost.overriddenBy = winner.rule
        losers.append(lost)
      } else {
        winners.append(advice)
      }
    }
    return (winners, losers)
  }

  static func truth(of condition: Condition, _ values: [Value?]) -> Truth {
    switch condition {
    case .all(let parts): Truth.all(parts.lazy.map { truth(of: $0, values) })
    case .any(let parts): Truth.any(parts.lazy.map { truth(of: $0, values) })
    case .not(let part): truth(of: part, values).negated
    case .test(let test): test.evaluate(values[test.slot], other: test.otherSlot >= 0 ? values[test.otherSlot] : nil)
    }
  }

  private static func matches(_ condition: Condition, _ values: [Value?]) -> [Match] {
    switch condition {
    case .all(let parts): return parts.flatMap { matches($0, values) }
    case .any(let parts): return parts.filter { truth(of: $0, values) == .true }.flatMap { matches($0, values) }
    case .not(let part):
      return part.tests.compactMap { test in
        values[test.slot].map { Match(fact: test.fact, value: $0, test: "not (\(test.summary))") }
      }
    case .test(let test):
      return values[test.slot].map { [Match(fact: test.fact, value: $0, test: test.summary)] } ?? []
    }
  }

  private static func failure(of condition: Condition, _ values: [Value?], rule: String) -> Failure? {
    switch condition {
    case .all(let parts):
      return parts.first { truth(of: $0, values) == .false }.flatMap { failure(of: $0, values, rule: rule) }
    case .any(let parts):
      return parts.first.flatMap { failure(of: $0, values, rule: rule) }
    case .not(let part):
      let test = part.tests.first
      return Failure(
        rule: rule, test: "not (\(test?.summary ?? ""))", fact: test?.fact ?? "",
        seen: test.flatMap { values[$0.slot] })
    case .test(let test):
      return Failure(rule: rule, test: test.summary, fact: test.fact, seen: values[test.slot])
    }
  }

  private static func unknownFacts(_ condition: Condition, _ values: [Value?]) -> [String] {
    var names: [String] = []
    for test in condition.tests {
      if values[test.slot] == nil, !names.contains(test.fact) { names.append(test.fact) }
      if test.otherSlot >= 0, values[test.otherSlot] == nil, let other = test.otherFact, !names.contains(other) {
        names.append(other)
      }
    }
    return names
  }
}
