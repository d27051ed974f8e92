import Foundation
import MycoCalendar
import MycoDiagnostics

/// The fixed words of a sheet (headings, "ask your extension agent", safety lines), read from
/// `labels.json` in the templates folder so that an agent can reword them without rebuilding.
///
/// The file maps each key to its text per language: `{"keyMessages": {"zh": "三句话要点", "en": "…"}}`.
/// A value may hold `{name}` slots that the sheet fills in (e.g. `{date}`).
public struct Labels: Sendable {
  public var texts: [String: [String: String]]

  public init(texts: [String: [String: String]]) { self.texts = texts }

  /// Reads `labels.json`; throws a ``Diagnostic`` naming the file when it is not valid.
  public init(contentsOf url: URL) throws(Diagnostic) {
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw Diagnostic(kind: .sheetTemplate, at: SourceLocation(file: url.path), "cannot read the labels file")
    }
    do { texts = try JSONDecoder().decode([String: [String: String]].self, from: data) } catch {
      throw Diagnostic(
        kind: .sheetTemplate, at: SourceLocation(file: url.path),
        "not a JSON object of {\"key\": {\"zh\": …, \"en\": …}}: \(error)")
    }
    let missing = Self.required.filter { texts[$0] == nil }.sorted()
    if !missing.isEmpty {
      throw Diagnostic(
        kind: .sheetTemplate, at: SourceLocation(file: url.path), "missing labels: \(missing.joined(separator: ", "))")
    }
  }

  /// The text of `key` in `language` with its `{slots}` filled (English, then the key, as fallbacks).
  public func text(_ key: String, _ language: Language, _ slots: [String: String] = [:]) -> String {
    var text = texts[key]?[language.rawValue] ?? texts[key]?["en"] ?? key
    for (name, value) in slots.sorted(by: { $0.key < $1.key }) {
      text = text.replacingOccurrences(of: "{\(name)}", with: value)
    }
    return text
  }

  /// The text of `key` in the sheet's language(s).
  public func line(_ key: String, _ language: SheetLanguage, _ slots: [String: String] = [:]) -> Line {
    Line({ text(key, $0, slots) }, language)
  }

  /// The same, with slots that depend on the language.
  public func line(_ key: String, _ language: SheetLanguage, slots: (Language) -> [String: String]) -> Line {
    Line({ text(key, $0, slots($0)) }, language)
  }

  /// Every key, as lines in the sheet's language(s), for the templates' `L.key`.
  public func all(_ language: SheetLanguage) -> [String: Line] {
    Dictionary(uniqueKeysWithValues: texts.keys.map { ($0, line($0, language)) })
  }

  /// Keys the sheet builder uses; a labels file without one of them is refused.
  static let required: Set<String> = [
    "title", "titleNoMethod", "method.bags", "ask", "askShort", "notGiven", "elevation", "elevationValue", "bag",
    "bagValue",
    "startDate", "place", "grower", "village", "batchID", "printed", "version", "variety", "method",
    "elevationBand", "facility", "strain", "fitsDate", "basis.given", "basis.windowOpens", "days", "daysFrom",
    "dateRange", "dateFrom", "quantity.temperature", "quantity.humidity", "quantity.light", "quantity.ventilation",
    "range", "noProblems", "noProblemsHint", "dash", "ifNeededDefault", "neverDefault", "moreSteps", "estimates",
    "recordBag", "contactDefault", "overridden", "stage.start", "noAdvice", "matched", "safety.1", "safety.2",
    "safety.3", "safety.4", "askFor",
    "h_problem", "h_pesticideRefs", "h_pesticides", "detailsNote", "d_title", "d_intro", "d_steps",
    "d_why",
  ]
}
