import MycoCalendar

/// A short text in several languages, keyed by language code (`zh`, `en`, …).
public struct LocalizedText: Sendable, Hashable, Codable {
  /// Text by language code.
  public var byLanguage: [String: String]

  /// A text from its translations, keyed by language code.
  public init(_ byLanguage: [String: String] = [:]) { self.byLanguage = byLanguage }

  /// A text in Chinese and English.
  public init(zh: String, en: String) { self.byLanguage = ["zh": zh, "en": en] }

  /// A text in English only (``text(in:)`` gives it for every language).
  public init(en: String) { self.byLanguage = ["en": en] }

  /// The English text ("" when there is none).
  public var english: String { byLanguage["en"] ?? "" }

  /// The text in `language`, else English, else Chinese, else any language, else "".
  public func text(in language: Language) -> String {
    byLanguage[language.rawValue] ?? byLanguage["en"] ?? byLanguage["zh"] ?? byLanguage.sorted { $0.key < $1.key }
      .first?.value
      ?? ""
  }

  /// The languages present.
  public var languages: Set<String> { Set(byLanguage.keys) }

  /// True when there is no text in any language.
  public var isEmpty: Bool { byLanguage.isEmpty }

  /// Encodes as a plain JSON object from language code to text.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(byLanguage)
  }

  /// Decodes the object ``encode(to:)`` writes.
  public init(from decoder: any Decoder) throws {
    byLanguage = try decoder.singleValueContainer().decode([String: String].self)
  }
}
