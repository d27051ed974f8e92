import MycoCalendar
import MycoUnits

/// A physical dimension; numbers of one dimension are stored in its base unit.
public enum PhysicalDimension: String, Sendable, Hashable, Codable, CaseIterable {
  /// Base unit: metre.
  case length
  /// Base unit: kilogram.
  case mass
  /// Base unit: degree Celsius.
  case temperature
  /// Base unit: percent.
  case percent
  /// Base unit: day.
  case duration
  /// A plain count or ratio, no unit.
  case count

  /// The symbol of the base unit.
  public var baseUnit: String {
    switch self {
    case .length: "m"
    case .mass: "kg"
    case .temperature: "°C"
    case .percent: "%"
    case .duration: "d"
    case .count: ""
    }
  }
}

/// A unit a rule author may write, with its dimension and factor to the base unit.
public struct UnitOfMeasure: Sendable, Hashable {
  /// The unit as written (`cm`, `斤`, `°C`).
  public var symbol: String
  /// What it measures.
  public var dimension: PhysicalDimension
  /// Multiply by this to get the base unit.
  public var factor: Double

  /// Every unit the language understands. 斤 (jin) is the market half-kilogram.
  public static let all: [UnitOfMeasure] = [
    UnitOfMeasure(symbol: "m", dimension: .length, factor: 1),
    UnitOfMeasure(symbol: "km", dimension: .length, factor: 1000),
    UnitOfMeasure(symbol: "cm", dimension: .length, factor: 0.01),
    UnitOfMeasure(symbol: "mm", dimension: .length, factor: 0.001),
    UnitOfMeasure(symbol: "kg", dimension: .mass, factor: 1),
    UnitOfMeasure(symbol: "g", dimension: .mass, factor: 0.001),
    UnitOfMeasure(symbol: "t", dimension: .mass, factor: 1000),
    UnitOfMeasure(symbol: "斤", dimension: .mass, factor: WeightUnit.jin.kilograms),
    UnitOfMeasure(symbol: "jin", dimension: .mass, factor: WeightUnit.jin.kilograms),
    UnitOfMeasure(symbol: "°C", dimension: .temperature, factor: 1),
    UnitOfMeasure(symbol: "℃", dimension: .temperature, factor: 1),
    UnitOfMeasure(symbol: "C", dimension: .temperature, factor: 1),
    UnitOfMeasure(symbol: "%", dimension: .percent, factor: 1),
    UnitOfMeasure(symbol: "d", dimension: .duration, factor: 1),
    UnitOfMeasure(symbol: "day", dimension: .duration, factor: 1),
    UnitOfMeasure(symbol: "days", dimension: .duration, factor: 1),
    UnitOfMeasure(symbol: "week", dimension: .duration, factor: 7),
    UnitOfMeasure(symbol: "weeks", dimension: .duration, factor: 7),
    UnitOfMeasure(symbol: "h", dimension: .duration, factor: 1.0 / 24),
  ]

  private static let bySymbol: [String: UnitOfMeasure] = Dictionary(
    all.map { ($0.symbol, $0) }, uniquingKeysWith: { a, _ in a })

  /// The symbol as a reader of `language` writes it: Chinese text uses ℃, 公斤, 米 and 厘米;
  /// other languages the symbol itself.
  public func symbol(in language: Language) -> String {
    guard language == .zh else { return symbol }
    switch symbol {
    case "°C", "C": return "℃"
    case "kg": return "公斤"
    case "m": return "米"
    case "cm": return "厘米"
    case "d", "day", "days": return "天"
    default: return symbol
    }
  }

  /// The unit written as `symbol`, if the language knows it.
  public static func named(_ symbol: String) -> UnitOfMeasure? { bySymbol[symbol] }

  /// The base unit of a dimension.
  public static func base(of dimension: PhysicalDimension) -> UnitOfMeasure {
    UnitOfMeasure(symbol: dimension.baseUnit, dimension: dimension, factor: 1)
  }
}
