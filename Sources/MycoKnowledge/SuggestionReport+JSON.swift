import Foundation
import MycoCalendar
import MycoRules

extension SuggestionReport {
  /// The suggestions as one JSON object with the same content as the text: the situation, and for
  /// each variety its rank, verdict, reason (a code and the words), window, cycle lengths, strain
  /// types and sources. Keys are sorted, so output is deterministic.
  public func json(language: Language) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(document(language: language))) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  struct Cycle: Encodable {
    var phase, name: String
    var days_min, days_max: Int?
    var text: String?
  }

  struct StrainType: Encodable {
    var type, label, text: String
    var fruiting_min, fruiting_max, share_in_range, coldest_mean, warmest_mean: Double
    var fruiting_from: CalendarDate
    var strains: [String]
    var sources: [Citation]
  }

  struct Window: Encodable {
    var position: String
    var opens, closes, next_opens: CalendarDate?
    var estimate: Bool
  }

  struct Item: Encodable {
    var rank: Int
    var variety, name, latin, verdict, reason, reason_text: String
    /// The stage that starts the crop: `inoculation` (bags) or `sowing` (field or soil beds).
    var start_stage: String?
    /// The needs line of the text: the start stage and the cycle lengths.
    var needs: [String]
    var fits_now, facility_helps: Bool
    var days_to_start, days_left: Int?
    var nearest_elevation: Double?
    var day_mean: Double
    var window: Window?
    var cycles: [Cycle]
    var strain_types: [StrainType]
    var sources: [Citation]
  }

  struct Document: Encodable {
    var elevation: Double
    var place: String?
    var date: CalendarDate
    var facility: String?
    var language: Language
    var version, header: String
    var notes: [String]
    var suggestions: [Item]
  }

  func document(language: Language) -> Document {
    let zh = language == .zh
    var notes: [String] = []
    if let caveat = elevationCaveat(language: language) { notes.append(caveat) }
    let items = suggestions.map { suggestion in
      let lines = SuggestionLines(
        suggestion: suggestion, knowledge: knowledge, facility: facility, elevation: elevation, language: language)
      let window = suggestion.window.map {
        Window(
          position: $0.position, opens: $0.opens, closes: $0.closes, next_opens: $0.nextOpens,
          estimate: $0.trigger.estimate)
      }
      return Item(
        rank: suggestion.rank, variety: suggestion.variety.id, name: suggestion.variety.name.text(in: language),
        latin: suggestion.variety.latin, verdict: lines.verdict, reason: suggestion.reason.rawValue,
        reason_text: lines.reason,
        start_stage: suggestion.window?.trigger.stage, needs: lines.needs,
        fits_now: suggestion.fitsNow, facility_helps: suggestion.facilityHelps, days_to_start: suggestion.daysToStart,
        days_left: suggestion.daysLeft, nearest_elevation: suggestion.nearestElevation, day_mean: suggestion.dayMean,
        window: window,
        cycles: suggestion.variety.cycles.map {
          Cycle(
            phase: $0.phase, name: SuggestionLines.phase($0.phase, zh: zh), days_min: $0.daysMinimum,
            days_max: $0.daysMaximum, text: $0.text)
        },
        strain_types: suggestion.strainTypes.map {
          StrainType(
            type: $0.type,
            label: knowledge.vocabulary["strain-type"]?.display(.symbol($0.type), language: language) ?? $0.type,
            text: lines.strainType($0), fruiting_min: $0.fruitingMinimum, fruiting_max: $0.fruitingMaximum,
            share_in_range: ($0.shareInRange * 1000).rounded() / 1000, coldest_mean: $0.coldestMean,
            warmest_mean: $0.warmestMean,
            fruiting_from: $0.fruitingFrom, strains: $0.strains, sources: $0.sources)
        },
        sources: suggestion.sources)
    }
    return Document(
      elevation: elevation, place: place?.id, date: date, facility: facility, language: language,
      version: knowledge.version,
      header: header(language: language), notes: notes, suggestions: items)
  }
}
