/// A unit growers weigh in: kilograms, or 斤 (jin), the market half-kilogram (市斤) in which
/// growers and buyers in China weigh mushrooms and substrate.
///
/// The one place the 斤 factor is written: the rule language's units, the records' `fresh_jin`
/// column and `--…-jin` options, and the yield report's `--unit jin` all convert through it.
public enum WeightUnit: String, Sendable, Hashable, CaseIterable {
  /// Kilograms.
  case kg
  /// 斤 (jin): half a kilogram.
  case jin

  /// Kilograms in one unit (0.5 for 斤).
  public var kilograms: Double {
    switch self {
    case .kg: 1
    case .jin: 0.5
    }
  }

  /// `kg` kilograms expressed in this unit.
  public func fromKilograms(_ kg: Double) -> Double { kg / kilograms }
}
