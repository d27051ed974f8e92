import MycoCalendar
import MycoDiagnostics

/// One verification pass: looks at the prepared rule base and returns findings.
///
/// Each pass lives in its own file with its messages beside it (see `Verifier` for the list).
public protocol VerificationPass: Sendable {
  /// A short name, e.g. `conflict`.
  var name: String { get }
  func run(_ input: VerificationInput) -> [Finding]
}

/// A rule base prepared once for every pass: the rules, their condition regions, the domains and the context.
public struct VerificationInput: Sendable {
  /// The rule base checked.
  public let base: RuleBase
  /// What the domain adds (coverage axes, links, product lists).
  public let context: VerificationContext
  /// The values each declared fact can take.
  public let domains: Domains
  /// The rules, sorted by id.
  public let rules: [Rule]
  /// For each rule (same index as `rules`): its alternatives, narrowed to the fact domains.
  public let regions: [[ConditionRegion]]

  /// Sorts the rules and expands each condition into regions, once for every pass.
  public init(base: RuleBase, context: VerificationContext) {
    self.base = base
    self.context = context
    let domains = Domains(base.vocabulary)
    self.domains = domains
    self.rules = base.rules.sorted { $0.id < $1.id }
    let expansion = RegionExpansion(domains: domains)
    self.regions = rules.map { expansion.regions($0.condition).map(domains.restrict) }
  }

  /// The advice (not warnings) a rule gives on `topic`, if any.
  func advice(_ rule: Rule, topic: String) -> LocalizedText? {
    for case .advise(let adviceTopic, let text) in rule.conclusions where adviceTopic == topic { return text }
    return nil
  }

  /// A value inside a (non-empty) constraint, for witness situations.
  func witness(_ constraint: FactConstraint) -> Value {
    switch constraint {
    case .interval(let interval): return .number(interval.witness)
    case .symbols(let symbols):
      let first = symbols.sorted().first ?? ""
      return first == "true" || first == "false" ? .flag(first == "true") : .symbol(first)
    case .members(let required, _): return .set(required)
    }
  }

  /// One value per constrained fact of `box`, in fact-name order.
  func witness(_ box: ConditionRegion) -> [Finding.WitnessValue] {
    box.constraints.keys.sorted().map { fact in
      let value = witness(box.constraints[fact]!)
      let shown = base.vocabulary[fact]?.display(value, language: .en) ?? value.description
      return Finding.WitnessValue(fact: fact, value: value, shown: shown)
    }
  }

  /// `fact = value, …` for messages.
  func describe(_ witness: [Finding.WitnessValue], language: Language) -> String {
    witness.map { item in
      let shown = base.vocabulary[item.fact]?.display(item.value, language: language) ?? item.shown
      return "\(item.fact) = \(shown)"
    }.joined(separator: language == .zh ? "，" : ", ")
  }

  /// Groups rule indices by the values of the enumerated fact most rules test for equality (e.g.
  /// `variety`), so pairwise passes compare only rules that can share a value. Rules that do not
  /// constrain that fact are in every group. Each pair is yielded once.
  func candidatePairs(_ indices: [Int], body: (Int, Int) -> Void) {
    guard indices.count > 1 else { return }
    var counts: [String: Int] = [:]
    for index in indices {
      for fact in Set(
        regions[index].flatMap { $0.constraints.compactMap { if case .symbols = $0.value { $0.key } else { nil } } })
      {
        counts[fact, default: 0] += 1
      }
    }
    guard let key = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key, indices.count > 16 else {
      for (position, a) in indices.enumerated() { for b in indices[(position + 1)...] { body(a, b) } }
      return
    }
    var groups: [String: [Int]] = [:]
    var everywhere: [Int] = []
    for index in indices {
      var values = Set<String>()
      for box in regions[index] {
        guard case .symbols(let symbols)? = box.constraints[key] else { values = []; break }
        values.formUnion(symbols)
      }
      if values.isEmpty {
        everywhere.append(index)
      } else {
        for value in values { groups[value, default: []].append(index) }
      }
    }
    var seen = Set<Int>()
    let count = rules.count
    func visit(_ a: Int, _ b: Int) {
      let pair = min(a, b) * count + max(a, b)
      if a != b, seen.insert(pair).inserted { body(min(a, b), max(a, b)) }
    }
    for (_, group) in groups.sorted(by: { $0.key < $1.key }) {
      for (position, a) in group.enumerated() { for b in group[(position + 1)...] { visit(a, b) } }
      for a in group { for b in everywhere { visit(a, b) } }
    }
    for (position, a) in everywhere.enumerated() { for b in everywhere[(position + 1)...] { visit(a, b) } }
  }
}

extension Rule {
  /// Whether this rule is written before `other` (file, then line, then column).
  func isBefore(_ other: Rule) -> Bool {
    (location.file, location.line, location.column) < (other.location.file, other.location.line, other.location.column)
  }
}
