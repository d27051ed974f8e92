/// A day on the proleptic Gregorian calendar, without time or time zone.
///
/// Advice, sheets and records all keep dates as days, written ISO `YYYY-MM-DD`, so that a harvest
/// logged in Wushan is the same day wherever the report is run.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The year, e.g. 2026.
  public let year: Int
  /// The month, 1–12.
  public let month: Int
  /// The day of the month, 1–31.
  public let day: Int

  /// Creates a date, or returns nil when the day does not exist (e.g. 2025-02-29).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The years a date read from a person or a file may have. Earlier or later dates are typing
  /// slips (`0001-01-01`, `2026` typed as `9026`), and day arithmetic on them leaves the calendar.
  public static let supportedYears = 1900...2200

  /// Parses `YYYY-MM-DD` exactly (four-digit year, two-digit month and day) in ``supportedYears``.
  ///
  /// Use ``parse(_:)`` where the reason for a refusal should be shown.
  public init?(iso text: some StringProtocol) {
    var copy = String(text)
    guard let date = copy.withUTF8({ CalendarDate(isoBytes: $0) }) else { return nil }
    self = date
  }

  /// Parses `YYYY-MM-DD` from UTF-8 bytes, exactly as `init?(iso:)` does (years in
  /// ``supportedYears``), without allocating.
  public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
    else { return nil }
    var values = (0, 0, 0)
    for (index, byte) in bytes.enumerated() where index != 4 && index != 7 {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      let digit = Int(byte &- UInt8(ascii: "0"))
      if index < 4 {
        values.0 = values.0 * 10 + digit
      } else if index < 7 {
        values.1 = values.1 * 10 + digit
      } else {
        values.2 = values.2 * 10 + digit
      }
    }
    guard Self.supportedYears.contains(values.0) else { return nil }
    self.init(year: values.0, month: values.1, day: values.2)
  }

  /// Parses `YYYY-MM-DD` as ``init(iso:)`` does, saying why a text is refused.
  public static func parse(_ text: some StringProtocol) throws(CalendarDateError) -> CalendarDate {
    if let date = CalendarDate(iso: text) { return date }
    let written = String(text)
    var copy = written
    let shape = copy.withUTF8 { bytes in
      bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
        && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) }
    }
    let parts = shape ? written.split(separator: "-").compactMap { Int($0) } : []
    guard parts.count == 3, CalendarDate(year: parts[0], month: parts[1], day: parts[2]) != nil else {
      throw CalendarDateError(text: written, reason: .notADate)
    }
    throw CalendarDateError(text: written, reason: .outsideSupportedYears)
  }

  /// The date `days` days after 1970-01-01 (Howard Hinnant's civil_from_days).
  public init(daysSinceEpoch days: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let month = mp < 10 ? mp + 3 : mp - 9
    self.year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    self.month = month
    self.day = doy - (153 * mp + 2) / 5 + 1
  }

  /// The ISO form, `YYYY-MM-DD`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Days since 1970-01-01 (negative before), for day arithmetic (Howard Hinnant's days_from_civil).
  public var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// Whole days from `self` to `other` (positive when `other` is later).
  public func days(to other: CalendarDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

  /// The date `days` days later (earlier when negative).
  public func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// The number of days in a month of a year.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = CalendarDate(iso: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date"))
    }
    self = date
  }
}

/// A text that is not a date Myco accepts.
public struct CalendarDateError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Reason: Sendable, Hashable {
    /// Not `YYYY-MM-DD`, or no such day (2025-02-29).
    case notADate
    /// A real day, but outside ``CalendarDate/supportedYears``.
    case outsideSupportedYears
  }

  /// The text as written.
  public var text: String
  public var reason: Reason

  public init(text: String, reason: Reason) {
    self.text = text
    self.reason = reason
  }

  /// E.g. `'0001-01-01' is outside the years 1900–2200`.
  public var description: String { "'\(text)' is \(explanation)" }

  /// Why the text is refused, without the text: `not a date like 2026-08-15 (YYYY-MM-DD)` or
  /// `outside the years 1900–2200`.
  public var explanation: String {
    switch reason {
    case .notADate: "not a date like 2026-08-15 (YYYY-MM-DD)"
    case .outsideSupportedYears:
      "outside the years \(CalendarDate.supportedYears.lowerBound)–\(CalendarDate.supportedYears.upperBound)"
    }
  }
}
