/// Where a date falls against a crop's start window at one elevation.
public struct StartWindow: Sendable, Hashable, Codable {
  /// `too-early`, `in-window`, `too-late` or `none` (no window at this elevation).
  public var position: String
  /// First and last suitable start dates in the year looked at (nil when there is none).
  public var opens: CalendarDate?
  public var closes: CalendarDate?
  /// The trigger that defined the window.
  public var trigger: StartTrigger

  /// Finds the window of `trigger` around `date` at `elevation`, from the climate normals.
  ///
  /// Autumn windows are looked for from 1 July to the end of January; spring windows from
  /// 1 January to 30 June. A day qualifies when its estimated mean meets `at-most`/`at-least`
  /// and the means of the following `for-days` days meet `stays-at-least`/`stays-at-most`.
  /// When the qualifying days form several runs, the run holding `date` is used, else the next
  /// run after `date`, else the last run.
  public init(trigger: StartTrigger, date: CalendarDate, elevation: Double, climate: ClimateNormals) {
    self.trigger = trigger
    let autumn = trigger.season != "spring"
    // The season's scan starts in the date's year, or the year before for a January autumn date.
    let scanYear = autumn && date.month == 1 ? date.year - 1 : date.year
    let scanStart = CalendarDate(year: scanYear, month: autumn ? 7 : 1, day: 1)!
    let scanLength = autumn ? 215 : 181
    // Collect every run of qualifying days. A warm mid-elevation summer can split the season:
    // e.g. at 800 m the first days of July are still cool enough for shiitake, then a warm spell
    // follows, and the real autumn window opens in late August. Take the run that holds `date`,
    // else the next run after it (too early), else the last run (too late).
    var runs: [(opens: CalendarDate, closes: CalendarDate)] = []
    var current: (opens: CalendarDate, closes: CalendarDate)?
    for offset in 0..<scanLength {
      let day = scanStart.adding(days: offset)
      if Self.qualifies(day, trigger, elevation, climate) {
        current = (current?.opens ?? day, day)
      } else if let run = current {
        runs.append(run)
        current = nil
      }
    }
    if let run = current { runs.append(run) }
    let chosen =
      runs.first { !(date < $0.opens) && !($0.closes < date) }
      ?? runs.first { date < $0.opens } ?? runs.last
    let opens = chosen?.opens
    let closes = chosen?.closes
    self.opens = opens
    self.closes = closes
    if let opens, let closes {
      position = date < opens ? "too-early" : date > closes ? "too-late" : "in-window"
    } else {
      position = "none"
    }
  }

  static func qualifies(_ day: CalendarDate, _ trigger: StartTrigger, _ elevation: Double, _ climate: ClimateNormals)
    -> Bool
  {
    let mean = climate.dailyMean(dayOfYear: day.climateDay, elevation: elevation)
    if let limit = trigger.atMost, mean > limit { return false }
    if let limit = trigger.atLeast, mean < limit { return false }
    for ahead in stride(from: 1, through: trigger.forDays, by: 1) {
      let later = climate.dailyMean(dayOfYear: day.climateDay + ahead, elevation: elevation)
      if let limit = trigger.staysAtLeast, later < limit { return false }
      if let limit = trigger.staysAtMost, later > limit { return false }
    }
    return true
  }
}
