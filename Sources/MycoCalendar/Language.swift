/// A language Myco writes its text in: the CLI's `--lang`, the server's `?lang=`, and the key
/// under which localized text (`xml:lang` in the rule and knowledge files) is looked up.
///
/// A sheet printed in both languages is a ``SheetLanguage`` (MycoSheets), made of two of these.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
  /// Simplified Chinese, the growers' language.
  case zh
  /// English.
  case en
}
