/// A physical dimension; numbers of one dimension are stored in its base unit.
public enum Dimension: String, Sendable, Hashable, Codable, CaseIterable {
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
public struct Unit: Sendable, Hashable {
  /// The unit as written (`cm`, `斤`, `°C`).
  public var symbol: String
  /// What it measures.
  public var dimension: Dimension
  /// Multiply by this to get the base unit.
  public var factor: Double

  /// Every unit the language understands. 斤 (jin) is the market half-kilogram.
  public static let all: [Unit] = [
    Unit(symbol: "m", dimension: .length, factor: 1),
    Unit(symbol: "km", dimension: .length, factor: 1000),
    Unit(symbol: "cm", dimension: .length, factor: 0.01),
    Unit(symbol: "mm", dimension: .length, factor: 0.001),
    Unit(symbol: "kg", dimension: .mass, factor: 1),
    Unit(symbol: "g", dimension: .mass, factor: 0.001),
    Unit(symbol: "t", dimension: .mass, factor: 1000),
    Unit(symbol: "斤", dimension: .mass, factor: 0.5),
    Unit(symbol: "jin", dimension: .mass, factor: 0.5),
    Unit(symbol: "°C", dimension: .temperature, factor: 1),
    Unit(symbol: "℃", dimension: .temperature, factor: 1),
    Unit(symbol: "C", dimension: .temperature, factor: 1),
    Unit(symbol: "%", dimension: .percent, factor: 1),
    Unit(symbol: "d", dimension: .duration, factor: 1),
    Unit(symbol: "day", dimension: .duration, factor: 1),
    Unit(symbol: "days", dimension: .duration, factor: 1),
    Unit(symbol: "week", dimension: .duration, factor: 7),
    Unit(symbol: "weeks", dimension: .duration, factor: 7),
    Unit(symbol: "h", dimension: .duration, factor: 1.0 / 24),
  ]

  private static let bySymbol: [String: Unit] = Dictionary(all.map { ($0.symbol, $0) }, uniquingKeysWith: { a, _ in a })

  /// The symbol as a reader of `language` writes it: Chinese text uses ℃, 公斤, 米 and 厘米;
  /// other languages the symbol itself.
  public func symbol(in language: String) -> String {
    guard language == "zh" else { return symbol }
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
  public static func named(_ symbol: String) -> Unit? { bySymbol[symbol] }

  /// The base unit of a dimension.
  public static func base(of dimension: Dimension) -> Unit {
    Unit(symbol: dimension.baseUnit, dimension: dimension, factor: 1)
  }
}
