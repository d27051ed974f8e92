import MycoCalendar
import MycoKnowledge

/// The 24 solar terms (节气), used only as a familiar label beside a Gregorian date.
///
/// Approximate: each term is given by the Gregorian day it usually falls on; the real date moves
/// by ±1 day from year to year. Myco's advice is timed by date and temperature, never by term.
public struct SolarTerm: Sendable, Hashable {
  public var zh: String
  public var en: String
  public var month: Int
  public var day: Int

  /// The terms in calendar order, with their usual Gregorian dates (approximate, ±1 day).
  public static let all: [SolarTerm] = [
    .init(zh: "小寒", en: "Minor Cold", month: 1, day: 6), .init(zh: "大寒", en: "Major Cold", month: 1, day: 20),
    .init(zh: "立春", en: "Start of Spring", month: 2, day: 4), .init(zh: "雨水", en: "Rain Water", month: 2, day: 19),
    .init(zh: "惊蛰", en: "Awakening of Insects", month: 3, day: 6),
    .init(zh: "春分", en: "Spring Equinox", month: 3, day: 21),
    .init(zh: "清明", en: "Clear and Bright", month: 4, day: 5), .init(zh: "谷雨", en: "Grain Rain", month: 4, day: 20),
    .init(zh: "立夏", en: "Start of Summer", month: 5, day: 6), .init(zh: "小满", en: "Grain Buds", month: 5, day: 21),
    .init(zh: "芒种", en: "Grain in Ear", month: 6, day: 6), .init(zh: "夏至", en: "Summer Solstice", month: 6, day: 21),
    .init(zh: "小暑", en: "Minor Heat", month: 7, day: 7), .init(zh: "大暑", en: "Major Heat", month: 7, day: 23),
    .init(zh: "立秋", en: "Start of Autumn", month: 8, day: 8), .init(zh: "处暑", en: "End of Heat", month: 8, day: 23),
    .init(zh: "白露", en: "White Dew", month: 9, day: 8), .init(zh: "秋分", en: "Autumn Equinox", month: 9, day: 23),
    .init(zh: "寒露", en: "Cold Dew", month: 10, day: 8), .init(zh: "霜降", en: "Frost's Descent", month: 10, day: 23),
    .init(zh: "立冬", en: "Start of Winter", month: 11, day: 7), .init(zh: "小雪", en: "Minor Snow", month: 11, day: 22),
    .init(zh: "大雪", en: "Major Snow", month: 12, day: 7), .init(zh: "冬至", en: "Winter Solstice", month: 12, day: 22),
  ]

  /// The term nearest to `date` and how many days `date` is after it (negative: before it).
  public static func nearest(to date: CalendarDate) -> (term: SolarTerm, days: Int) {
    var best: (term: SolarTerm, days: Int)?
    for year in [date.year - 1, date.year, date.year + 1] {
      for term in all {
        guard let day = CalendarDate(year: year, month: term.month, day: term.day) else { continue }
        let offset = date.daysSinceEpoch - day.daysSinceEpoch
        if best == nil || abs(offset) < abs(best!.days) { best = (term, offset) }
      }
    }
    return best!
  }

  /// A short label: 白露前后 / 白露后5天 / 秋分前3天 (or the English words).
  public static func label(for date: CalendarDate, language: Language) -> String {
    let (term, days) = nearest(to: date)
    let zh = language == .zh
    if abs(days) <= 1 { return zh ? "\(term.zh)前后" : "around \(term.en)" }
    if days > 0 { return zh ? "\(term.zh)后\(days)天" : "\(days) d after \(term.en)" }
    return zh ? "\(term.zh)前\(-days)天" : "\(-days) d before \(term.en)"
  }
}
