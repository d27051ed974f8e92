/// The meteorological season of a month: spring is March–May, summer June–August,
/// autumn September–November and winter December–February.
///
/// Myco groups batches by the season they were inoculated in. Meteorological seasons are whole
/// months, so every record falls in exactly one season without an equinox table.
public enum Season: String, Sendable, CaseIterable, Comparable {
  case spring, summer, autumn, winter

  /// The season of a month (1–12).
  public init(month: Int) {
    switch month {
    case 3...5: self = .spring
    case 6...8: self = .summer
    case 9...11: self = .autumn
    default: self = .winter
    }
  }

  public static func < (lhs: Season, rhs: Season) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
