/// The value of a fact: a number in the fact's base unit, a symbol, a flag, or a set of symbols.
public enum Value: Sendable, Hashable, Codable, CustomStringConvertible {
  /// A number, always in the base unit of its dimension (m, kg, °C, %, days).
  case number(Double)
  /// One symbol from an enumerated fact, or free text.
  case symbol(String)
  /// Yes or no.
  case flag(Bool)
  /// Several symbols at once (e.g. the symptoms a grower sees).
  case set(Set<String>)

  /// The value as rules write it: a plain number in the base unit, a symbol, `true`/`false`, or sorted set members.
  public var description: String {
    switch self {
    case .number(let number): Value.format(number)
    case .symbol(let symbol): symbol
    case .flag(let flag): flag ? "true" : "false"
    case .set(let members): members.sorted().joined(separator: " ")
    }
  }

  /// A number printed without needless decimals (`25`, `24.5`, `0.125`).
  public static func format(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    var text = String(format: "%.3f", number)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// Encodes as a JSON number, string, boolean or sorted array of strings.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .number(let number): try container.encode(number)
    case .symbol(let symbol): try container.encode(symbol)
    case .flag(let flag): try container.encode(flag)
    case .set(let members): try container.encode(members.sorted())
    }
  }

  /// Decodes what ``encode(to:)`` writes (a boolean before a number, an array as a set).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let flag = try? container.decode(Bool.self) {
      self = .flag(flag)
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else if let members = try? container.decode([String].self) {
      self = .set(Set(members))
    } else {
      self = .symbol(try container.decode(String.self))
    }
  }
}

import Foundation
