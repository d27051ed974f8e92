import MycoDiagnostics
import MycoXML

/// When a rule applies: a tree of `all` / `any` / `not` over fact tests.
public indirect enum Condition: Sendable, Hashable {
  /// Holds when every part holds.
  case all([Condition])
  /// Holds when at least one part holds.
  case any([Condition])
  /// Holds when the part does not.
  case not(Condition)
  /// One test of one fact.
  case test(FactTest)

  /// Every fact test in the tree, in document order.
  public var tests: [FactTest] {
    var tests: [FactTest] = []
    forEachTest { tests.append($0) }
    return tests
  }

  /// Calls `body` on every fact test in the tree, in document order, building no arrays on the way
  /// (`tests` built one array per node with `flatMap`: a sixth of a cached load at 100,000 rules).
  public func forEachTest(_ body: (FactTest) -> Void) {
    switch self {
    case .all(let parts), .any(let parts):
      for part in parts { part.forEachTest(body) }
    case .not(let part): part.forEachTest(body)
    case .test(let test): body(test)
    }
  }

  /// How specific the condition is: the number of fact tests.
  public var specificity: Int {
    var count = 0
    forEachTest { _ in count += 1 }
    return count
  }
}

/// A relation between a fact and a number or another fact.
public enum Relation: String, Sendable, Hashable, Codable {
  case above, below
  case atLeast = "at-least"
  case atMost = "at-most"
  case equals = "is"

  /// Whether `left relation right` holds.
  public func holds(_ left: Double, _ right: Double) -> Bool {
    switch self {
    case .above: left > right
    case .below: left < right
    case .atLeast: left >= right
    case .atMost: left <= right
    case .equals: left == right
    }
  }

  var symbol: String {
    switch self {
    case .above: ">"
    case .below: "<"
    case .atLeast: "≥"
    case .atMost: "≤"
    case .equals: "="
    }
  }
}

/// What a fact test compares the fact with. Numbers are in the fact's base unit.
public enum Comparison: Sendable, Hashable {
  /// The fact equals this value.
  case equals(Value)
  /// The fact is one of these symbols.
  case oneOf(Set<String>)
  /// The fact (a set) contains this symbol.
  case contains(String)
  /// The fact stands in this relation to a number.
  case compare(Relation, Double)
  /// The fact lies in this closed range.
  case between(Double, Double)
  /// The fact stands in this relation to another fact, plus an offset (in the base unit).
  case versusFact(Relation, String, offset: Double)
}

/// One test of one fact, e.g. `elevation below 500 m`.
public struct FactTest: Sendable, Hashable {
  /// The fact tested.
  public var fact: String
  /// How the fact is compared: with a constant, a set of symbols, or another fact.
  public var comparison: Comparison
  /// The test as the author wrote it, e.g. `elevation < 500 m`.
  public var summary: String
  /// Where the test is written in its rule file.
  public var location: SourceLocation
  /// Engine slots, filled in when the rule base is compiled.
  var slot = -1
  var otherSlot = -1

  /// A test of `fact`, written by the author as `summary` at `location`.
  public init(fact: String, comparison: Comparison, summary: String, location: SourceLocation) {
    self.fact = fact
    self.comparison = comparison
    self.summary = summary
    self.location = location
  }

  /// The other fact a fact-to-fact comparison reads, if any.
  public var otherFact: String? {
    if case .versusFact(_, let other, _) = comparison { return other }
    return nil
  }

  /// Evaluates the test on known values (nil: the fact is unknown).
  func evaluate(_ value: Value?, other: Value?) -> Truth {
    guard let value else { return .unknown }
    switch comparison {
    case .equals(let expected):
      return Truth(value == expected)
    case .oneOf(let symbols):
      guard case .symbol(let symbol) = value else { return .false }
      return Truth(symbols.contains(symbol))
    case .contains(let member):
      guard case .set(let members) = value else { return .false }
      return Truth(members.contains(member))
    case .compare(let relation, let bound):
      guard case .number(let number) = value else { return .false }
      return Truth(relation.holds(number, bound))
    case .between(let low, let high):
      guard case .number(let number) = value else { return .false }
      return Truth(number >= low && number <= high)
    case .versusFact(let relation, _, let offset):
      guard let other else { return .unknown }
      guard case .number(let left) = value, case .number(let right) = other else {
        return relation == .equals ? Truth(value == other) : .false
      }
      return Truth(relation.holds(left, right + offset))
    }
  }
}
