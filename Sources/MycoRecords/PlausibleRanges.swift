import Foundation

/// The plausible range of every number and date a record holds: the one table that the CSV
/// import and `myco yields add-batch` / `add-harvest` check values against. A value outside
/// is refused with its column (`FILE:ROW: column: …`), so the reports never meet absurd
/// figures (a `fresh_kg` of 1e100 would make every sum infinite).
///
/// Bag sizes and the elevation follow the facts of the knowledge base (`Knowledge/facts.xml`:
/// `elevation` 0–9,000 m, `bag-width` 5–60 cm, `bag-length` 10–120 cm, `bag-fill` at most
/// 10 kg, so the dry substrate of a bag is at most that). The other bounds are generous
/// ceilings for one smallholder batch or picking, far above anything real, to catch typing
/// slips and hostile files.
public enum PlausibleRanges {
  /// Elevation of the farm, m.
  public static let elevationM: ClosedRange<Double> = 0...9_000
  /// Folded bag width, cm.
  public static let bagWidthCm: ClosedRange<Double> = 5...60
  /// Bag length, cm.
  public static let bagLengthCm: ClosedRange<Double> = 10...120
  /// Dry substrate in one bag, kg.
  public static let drySubstrateKgPerBag: ClosedRange<Double> = 0.01...10
  /// Bags in one batch.
  public static let bags: ClosedRange<Int> = 1...1_000_000
  /// Fresh weight of one harvest (one picking of one batch), kg.
  public static let freshKgPerHarvest: ClosedRange<Double> = 0...100_000
  /// Price, yuan per kg.
  public static let priceYuanPerKg: ClosedRange<Double> = 0...10_000
  /// Flush number.
  public static let flush: ClosedRange<Int> = 1...50
  /// The earliest inoculation or harvest day.
  public static let earliestDate = CalendarDate(year: 1900, month: 1, day: 1)!

  /// The latest inoculation or harvest day: one year after `today` (a planned batch may be
  /// entered ahead; a harvest years ahead is a slip).
  public static func latestDate(today: CalendarDate = today()) -> CalendarDate {
    CalendarDate(daysSinceEpoch: today.daysSinceEpoch + 366)
  }

  /// `latestDate()` when the program started (computed once: the import checks every row).
  public static let latestDateNow = latestDate()

  /// Today in the local time zone.
  public static func today() -> CalendarDate {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
  }

  /// The problem with a date, or nil when it lies in `earliestDate`…`latest`.
  static func dateProblem(_ date: CalendarDate, latest: CalendarDate) -> String? {
    if date < earliestDate { return "\(date) is before \(earliestDate)" }
    if latest < date { return "\(date) is after \(latest), a year from today" }
    return nil
  }

  /// `0–9000`, with numbers written plainly.
  static func text(_ range: ClosedRange<Double>) -> String {
    "\(NumberText.plain(range.lowerBound))–\(NumberText.plain(range.upperBound))"
  }
}
