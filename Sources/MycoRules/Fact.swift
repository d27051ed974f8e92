/// A fact's value and where it came from.
public struct Fact: Sendable, Hashable, Codable {
  /// Where a fact came from.
  public enum Origin: Sendable, Hashable, Codable {
    /// The user gave it (or measured it).
    case given
    /// Computed from tables (e.g. a temperature from climate normals); the note says how.
    case estimated(String)
    /// Derived by a rule.
    case derived(rule: String)
  }

  public var value: Value
  public var origin: Origin

  public init(_ value: Value, origin: Origin = .given) {
    self.value = value
    self.origin = origin
  }

  private enum CodingKeys: String, CodingKey { case value, origin, rule, note }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(value, forKey: .value)
    switch origin {
    case .given: try container.encode("given", forKey: .origin)
    case .estimated(let note):
      try container.encode("estimated", forKey: .origin)
      try container.encode(note, forKey: .note)
    case .derived(let rule):
      try container.encode("derived", forKey: .origin)
      try container.encode(rule, forKey: .rule)
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    value = try container.decode(Value.self, forKey: .value)
    switch try container.decode(String.self, forKey: .origin) {
    case "estimated": origin = .estimated(try container.decodeIfPresent(String.self, forKey: .note) ?? "")
    case "derived": origin = .derived(rule: try container.decode(String.self, forKey: .rule))
    default: origin = .given
    }
  }
}
