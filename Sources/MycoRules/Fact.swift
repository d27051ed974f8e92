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
    /// Looked up in a reference table (e.g. a sourced limit); the note says which entry.
    case reference(String)
  }

  /// The value, in the base unit for numbers.
  public var value: Value
  /// Given, estimated, derived or looked up.
  public var origin: Origin
  /// The publications the value comes from (for reference values); advice that reads the fact cites them.
  public var sources: [Citation]

  /// A fact with this value, given by the user unless `origin` says otherwise.
  public init(_ value: Value, origin: Origin = .given, sources: [Citation] = []) {
    self.value = value
    self.origin = origin
    self.sources = sources
  }

  private enum CodingKeys: String, CodingKey { case value, origin, rule, note, sources }

  /// Encodes the origin flat, as `origin` plus `note` or `rule`, so JSON readers need no nesting.
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
    case .reference(let note):
      try container.encode("reference", forKey: .origin)
      try container.encode(note, forKey: .note)
    }
    if !sources.isEmpty { try container.encode(sources, forKey: .sources) }
  }

  /// Decodes what ``encode(to:)`` wrote; an unknown origin reads as given.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    value = try container.decode(Value.self, forKey: .value)
    switch try container.decode(String.self, forKey: .origin) {
    case "estimated": origin = .estimated(try container.decodeIfPresent(String.self, forKey: .note) ?? "")
    case "derived": origin = .derived(rule: try container.decode(String.self, forKey: .rule))
    case "reference": origin = .reference(try container.decodeIfPresent(String.self, forKey: .note) ?? "")
    default: origin = .given
    }
    sources = try container.decodeIfPresent([Citation].self, forKey: .sources) ?? []
  }
}
