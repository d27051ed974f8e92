import MycoCalendar
import Testing

/// Day arithmetic over every day of the supported years, checked against a plain walk of the
/// calendar that knows nothing of epochs: month lengths and the Gregorian leap-year rule only.
@Suite struct CalendarDateArithmeticTests {
  /// The Gregorian rule, written out: every 4th year, but not every 100th, but every 400th.
  static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

  /// The day after `date`, by month lengths alone.
  static func next(_ date: (year: Int, month: Int, day: Int)) -> (year: Int, month: Int, day: Int) {
    let lengths = [31, isLeap(date.year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if date.day < lengths[date.month - 1] { return (date.year, date.month, date.day + 1) }
    if date.month < 12 { return (date.year, date.month + 1, 1) }
    return (date.year + 1, 1, 1)
  }

  @Test func everyDayFrom1900To2200RoundTripsThroughDaysAndText() throws {
    var walk = (year: 1900, month: 1, day: 1)
    var days = try #require(CalendarDate(year: 1900, month: 1, day: 1)).daysSinceEpoch
    var count = 0
    while walk.year <= 2200 {
      let date = try #require(CalendarDate(year: walk.year, month: walk.month, day: walk.day), "\(walk)")
      // Consecutive days are consecutive numbers, both ways
      if date.daysSinceEpoch != days || CalendarDate(daysSinceEpoch: days) != date {
        Issue.record("\(date): \(date.daysSinceEpoch) ≠ \(days)")
        return
      }
      // ISO text round trip, and adding one day is the next day of the walk
      let next = Self.next(walk)
      if CalendarDate(iso: date.description) != date
        || (next.year <= 2200
          && date.adding(days: 1) != CalendarDate(year: next.year, month: next.month, day: next.day))
      {
        Issue.record("\(date) does not round-trip")
        return
      }
      walk = next
      days += 1
      count += 1
    }
    // 301 years, 73 of them leap (1904…2196 every 4th, without 2100; with 2000)
    #expect(count == 301 * 365 + 73)
    let first = try #require(CalendarDate(iso: "1900-01-01"))
    let last = try #require(CalendarDate(iso: "2200-12-31"))
    #expect(first.days(to: last) == count - 1)
    #expect(CalendarDate(iso: "1970-01-01")?.daysSinceEpoch == 0)
  }

  @Test func centuryLeapYears() {
    // 1900 and 2100 are not leap years (divisible by 100), 2000 is (divisible by 400)
    #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
    #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
    #expect(CalendarDate(year: 2100, month: 2, day: 29) == nil)
    #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
    #expect(CalendarDate.daysIn(month: 2, year: 1900) == 28)
    #expect(CalendarDate.daysIn(month: 2, year: 2000) == 29)
    #expect(CalendarDate.daysIn(month: 2, year: 2100) == 28)
    #expect(CalendarDate(iso: "1900-02-28")?.adding(days: 1) == CalendarDate(iso: "1900-03-01"))
    #expect(CalendarDate(iso: "2000-02-28")?.adding(days: 1) == CalendarDate(iso: "2000-02-29"))
    #expect(CalendarDate(iso: "2100-02-28")?.adding(days: 1) == CalendarDate(iso: "2100-03-01"))
    #expect(CalendarDate(iso: "2000-03-01").map { CalendarDate(iso: "2000-02-28")!.days(to: $0) } == 2)
  }

  @Test func theSupportedYearsEndExactlyAtTheirEdges() throws {
    #expect(CalendarDate(iso: "1899-12-31") == nil)
    #expect(CalendarDate(iso: "2201-01-01") == nil)
    #expect(throws: CalendarDateError(text: "2201-01-01", reason: .outsideSupportedYears)) {
      try CalendarDate.parse("2201-01-01")
    }
    #expect(try CalendarDate.parse("1900-01-01").adding(days: -1).description == "1899-12-31")
  }
}
