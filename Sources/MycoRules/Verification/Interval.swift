/// A set of numbers between two ends, each end open or closed; infinite ends are open.
public struct Interval: Sendable, Hashable, CustomStringConvertible {
  /// The lower end (`-infinity` for none).
  public var lower: Double
  /// True when the lower end itself is excluded.
  public var lowerOpen: Bool
  /// The upper end (`infinity` for none).
  public var upper: Double
  /// True when the upper end itself is excluded.
  public var upperOpen: Bool

  /// The interval between two ends (the whole line by default); an infinite end is made open.
  public init(lower: Double = -.infinity, lowerOpen: Bool = true, upper: Double = .infinity, upperOpen: Bool = true) {
    self.lower = lower
    self.lowerOpen = lowerOpen || lower == -.infinity
    self.upper = upper
    self.upperOpen = upperOpen || upper == .infinity
  }

  /// Every number.
  public static let all = Interval()

  /// The numbers satisfying `x relation bound`.
  public init(_ relation: Relation, _ bound: Double) {
    switch relation {
    case .above: self.init(lower: bound, lowerOpen: true)
    case .atLeast: self.init(lower: bound, lowerOpen: false)
    case .below: self.init(upper: bound, upperOpen: true)
    case .atMost: self.init(upper: bound, upperOpen: false)
    case .equals: self.init(lower: bound, lowerOpen: false, upper: bound, upperOpen: false)
    }
  }

  /// True when no number lies inside (e.g. `(5, 5]`).
  public var isEmpty: Bool { lower > upper || (lower == upper && (lowerOpen || upperOpen)) }

  /// The numbers in both intervals (possibly empty).
  public func intersection(_ other: Interval) -> Interval {
    var result = self
    if other.lower > lower || (other.lower == lower && other.lowerOpen) {
      result.lower = other.lower
      result.lowerOpen = other.lowerOpen
    }
    if other.upper < upper || (other.upper == upper && other.upperOpen) {
      result.upper = other.upper
      result.upperOpen = other.upperOpen
    }
    return result
  }

  /// Whether `other` lies inside this interval (an empty `other` always does).
  public func contains(_ other: Interval) -> Bool {
    if other.isEmpty { return true }
    let lowerOK = lower < other.lower || (lower == other.lower && (!lowerOpen || other.lowerOpen))
    let upperOK = upper > other.upper || (upper == other.upper && (!upperOpen || other.upperOpen))
    return lowerOK && upperOK
  }

  /// Whether `number` lies inside.
  public func contains(_ number: Double) -> Bool {
    (number > lower || (number == lower && !lowerOpen)) && (number < upper || (number == upper && !upperOpen))
  }

  /// A number inside the (non-empty) interval, as plain as possible: the middle rounded to a whole
  /// number when that fits, else the middle; with one infinite end, the other end (or one past it).
  public var witness: Double {
    switch (lower.isFinite, upper.isFinite) {
    case (true, true):
      let middle = (lower + upper) / 2
      return contains(middle.rounded()) ? middle.rounded() : middle
    case (true, false): return lowerOpen ? lower + 1 : lower
    case (false, true): return upperOpen ? upper - 1 : upper
    case (false, false): return 0
    }
  }

  /// Mathematical notation, e.g. `[0, 500)`.
  public var description: String {
    "\(lowerOpen ? "(" : "[")\(Value.format(lower)), \(Value.format(upper))\(upperOpen ? ")" : "]")"
  }
}

/// The values of one fact that a condition admits.
public enum FactConstraint: Sendable, Hashable {
  /// A number in this interval (base unit).
  case interval(Interval)
  /// One of these symbols (choice facts) or flags (`true`/`false`).
  case symbols(Set<String>)
  /// A set-valued fact that contains every `required` member and no `forbidden` one.
  case members(required: Set<String>, forbidden: Set<String>)

  /// True when the constraint admits no value (an empty interval or choice, or a member both required and forbidden).
  public var isEmpty: Bool {
    switch self {
    case .interval(let interval): interval.isEmpty
    case .symbols(let symbols): symbols.isEmpty
    case .members(let required, let forbidden): !required.isDisjoint(with: forbidden)
    }
  }

  /// Both constraints at once; nil when they are of different shapes (not comparable).
  public func intersection(_ other: FactConstraint) -> FactConstraint? {
    switch (self, other) {
    case (.interval(let a), .interval(let b)): .interval(a.intersection(b))
    case (.symbols(let a), .symbols(let b)): .symbols(a.intersection(b))
    case (.members(let r1, let f1), .members(let r2, let f2)): .members(required: r1.union(r2), forbidden: f1.union(f2))
    default: nil
    }
  }

  /// Whether every value admitted by `other` is admitted by this constraint.
  public func contains(_ other: FactConstraint) -> Bool {
    if other.isEmpty { return true }
    switch (self, other) {
    case (.interval(let a), .interval(let b)): return a.contains(b)
    case (.symbols(let a), .symbols(let b)): return b.isSubset(of: a)
    case (.members(let r1, let f1), .members(let r2, let f2)): return r1.isSubset(of: r2) && f1.isSubset(of: f2)
    default: return false
    }
  }
}
