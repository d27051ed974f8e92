import MycoCalendar

/// Where a date falls against a crop's start window at one elevation.
///
/// Windows come from the climate curve alone: a window is a run of qualifying days (see
/// ``StartTrigger``) on the circular climate year, so it may cross the turn of the year and has no
/// calendar cut-off. The run holding the date is used (`in-window`); otherwise the position says
/// why the date does not qualify, and the windows before and after it are given.
public struct StartWindow: Sendable, Hashable, Codable {
  /// `in-window`; `too-early-warm` / `too-early-cold` (the next window is nearer, and it is too
  /// warm / too cold now or during the spawn run); `too-late-warm` / `too-late-cold` (the last
  /// window is nearer, and heat / cold now or during the spawn run is why it closed); or `none`
  /// (no day of the year qualifies at this elevation). Too warm or too cold today decides by
  /// season: for an autumn crop warmth means early and cold late, for a spring crop the reverse.
  public var position: String
  /// The window looked at: the one holding the date, else the next one (too early) or the last one
  /// (too late). Nil when there is none.
  public var opens: CalendarDate?
  /// The last day of that window (nil when there is none).
  public var closes: CalendarDate?
  /// When the date is outside a window: the next window's first day.
  public var nextOpens: CalendarDate?
  /// The trigger that defined the window.
  public var trigger: StartTrigger

  /// Finds the window of `trigger` around `date` at `elevation`, from the climate normals.
  public init(trigger: StartTrigger, date: CalendarDate, elevation: Double, climate: ClimateNormals) {
    self = StartCalendar(trigger: trigger, elevation: elevation, climate: climate).window(on: date)
  }

  init(position: String, opens: CalendarDate?, closes: CalendarDate?, nextOpens: CalendarDate?, trigger: StartTrigger) {
    self.position = position
    self.opens = opens
    self.closes = closes
    self.nextOpens = nextOpens
    self.trigger = trigger
  }

  /// The elevation nearest to `elevation` (scanning `range` in `step` metres) where `trigger` has a
  /// window at all, or nil when there is none in the range.
  public static func nearestElevationWithWindow(
    _ trigger: StartTrigger, from elevation: Double, climate: ClimateNormals,
    range: ClosedRange<Double> = 100...2600, step: Double = 50
  ) -> Double? {
    var candidates: [Double] = []
    var value = range.lowerBound
    while value <= range.upperBound {
      candidates.append(value)
      value += step
    }
    candidates.sort {
      abs($0 - elevation) < abs($1 - elevation) || (abs($0 - elevation) == abs($1 - elevation) && $0 < $1)
    }
    return candidates.first { StartCalendar(trigger: trigger, elevation: $0, climate: climate).hasWindow }
  }
}

/// Why a day does not qualify for a trigger.
enum StartFailure: Sendable, Hashable {
  case warmNow, coldNow, warmAhead, coldAhead
}

/// The qualifying days of one trigger at one elevation over the 365-day climate year, computed once.
public struct StartCalendar: Sendable {
  /// The trigger the days were checked against.
  public let trigger: StartTrigger
  /// The estimated daily means, day 0 = 1 January.
  let means: [Double]
  /// Nil where the day qualifies, else the first reason it does not.
  let failures: [StartFailure?]

  /// Checks every day of the climate year at `elevation` against `trigger`.
  public init(trigger: StartTrigger, elevation: Double, climate: ClimateNormals) {
    self.trigger = trigger
    let means = (0..<365).map { climate.dailyMean(dayOfYear: $0, elevation: elevation) }
    self.means = means
    failures = (0..<365).map { Self.failure(day: $0, trigger, means) }
  }

  /// Whether any day of the year qualifies.
  public var hasWindow: Bool { failures.contains { $0 == nil } }

  /// Whether climate day `day` (0-based, wrapped) qualifies.
  public func qualifies(climateDay day: Int) -> Bool { failures[Self.wrap(day)] == nil }

  static func wrap(_ day: Int) -> Int { ((day % 365) + 365) % 365 }

  static func failure(day: Int, _ trigger: StartTrigger, _ means: [Double]) -> StartFailure? {
    let mean = means[day]
    if let limit = trigger.atMost, mean > limit { return .warmNow }
    if let limit = trigger.atLeast, mean < limit { return .coldNow }
    let longest = max(
      trigger.staysAtLeast == nil ? 0 : trigger.staysAtLeastDays,
      trigger.staysAtMost == nil ? 0 : trigger.staysAtMostDays)
    if longest > 0 {
      for ahead in 1...longest {
        let later = means[wrap(day + ahead)]
        if let limit = trigger.staysAtMost, ahead <= trigger.staysAtMostDays, later > limit { return .warmAhead }
        if let limit = trigger.staysAtLeast, ahead <= trigger.staysAtLeastDays, later < limit { return .coldAhead }
      }
    }
    if trigger.endsAfterDays > 0 {
      let end = means[wrap(day + trigger.endsAfterDays)]
      if let limit = trigger.endsAtMost, end > limit { return .warmAhead }
      if let limit = trigger.endsAtLeast, end < limit { return .coldAhead }
    }
    return nil
  }

  /// The window around `date`.
  public func window(on date: CalendarDate) -> StartWindow {
    let day = date.climateDay
    guard hasWindow else {
      return StartWindow(position: "none", opens: nil, closes: nil, nextOpens: nil, trigger: trigger)
    }
    func ok(_ offset: Int) -> Bool { failures[Self.wrap(day + offset)] == nil }
    if !failures.contains(where: { $0 != nil }) {
      // Every day qualifies: the window is the whole year from the date on.
      return StartWindow(
        position: "in-window", opens: date, closes: date.adding(days: 364), nextOpens: nil, trigger: trigger)
    }
    if ok(0) {
      var back = 0
      while ok(back - 1) { back -= 1 }
      var forward = 0
      while ok(forward + 1) { forward += 1 }
      return StartWindow(
        position: "in-window", opens: date.adding(days: back), closes: date.adding(days: forward), nextOpens: nil,
        trigger: trigger)
    }
    // The next window: its first and last days.
    var next = 1
    while !ok(next) { next += 1 }
    var nextEnd = next
    while ok(nextEnd + 1) { nextEnd += 1 }
    // The last window before the date.
    var last = -1
    while !ok(last) { last -= 1 }
    var lastStart = last
    while ok(lastStart - 1) { lastStart -= 1 }
    let autumn = trigger.season != "spring"
    let failure = failures[day]!
    let warm: Bool
    switch failure {
    case .warmNow, .warmAhead: warm = true
    case .coldNow, .coldAhead: warm = false
    }
    let early: Bool
    switch failure {
    // Too warm or too cold today: an autumn crop waits for cooling (warm = early, cold = late),
    // a spring crop for warming (cold = early, warm = late).
    case .warmNow, .coldNow: early = warm == autumn
    // Trouble ahead (heat or cold during the spawn run) reads both ways: too late for the last
    // window and too early for the next. Take the nearer one in time.
    case .warmAhead, .coldAhead: early = next <= -last
    }
    let nextOpens = date.adding(days: next)
    if early {
      return StartWindow(
        position: warm ? "too-early-warm" : "too-early-cold", opens: nextOpens, closes: date.adding(days: nextEnd),
        nextOpens: nextOpens, trigger: trigger)
    }
    return StartWindow(
      position: warm ? "too-late-warm" : "too-late-cold", opens: date.adding(days: lastStart),
      closes: date.adding(days: last), nextOpens: nextOpens, trigger: trigger)
  }
}
