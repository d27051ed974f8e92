/// A short text in several languages, keyed by language code (`zh`, `en`, …).
public struct LocalizedText: Sendable, Hashable, Codable {
  /// Text by language code.
  public var byLanguage: [String: String]

  public init(_ byLanguage: [String: String] = [:]) { self.byLanguage = byLanguage }

  /// The text in `language`, else English, else Chinese, else any language, else "".
  public func text(in language: String) -> String {
    byLanguage[language] ?? byLanguage["en"] ?? byLanguage["zh"] ?? byLanguage.sorted { $0.key < $1.key }.first?.value
      ?? ""
  }

  /// The languages present.
  public var languages: Set<String> { Set(byLanguage.keys) }

  public var isEmpty: Bool { byLanguage.isEmpty }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(byLanguage)
  }

  public init(from decoder: any Decoder) throws {
    byLanguage = try decoder.singleValueContainer().decode([String: String].self)
  }
}
