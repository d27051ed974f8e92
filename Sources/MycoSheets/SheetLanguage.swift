import MycoCalendar
import MycoDiagnostics
import MycoRules

/// The language(s) a sheet is printed in.
public enum SheetLanguage: String, Sendable, Hashable, CaseIterable, Codable {
  /// Chinese only.
  case zh
  /// English only.
  case en
  /// Chinese, with English in smaller type under or beside it.
  case zhEn = "zh+en"

  /// The language of the main text.
  public var primary: Language { self == .en ? .en : .zh }

  /// The language of the smaller second line, if any.
  public var secondary: Language? { self == .zhEn ? .en : nil }

  /// The `lang` attribute of the HTML page.
  public var htmlLang: String { self == .en ? "en" : "zh-CN" }
}

/// One piece of sheet text: the main language, and the second language when printing both.
///
/// Templates render it with the `line` partial: `{{#x}}{{>line}}{{/x}}`.
public struct Line: Sendable, Hashable {
  public var primary: String
  public var secondary: String?

  public init(_ primary: String, _ secondary: String? = nil) {
    self.primary = primary
    self.secondary = secondary == primary ? nil : secondary
  }

  /// Picks the sheet's language(s) from a text given per language.
  public init(_ text: (Language) -> String, _ language: SheetLanguage) {
    self.init(text(language.primary), language.secondary.map(text))
  }

  /// Picks the sheet's language(s) from a localized text.
  public init(_ text: LocalizedText, _ language: SheetLanguage) {
    self.init({ text.text(in: $0) }, language)
  }

  /// The same line with `prefix` and `suffix` (per language) around each part.
  func wrapped(
    _ language: SheetLanguage, prefix: (Language) -> String = { _ in "" }, suffix: (Language) -> String = { _ in "" }
  )
    -> Line
  {
    Line(
      prefix(language.primary) + primary + suffix(language.primary),
      secondary.map { prefix(language.secondary ?? .en) + $0 + suffix(language.secondary ?? .en) })
  }
}
