import MycoDiagnostics

/// Forward-chaining evaluation of a rule base over a set of facts.
///
/// Rules are tried in order (priority, then id). A rule fires at most once; its `derive`
/// conclusions add facts, and the rules that read those facts are tried again, until nothing
/// changes (the fixpoint). A missing fact makes a test unknown, not false. Advice on one topic
/// is then resolved: the highest priority wins, then the most specific rule (more tests), then
/// the smaller id; the losers are kept as overridden. Same inputs give the same result.
public struct Engine: Sendable {
  /// The compiled rule base the engine evaluates.
  public let base: RuleBase

  /// An engine over a loaded rule base (evaluation needs no further set-up).
  public init(_ base: RuleBase) { self.base = base }

  enum Status { case pending, fired, failed, unknown }

  /// Evaluates the rule base over `facts` (keyed by fact name).
  ///
  /// Conditions are tried in their compiled form (`RuleBase.conditions`), which touches no
  /// reference-counted storage; a `Rule` itself is only read when it fires or stays undecided.
  /// Only the rules the index (`RuleBase.ruleIndex`) leaves in are tried: a rule whose key test is
  /// false on the given facts is failed without trying it, which is what trying it would give.
  public func evaluate(_ facts: [String: Fact]) -> Evaluation { evaluate(facts, indexed: true) }

  /// `indexed: false` tries every rule (the engine without `RuleIndex`; tests compare the two).
  func evaluate(_ facts: [String: Fact], indexed: Bool) -> Evaluation {
    let conditions = base.conditions
    var allFacts = facts
    var values = [Value?](repeating: nil, count: base.slotNames.count)
    var known = [CompiledConditions.Known](repeating: .unknown, count: base.slotNames.count)
    for (name, fact) in facts {
      if let slot = base.slotOf[name] {
        values[slot] = fact.value
        known[slot] = conditions.known(fact.value)
      }
    }
    var status: [Status]
    var agenda: [Int]
    if indexed {
      status = [Status](repeating: .failed, count: base.rules.count)
      base.ruleIndex.candidates(known) { rules in
        for rule in rules { status[Int(rule)] = .pending }
      }
      agenda = []
      for index in status.indices where status[index] == .pending { agenda.append(index) }
    } else {
      status = [Status](repeating: .pending, count: base.rules.count)
      agenda = Array(base.rules.indices)
    }
    var firings: [Firing] = []
    while !agenda.isEmpty {
      var derivedSlots: [Int] = []
      for index in agenda where status[index] == .pending || status[index] == .unknown {
        switch conditions.truth(Int(conditions.roots[index]), known, values) {
        case .false: status[index] = .failed
        case .unknown: status[index] = .unknown
        case .true:
          status[index] = .fired
          let rule = base.rules[index]
          var derived: [String: Value] = [:]
          for conclusion in rule.conclusions {
            guard case .derive(let fact, let value) = conclusion, let slot = base.slotOf[fact],
              values[slot] == nil
            else { continue }
            values[slot] = value
            known[slot] = conditions.known(value)
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
    return conclude(allFacts, values, known, status, firings)
  }

  private func conclude(
    _ facts: [String: Fact], _ values: [Value?], _ known: [CompiledConditions.Known], _ status: [Status],
    _ firings: [Firing]
  ) -> Evaluation {
    var offered: [Advice] = []
    var warnings: [Advice] = []
    var undecided: [String: [String]] = [:]
    var waiting: [String: [String]] = [:]
    for index in base.rules.indices {
      switch status[index] {
      case .fired:
        let rule = base.rules[index]
        for conclusion in rule.conclusions {
          switch conclusion {
          case .advise(let topic, let text): offered.append(advice(rule, .advice, topic, text, facts))
          case .warn(let topic, let text): warnings.append(advice(rule, .warning, topic, text, facts))
          case .derive: break
          }
        }
      case .failed: break  // reported on demand, see `DeferredFailures`
      case .unknown, .pending:
        let id = base.rules[index].id
        let missing = unknownFacts(ofRule: index, values)
        undecided[id] = missing
        for fact in missing { waiting[fact, default: []].append(id) }
      }
    }
    let (winners, losers) = Self.resolve(offered)
    let missing = waiting.map { MissingFact(fact: $0.key, rules: $0.value.sorted()) }
      .sorted { ($0.rules.count, $1.fact) > ($1.rules.count, $0.fact) }
    return Evaluation(
      facts: facts, advice: winners, warnings: warnings.sorted(by: Self.order), overridden: losers,
      missing: missing, fired: firings,
      failures: .deferred(DeferredFailures(engine: self, status: status, known: known, values: values)),
      undecided: undecided)
  }

  /// The advice of a fired rule. Its sources are the publications of the reference facts the rule
  /// read (e.g. the sourced limit a reading was compared with), then the rule's own.
  private func advice(
    _ rule: Rule, _ kind: Advice.Kind, _ topic: String, _ text: LocalizedText, _ facts: [String: Fact]
  ) -> Advice {
    var sources: [Citation] = []
    for test in rule.condition.tests {
      for name in [test.fact, test.otherFact].compactMap({ $0 }) {
        for citation in facts[name]?.sources ?? [] where !sources.contains(citation) { sources.append(citation) }
      }
    }
    for citation in rule.sources where !sources.contains(citation) { sources.append(citation) }
    return Advice(
      rule: rule.id, kind: kind, topic: topic, certainty: rule.certainty, priority: rule.priority,
      specificity: rule.condition.specificity, title: rule.title, text: text, because: rule.because,
      sources: sources, overriddenBy: nil)
  }

  /// Topic order, then priority (high first), specificity (high first), rule id.
  ///
  /// Descending keys are compared with the sides swapped rather than negated: negating
  /// `Int.min` traps, and a `Rule` built in code is not bounded like one loaded from a file.
  static func order(_ a: Advice, _ b: Advice) -> Bool {
    (a.topic, b.priority, b.specificity, a.rule) < (b.topic, a.priority, a.specificity, b.rule)
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

  /// The first false test of a failed rule (see `CompiledConditions.failure`).
  func failure(ofRule index: Int, _ known: [CompiledConditions.Known], _ values: [Value?]) -> Failure? {
    let conditions = base.conditions
    guard let (test, negated) = conditions.failure(Int(conditions.roots[index]), known, values) else { return nil }
    let rule = base.rules[index].id
    guard let test else { return Failure(rule: rule, test: "not ()", fact: "", seen: nil) }
    let slot = Int(conditions.tests[test].slot)
    let summary = base.testSummaries[test]
    return Failure(
      rule: rule, test: negated ? "not (\(summary))" : summary, fact: base.slotNames[slot], seen: values[slot])
  }

  /// The unknown facts a rule reads, in document order, each once.
  private func unknownFacts(ofRule index: Int, _ values: [Value?]) -> [String] {
    let conditions = base.conditions
    var names: [String] = []
    func note(_ slot: Int32) {
      guard slot >= 0, values[Int(slot)] == nil else { return }
      let name = base.slotNames[Int(slot)]
      if !names.contains(name) { names.append(name) }
    }
    for test in conditions.tests[Int(conditions.testStart[index])..<Int(conditions.testStart[index + 1])] {
      note(test.slot)
      note(test.otherSlot)
    }
    return names
  }
}
