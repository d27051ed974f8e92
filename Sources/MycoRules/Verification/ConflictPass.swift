import MycoDiagnostics

/// Finds pairs of rules that advise on the same topic with the same priority, can apply in the
/// same situation, and say different things (different text or certainty). The engine then picks
/// by specificity or id, which an expert rarely means; the finding shows a situation that
/// triggers both.
///
/// Only exact boxes are compared, so a reported overlap is real.
public struct ConflictPass: VerificationPass {
  /// The pass's name and finding kind: `conflict`.
  public let name = "conflict"

  /// The pass (it has no settings).
  public init() {}

  /// One `warning` per conflicting pair, with a situation in which both rules apply.
  public func run(_ input: VerificationInput) -> [Finding] {
    var groups: [String: [Int]] = [:]
    for (index, rule) in input.rules.enumerated() {
      for case .advise(let topic, _) in rule.conclusions {
        groups["\(topic)\u{0}\(rule.priority)", default: []].append(index)
      }
    }
    var findings: [Finding] = []
    for key in groups.keys.sorted() {
      let topic = String(key.split(separator: "\u{0}")[0])
      input.candidatePairs(groups[key]!) { a, b in
        let first = input.rules[a]
        let second = input.rules[b]
        guard
          first.certainty != second.certainty
            || input.advice(first, topic: topic) != input.advice(second, topic: topic),
          let overlap = overlap(input.regions[a], input.regions[b])
        else { return }
        let winner = Self.winner(first, second)
        let witness = input.witness(overlap)
        findings.append(
          Finding(
            .warning, kind: .conflict, rules: [second.id, first.id].sorted(),
            at: (first.isBefore(second) ? second : first).location,
            .conflict(
              topic: topic, witness: input.describe(witness, language: .en),
              witnessZH: input.describe(witness, language: .zh), winner: winner),
            witness: witness))
      }
    }
    return findings
  }

  /// A non-empty intersection of two exact alternatives, if any.
  private func overlap(_ left: [ConditionRegion], _ right: [ConditionRegion]) -> ConditionRegion? {
    for a in left where a.exact && !a.isEmpty {
      for b in right where b.exact && !b.isEmpty {
        let both = a.intersection(b)
        if both.exact && !both.isEmpty { return both }
      }
    }
    return nil
  }

  /// The rule the engine would pick: more tests, then the smaller id.
  private static func winner(_ a: Rule, _ b: Rule) -> String {
    let (sa, sb) = (a.condition.specificity, b.condition.specificity)
    return sa != sb ? (sa > sb ? a.id : b.id) : min(a.id, b.id)
  }
}

extension LocalizedText {
  fileprivate static func conflict(topic: String, witness: String, witnessZH: String, winner: String) -> Self {
    Self(
      zh: "两条规则在主题 \(topic) 上优先级相同、建议不同，却可能同时适用，例如 \(witnessZH)；引擎会按条件多少或编号选 \(winner)，请调整优先级或条件",
      en:
        "same topic \(topic) and priority but different advice, and both apply when \(witness); the engine picks \(winner) by specificity or id — set priorities or narrow the conditions"
    )
  }
}
