/// Which rules compete with a rule for a topic, and who wins when both apply.
public struct RuleRelations: Sendable {
  /// Another rule on a shared topic that can apply together with this one.
  public struct Competitor: Sendable, Hashable {
    /// The other rule's id.
    public var rule: String
    /// The topic both advise on.
    public var topic: String
    /// True when this rule wins (higher priority, or same priority and more specific / smaller id).
    public var thisWins: Bool
  }

  private let input: VerificationInput

  /// Prepares `base` for the questions below (its regions are computed once).
  public init(_ base: RuleBase) { input = VerificationInput(base: base, context: VerificationContext()) }

  /// The rules that share an advice topic with `ruleID` and can apply in the same situation.
  ///
  /// "Can apply" uses the boxes, which may admit more than a rule with `not` or fact-to-fact
  /// tests does; such pairs are listed too (they may compete).
  public func competitors(of ruleID: String) -> [Competitor] {
    guard let index = input.rules.firstIndex(where: { $0.id == ruleID }) else { return [] }
    let rule = input.rules[index]
    var found: [Competitor] = []
    for case .advise(let topic, _) in rule.conclusions {
      for (other, otherRule) in input.rules.enumerated() where other != index {
        guard otherRule.conclusions.contains(where: { if case .advise(topic, _) = $0 { true } else { false } }),
          input.regions[index].contains(where: { a in
            input.regions[other].contains { b in !input.domains.restrict(a.intersection(b)).isEmpty }
          })
        else { continue }
        let mine = (rule.priority, rule.condition.specificity)
        let theirs = (otherRule.priority, otherRule.condition.specificity)
        let wins = mine != theirs ? mine > theirs : rule.id < otherRule.id
        found.append(Competitor(rule: otherRule.id, topic: topic, thisWins: wins))
      }
    }
    return found
  }
}
