import MycoDiagnostics

/// Finds rules that add nothing: another rule with the same advice, certainty and priority
/// applies whenever this one does (subsumed), or in exactly the same situations (redundant).
///
/// The finding is on the more specific rule (for a duplicate, the later one). The wider rule must
/// have an exact box, so `not` over something undecidable never yields a claim.
public struct SubsumptionPass: VerificationPass {
  /// The pass's name: `subsumption`.
  public let name = "subsumption"

  /// The pass (it has no settings).
  public init() {}

  private struct Signature: Hashable {
    var priority: Int
    var certainty: Certainty
    var conclusions: [Conclusion]
  }

  /// One `warning` per rule another rule makes superfluous (`subsumed`, or `redundant` for a duplicate).
  public func run(_ input: VerificationInput) -> [Finding] {
    var groups: [Signature: [Int]] = [:]
    for (index, rule) in input.rules.enumerated() where !rule.conclusions.isEmpty {
      groups[Signature(priority: rule.priority, certainty: rule.certainty, conclusions: rule.conclusions), default: []]
        .append(index)
    }
    var findings: [Finding] = []
    for indices in groups.values where indices.count > 1 {
      input.candidatePairs(indices) { a, b in
        let aInB = covers(input.regions[b], input.regions[a], input)
        let bInA = covers(input.regions[a], input.regions[b], input)
        let (first, second) = (input.rules[a], input.rules[b])
        if aInB && bInA {
          let (original, duplicate) = first.isBefore(second) ? (first, second) : (second, first)
          findings.append(
            Finding(
              .warning, kind: .redundant, rules: [duplicate.id, original.id], at: duplicate.location,
              .redundant(original.id)))
        } else if aInB {
          findings.append(
            Finding(.warning, kind: .subsumed, rules: [first.id, second.id], at: first.location, .subsumed(second.id)))
        } else if bInA {
          findings.append(
            Finding(.warning, kind: .subsumed, rules: [second.id, first.id], at: second.location, .subsumed(first.id)))
        }
      }
    }
    return findings
  }

  /// Whether every situation of `inner` is one of `outer` (outer's alternatives must be exact).
  private func covers(_ outer: [ConditionRegion], _ inner: [ConditionRegion], _ input: VerificationInput) -> Bool {
    inner.allSatisfy { box in
      box.isEmpty || outer.contains { wide in wide.exact && contains(wide, box, input.domains) }
    }
  }

  private func contains(_ wide: ConditionRegion, _ narrow: ConditionRegion, _ domains: Domains) -> Bool {
    wide.constraints.allSatisfy { fact, constraint in
      guard let inner = domains.constraint(narrow, fact) else { return false }
      return constraint.contains(inner)
    }
  }
}

extension LocalizedText {
  fileprivate static func redundant(_ other: String) -> Self {
    Self(
      zh: "与规则 \(other) 条件相同、建议相同，是重复的，可以删掉一条",
      en: "same conditions and same advice as \(other): a duplicate, remove one")
  }

  fileprivate static func subsumed(_ other: String) -> Self {
    Self(
      zh: "凡是这条规则适用的情况，规则 \(other) 也适用且建议相同，这条是多余的（或者它本该给出不同的建议）",
      en:
        "whenever this rule applies, \(other) applies too with the same advice: it adds nothing (or it should say something different)"
    )
  }
}
