import MycoCalendar

/// How strongly a rule advises: the words a grower hears.
public enum Certainty: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// Must do (一定要做).
  case must
  /// Should do (建议做).
  case should
  /// May consider (可以考虑).
  case consider
  /// Do not do (不要做).
  case avoid

  /// The farmer words for this certainty in a language (`zh` or `en`).
  public func words(in language: Language) -> String {
    switch (self, language) {
    case (.must, .zh): "一定要"
    case (.should, .zh): "建议"
    case (.consider, .zh): "可以考虑"
    case (.avoid, .zh): "不要"
    case (.must, _): "Must"
    case (.should, _): "Should"
    case (.consider, _): "Consider"
    case (.avoid, _): "Avoid"
    }
  }

  private var rank: Int {
    switch self {
    case .must: 0
    case .avoid: 1
    case .should: 2
    case .consider: 3
    }
  }

  /// Orders from strongest (`must`) to weakest (`avoid`), the order advice is listed in.
  public static func < (lhs: Certainty, rhs: Certainty) -> Bool { lhs.rank < rhs.rank }
}
