import MycoXML

/// The region of situations one conjunctive alternative of a rule's condition admits: a
/// constraint per tested fact (a box in the space of facts).
///
/// A condition is expanded into alternatives (`any` multiplies them, `not` is pushed down to the
/// tests and complemented). A test the box cannot represent — a comparison between two facts, an
/// equality on a whole set, a negation over a free-text fact — is left out and the box is marked
/// inexact: it then admits *more* situations than the rule, so the box can still prove a rule
/// unreachable, but never that it is subsumed by another rule or conflicts with it.
public struct ConditionRegion: Sendable, Hashable {
  /// The constraint on each tested fact; an absent fact may take any value.
  public var constraints: [String: FactConstraint] = [:]
  /// Where the last test on each fact is (for messages).
  public var locations: [String: SourceLocation] = [:]
  /// False when some test was left out (see above).
  public var exact = true

  /// A region with these constraints; `exact` false when some test was left out.
  public init(constraints: [String: FactConstraint] = [:], exact: Bool = true) {
    self.constraints = constraints
    self.exact = exact
  }

  /// The situations in both regions (their intersection).
  public func intersection(_ other: ConditionRegion) -> ConditionRegion {
    var result = self
    result.exact = exact && other.exact
    for (fact, constraint) in other.constraints {
      if let mine = result.constraints[fact] {
        if let both = mine.intersection(constraint) {
          result.constraints[fact] = both
        } else {
          result.exact = false
        }
      } else {
        result.constraints[fact] = constraint
      }
      if let location = other.locations[fact] { result.locations[fact] = location }
    }
    return result
  }

  /// The first fact (by name) whose constraint admits no value, if any.
  public var emptyFact: String? { constraints.keys.sorted().first { constraints[$0]!.isEmpty } }

  /// True when some fact's constraint admits no value: no situation lies in the region.
  public var isEmpty: Bool { constraints.values.contains(where: \.isEmpty) }
}

/// The values each declared fact can take: numbers within min/max, a choice among its values.
public struct Domains: Sendable {
  private var byFact: [String: FactConstraint] = [:]

  /// The domains of every declared fact, from its type, min/max and values.
  public init(_ vocabulary: Vocabulary) {
    for declaration in vocabulary.declarations {
      switch declaration.type {
      case .number:
        byFact[declaration.name] = .interval(
          Interval(
            lower: declaration.minimum ?? -.infinity, lowerOpen: false, upper: declaration.maximum ?? .infinity,
            upperOpen: false))
      case .choice: byFact[declaration.name] = .symbols(Set(declaration.values.map(\.id)))
      case .flag: byFact[declaration.name] = .symbols(["true", "false"])
      case .set: byFact[declaration.name] = .members(required: [], forbidden: [])
      case .text: break
      }
    }
  }

  /// Every value of `fact`, or nil when the values cannot be listed (free text, undeclared).
  public subscript(fact: String) -> FactConstraint? { byFact[fact] }

  /// The box with every constraint narrowed to its fact's domain.
  public func restrict(_ box: ConditionRegion) -> ConditionRegion {
    var result = box
    for (fact, constraint) in box.constraints {
      if let domain = byFact[fact], let narrowed = constraint.intersection(domain) {
        result.constraints[fact] = narrowed
      }
    }
    return result
  }

  /// The constraint a box puts on `fact`, narrowed to the domain (the whole domain when untested).
  public func constraint(_ box: ConditionRegion, _ fact: String) -> FactConstraint? {
    guard let constraint = box.constraints[fact] else { return byFact[fact] }
    guard let domain = byFact[fact] else { return constraint }
    return constraint.intersection(domain) ?? constraint
  }
}

/// Expands conditions into condition regions, one per conjunctive alternative.
public struct RegionExpansion: Sendable {
  /// At most this many alternatives per rule; beyond it the rule becomes one inexact, unconstrained box.
  public static let limit = 64
  let domains: Domains

  /// An expansion that narrows negated tests to `domains`.
  public init(domains: Domains) { self.domains = domains }

  /// The alternatives of `condition` (their union admits at least every situation the condition admits).
  public func regions(_ condition: Condition) -> [ConditionRegion] {
    expand(condition, negated: false) ?? [ConditionRegion(exact: false)]
  }

  private func expand(_ condition: Condition, negated: Bool) -> [ConditionRegion]? {
    switch (condition, negated) {
    case (.not(let part), _):
      return expand(part, negated: !negated)
    case (.all(let parts), false), (.any(let parts), true):
      var result = [ConditionRegion()]
      for part in parts {
        guard let alternatives = expand(part, negated: negated) else { return nil }
        result = result.flatMap { box in alternatives.map { box.intersection($0) } }
        if result.count > Self.limit { return nil }
      }
      return result
    case (.any(let parts), false), (.all(let parts), true):
      var result: [ConditionRegion] = []
      for part in parts {
        guard let alternatives = expand(part, negated: negated) else { return nil }
        result += alternatives
        if result.count > Self.limit { return nil }
      }
      return result
    case (.test(let test), _):
      return constraints(test, negated: negated).map { alternatives in
        alternatives.map { constraint in
          guard let constraint else { return ConditionRegion(exact: false) }
          var box = ConditionRegion(constraints: [test.fact: constraint])
          box.locations[test.fact] = test.location
          return box
        }
      }
    }
  }

  /// The alternatives for one test (nil inside: a test the box cannot hold).
  private func constraints(_ test: FactTest, negated: Bool) -> [FactConstraint?]? {
    let domain = domains[test.fact]
    switch test.comparison {
    case .compare(let relation, let bound):
      guard negated else { return [.interval(Interval(relation, bound))] }
      switch relation {
      case .above: return [.interval(Interval(.atMost, bound))]
      case .atLeast: return [.interval(Interval(.below, bound))]
      case .below: return [.interval(Interval(.atLeast, bound))]
      case .atMost: return [.interval(Interval(.above, bound))]
      case .equals: return [.interval(Interval(.below, bound)), .interval(Interval(.above, bound))]
      }
    case .between(let low, let high):
      guard negated else {
        return [.interval(Interval(lower: low, lowerOpen: false, upper: high, upperOpen: false))]
      }
      return [.interval(Interval(.below, low)), .interval(Interval(.above, high))]
    case .equals(.number(let number)):
      return constraints(
        FactTest(fact: test.fact, comparison: .compare(.equals, number), summary: "", location: test.location),
        negated: negated)
    case .equals(.symbol(let symbol)):
      return symbols([symbol], domain: domain, negated: negated)
    case .equals(.flag(let flag)):
      return [.symbols([String(negated ? !flag : flag)])]
    case .oneOf(let symbols):
      return self.symbols(symbols, domain: domain, negated: negated)
    case .contains(let member):
      return [negated ? .members(required: [], forbidden: [member]) : .members(required: [member], forbidden: [])]
    case .equals(.set), .versusFact:
      return [nil]
    }
  }

  private func symbols(_ symbols: Set<String>, domain: FactConstraint?, negated: Bool) -> [FactConstraint?] {
    guard negated else { return [.symbols(symbols)] }
    guard case .symbols(let all) = domain else { return [nil] }
    return [.symbols(all.subtracting(symbols))]
  }
}
