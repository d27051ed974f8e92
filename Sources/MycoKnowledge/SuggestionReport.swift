import Foundation
import MycoCalendar
import MycoDiagnostics
import MycoRules

/// The answer to `myco suggest`: the ranked varieties for one elevation and date, as text or JSON.
public struct SuggestionReport: Sendable {
  /// The elevation (m) the varieties are ranked for.
  public var elevation: Double
  /// The place that gave the elevation, when the grower named one.
  public var place: Place?
  /// The date the varieties are ranked for.
  public var date: CalendarDate
  /// The grower's facility, when given (it can keep a spawn run warm).
  public var facility: String?
  /// Every variety, best first.
  public var suggestions: [VarietySuggestion]
  /// The knowledge base (for names, labels and sources).
  public var knowledge: KnowledgeBase

  /// Ranks the varieties for `elevation` (or the sourced elevation of `place`) on `date`.
  ///
  /// Throws for an elevation outside the vocabulary's range, an unknown place or facility, and a
  /// place without one elevation (the message says what to give instead).
  public init(
    knowledge: KnowledgeBase, elevation: Double?, place: String?, date: CalendarDate, facility: String?
  ) throws(Diagnostic) {
    let facts = SituationFacts(knowledge: knowledge)
    if let facility { try facts.check(facility, isValueOf: "facility") }
    var found: Place?
    let metres: Double
    if let elevation {
      try facts.checkRange(elevation, of: "elevation")
      metres = elevation
    } else if let place {
      var situationFacts: [String: Fact] = [:]
      try facts.addPlace(Situation(variety: "", place: place), &situationFacts)
      found = Places(knowledge: knowledge).find(place)
      guard case .number(let value)? = situationFacts["elevation"]?.value else {
        throw Diagnostic(kind: .unknownPlace, "unknown place '\(place)' (give --elevation instead)")
      }
      metres = value
    } else {
      throw Diagnostic(kind: .badOptions, "give --elevation M or --place NAME")
    }
    self.knowledge = knowledge
    self.elevation = metres
    self.place = found
    self.date = date
    self.facility = facility
    suggestions = VarietySuggester(knowledge: knowledge).suggest(elevation: metres, date: date, facility: facility)
  }

  /// The terminal text in `language` (`zh` or `en`).
  public func text(language: Language) -> String {
    let zh = language == .zh
    var lines = [header(language: language)]
    if let place {
      lines.append(
        zh
          ? "  * 海拔按地点「\(place.name.text(in: language))」取 \(Value.format(elevation)) 米（地名表中有出处的海拔）。"
          : "  * Elevation taken from the place \(place.name.text(in: language)): \(Value.format(elevation)) m (a sourced elevation from the places table)."
      )
    }
    if let caveat = elevationCaveat(language: language) { lines.append("  * " + caveat) }
    lines.append(
      zh
        ? "排序：现在就能开始的在前（适期剩余越长越前），其次按适期多久后开始，最后是这个海拔没有适期的。适期是按气候曲线的估算。"
        : "Ranked: those you can start now first (most time left first), then by how soon a window opens, then those with no window at this elevation. Windows are estimates from the climate curve."
    )
    lines.append("")
    for suggestion in suggestions {
      let line = SuggestionLines(
        suggestion: suggestion, knowledge: knowledge, facility: facility, elevation: elevation, language: language)
      lines.append("\(suggestion.rank). \(line.title) — \(line.verdict)")
      lines.append("   " + (zh ? "原因：" : "Why: ") + line.reason)
      let needs = line.needs
      if !needs.isEmpty { lines.append("   " + (zh ? "需要：" : "Needs: ") + needs.joined(separator: zh ? "；" : "; ")) }
      for strain in line.strainTypes { lines.append("   " + strain) }
      let sources = suggestion.sources.map { SuggestionLines.citation($0, zh: zh) }
      if !sources.isEmpty { lines.append("   " + (zh ? "来源：" : "Sources: ") + sources.joined(separator: "; ")) }
    }
    lines.append("")
    lines.append((zh ? "知识库版本 " : "Knowledge base ") + knowledge.version)
    return lines.joined(separator: "\n") + "\n"
  }

  func header(language: Language) -> String {
    let zh = language == .zh
    var parts = [(zh ? "海拔 " : "elevation ") + Value.format(elevation) + (zh ? " 米" : " m"), date.description]
    if let facility {
      parts.append(knowledge.vocabulary["facility"]?.display(.symbol(facility), language: language) ?? facility)
    }
    let mean = Value.format(VarietySuggester.dayMean(knowledge.climate, date, elevation))
    parts.append(zh ? "估算当天平均气温 \(mean) ℃" : "estimated daily mean \(mean) °C")
    return (zh ? "适合的品种：" : "Varieties that fit: ") + parts.joined(separator: " · ")
  }

  /// The vocabulary's caveat when the elevation lies outside the usual range (outside Wushan).
  func elevationCaveat(language: Language) -> String? {
    guard let declaration = knowledge.vocabulary["elevation"] else { return nil }
    let low = declaration.usualMinimum ?? -.infinity
    let high = declaration.usualMaximum ?? .infinity
    guard elevation < low || elevation > high else { return nil }
    let caveat = declaration.caveat.text(in: language)
    return caveat.isEmpty ? nil : caveat
  }
}

extension VarietySuggester {
  /// The estimated daily mean on `date` at `elevation` from the climate curve (°C, one decimal):
  /// the value the start-window computation compares with the start limits.
  static func dayMean(_ climate: ClimateNormals, _ date: CalendarDate, _ elevation: Double) -> Double {
    (climate.dailyMean(dayOfYear: date.climateDay, elevation: elevation) * 10).rounded() / 10
  }
}

extension SuggestionReport {
  /// The date a suggestion is for: `--date`, or the 15th of `--month N` in `today`'s year, or
  /// `today`. Throws for both at once or a month outside 1–12.
  public static func date(_ date: CalendarDate?, month: Int?, today: CalendarDate) throws(Diagnostic)
    -> CalendarDate
  {
    switch (date, month) {
    case (_?, _?):
      throw Diagnostic(kind: .badOptions, "give either --date or --month, not both")
    case (let date?, nil):
      return date
    case (nil, let month?):
      guard (1...12).contains(month), let date = CalendarDate(year: today.year, month: month, day: 15) else {
        throw Diagnostic(kind: .outOfRange, "--month \(month) is out of range (allowed: 1–12)")
      }
      return date
    case (nil, nil):
      return today
    }
  }
}
