/// Three-valued truth: a condition over a missing fact is unknown, not false.
public enum Truth: String, Sendable, Hashable, Codable {
  case `true`, `false`, unknown

  init(_ value: Bool) { self = value ? .true : .false }

  /// Kleene conjunction.
  static func all(_ parts: some Sequence<Truth>) -> Truth {
    var result = Truth.true
    for part in parts {
      if part == .false { return .false }
      if part == .unknown { result = .unknown }
    }
    return result
  }

  /// Kleene disjunction.
  static func any(_ parts: some Sequence<Truth>) -> Truth {
    var result = Truth.false
    for part in parts {
      if part == .true { return .true }
      if part == .unknown { result = .unknown }
    }
    return result
  }

  var negated: Truth {
    switch self {
    case .true: .false
    case .false: .true
    case .unknown: .unknown
    }
  }
}
