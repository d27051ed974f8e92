import MycoCalendar
import MycoDiagnostics

/// Finds rules whose conditions can never hold together: contradictory tests on one fact
/// (`elevation < 100 m` and `> 500 m`), a test outside the fact's declared min/max or values,
/// or a value outside what a link allows (a month outside the variety's calendar).
///
/// Sound through `not` and fact-to-fact tests: a box leaves out what it cannot represent, so it
/// admits more than the rule; an empty box therefore proves the rule can never apply.
public struct UnreachablePass: VerificationPass {
  /// The pass's name and finding kind: `unreachable`.
  public let name = "unreachable"

  /// The pass (it has no settings).
  public init() {}

  /// One `error` per rule that can never apply, naming the fact that rules it out.
  public func run(_ input: VerificationInput) -> [Finding] {
    let expansion = RegionExpansion(domains: input.domains)
    var findings: [Finding] = []
    for (index, rule) in input.rules.enumerated() {
      let raw = expansion.regions(rule.condition)
      var reasons: [Finding] = []
      for (alternative, box) in input.regions[index].enumerated() {
        guard let reason = reason(rule, box, raw[alternative], input) else { break }
        reasons.append(reason)
      }
      if reasons.count == input.regions[index].count, let first = reasons.first { findings.append(first) }
    }
    return findings
  }

  /// Why this alternative is empty, or nil when it is not.
  private func reason(_ rule: Rule, _ box: ConditionRegion, _ raw: ConditionRegion, _ input: VerificationInput)
    -> Finding?
  {
    if let fact = box.emptyFact {
      let tests = rule.condition.tests.filter { $0.fact == fact }.map(\.summary)
      let location = box.locations[fact] ?? rule.location
      if let rawConstraint = raw.constraints[fact], !rawConstraint.isEmpty,
        let declaration = input.base.vocabulary[fact]
      {
        let range = Self.range(declaration)
        return Finding(
          .error, kind: .unreachable, rules: [rule.id], at: location,
          .outsideRange(tests.joined(separator: ", "), fact: fact, range: range))
      }
      return Finding(.error, kind: .unreachable, rules: [rule.id], at: location, .contradiction(tests))
    }
    for link in links(box, input) {
      return Finding(
        .error, kind: .unreachable, rules: [rule.id], at: box.locations[link.linkedFact] ?? rule.location,
        .outsideLink(rule.condition.tests.filter { $0.fact == link.linkedFact }.map(\.summary), link))
    }
    return nil
  }

  /// The links the box breaks: it pins `fact` to values whose links all exclude its `linkedFact` range.
  private func links(_ box: ConditionRegion, _ input: VerificationInput) -> [FactLink] {
    var broken: [FactLink] = []
    let byFact = Dictionary(grouping: input.context.links) { "\($0.fact)\u{0}\($0.linkedFact)" }
    for key in byFact.keys.sorted() {
      let links = byFact[key]!
      guard case .symbols(let values)? = box.constraints[links[0].fact], !values.isEmpty,
        case .interval(let range)? = box.constraints[links[0].linkedFact]
      else { continue }
      let relevant = links.filter { values.contains($0.value) }
      guard Set(relevant.map(\.value)) == values else { continue }
      if relevant.allSatisfy({ $0.allowed.allSatisfy { $0.intersection(range).isEmpty } }) {
        broken.append(relevant[0])
      }
    }
    return broken
  }

  static func range(_ declaration: FactDeclaration) -> String {
    switch declaration.type {
    case .number:
      let low = declaration.minimum.map { declaration.display(.number($0), language: .en) } ?? "−∞"
      let high = declaration.maximum.map { declaration.display(.number($0), language: .en) } ?? "∞"
      return "\(low) – \(high)"
    default:
      return declaration.values.map(\.id).joined(separator: ", ")
    }
  }
}

extension LocalizedText {
  fileprivate static func outsideRange(_ tests: String, fact: String, range: String) -> Self {
    Self(
      zh: "这条规则永远不会生效：条件 \(tests) 超出了事实 \(fact) 的允许范围（\(range)）",
      en: "this rule can never apply: \(tests) lies outside the allowed range of \(fact) (\(range))")
  }

  fileprivate static func contradiction(_ tests: [String]) -> Self {
    Self(
      zh: "这条规则永远不会生效：条件 \(tests.joined(separator: "、")) 不可能同时成立",
      en: "this rule can never apply: \(tests.joined(separator: " and ")) cannot hold together")
  }

  fileprivate static func outsideLink(_ tests: [String], _ link: FactLink) -> Self {
    let allowed = link.allowed.map(\.description).joined(separator: " ")
    return Self(
      zh:
        "这条规则永远不会生效：条件 \(tests.joined(separator: "、")) 不在 \(link.fact) = \(link.value) 的\(link.name.text(in: .zh))（\(link.linkedFact) \(allowed)）之内",
      en:
        "this rule can never apply: \(tests.joined(separator: " and ")) is outside the \(link.name.english) of \(link.fact) \(link.value) (\(link.linkedFact) \(allowed))"
    )
  }
}
