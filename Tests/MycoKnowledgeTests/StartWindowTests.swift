import MycoCalendar
import MycoKnowledge
import MycoRules
import Testing

/// Start windows come from the climate curve and each variety's limits, with no calendar cut-off.
@Suite struct StartWindowTests {
  let knowledge = Bundled.advisor.knowledge
  static let elevations = stride(from: 100.0, through: 2600, by: 100).map { $0 }
  static let year = (0..<365).map { Bundled.date("2026-01-01").adding(days: $0) }

  /// The trigger's temperature limits checked directly on the climate curve (independently of
  /// the window code): the day's mean within at-least…at-most, the following days within the
  /// stays-at-least / stays-at-most limits, the mean at the end of the spawn run within the
  /// ends-at limits.
  func meetsLimits(_ trigger: StartTrigger, _ date: CalendarDate, _ elevation: Double) -> Bool {
    let climate = knowledge.climate
    let day = date.climateDay
    let mean = climate.dailyMean(dayOfYear: day, elevation: elevation)
    if let limit = trigger.atMost, mean > limit { return false }
    if let limit = trigger.atLeast, mean < limit { return false }
    if let limit = trigger.staysAtLeast,
      (1...max(1, trigger.staysAtLeastDays)).contains(where: {
        climate.dailyMean(dayOfYear: day + $0, elevation: elevation) < limit
      })
    {
      return false
    }
    if let limit = trigger.staysAtMost,
      (1...max(1, trigger.staysAtMostDays)).contains(where: {
        climate.dailyMean(dayOfYear: day + $0, elevation: elevation) > limit
      })
    {
      return false
    }
    if trigger.endsAfterDays > 0 {
      let end = climate.dailyMean(dayOfYear: day + trigger.endsAfterDays, elevation: elevation)
      if let limit = trigger.endsAtMost, end > limit { return false }
      if let limit = trigger.endsAtLeast, end < limit { return false }
    }
    return true
  }

  @Test func everyVarietyHasAnUpperAndALowerStartLimit() {
    for variety in knowledge.varieties {
      #expect(!variety.starts.isEmpty, "\(variety.id) has no start trigger")
      for trigger in variety.starts {
        let upper = trigger.atMost != nil || trigger.staysAtMost != nil || trigger.endsAtMost != nil
        let lower = trigger.atLeast != nil || trigger.staysAtLeast != nil || trigger.endsAtLeast != nil
        #expect(upper && lower, "\(variety.id) \(trigger.season): needs both an upper and a lower temperature limit")
        #expect(
          trigger.atMost != nil && trigger.atLeast != nil,
          "\(variety.id) \(trigger.season): start-day limits on both sides")
        #expect(!trigger.sources.isEmpty)
      }
    }
  }

  /// Property: over 100–2,600 m and every day of the year, a window holds only days that meet the
  /// variety's limits, its first and last days are true boundaries (the day before and the day
  /// after do not qualify), the position agrees with where the date falls, and no day between
  /// the date and the window looked at qualifies.
  @Test func windowsSatisfyTheLimitsAtEveryElevationAndDay() {
    var problems: [String] = []
    func check(_ ok: Bool, _ message: @autoclosure () -> String) {
      if !ok, problems.count < 20 { problems.append(message()) }
    }
    for variety in knowledge.varieties {
      for trigger in variety.starts {
        for elevation in Self.elevations {
          let calendar = StartCalendar(trigger: trigger, elevation: elevation, climate: knowledge.climate)
          // The limits, checked once per climate day by the independent check above.
          let meets = Self.year.map { meetsLimits(trigger, $0, elevation) }
          let qualifies = (0..<365).map { calendar.qualifies(climateDay: $0) }
          for day in 0..<365 where qualifies[day] {
            check(
              meets[day],
              "\(variety.id) \(trigger.season) \(elevation) m: climate day \(day) qualifies but breaks the limits")
          }
          // Whether the day `offset` days after `date` qualifies (2026 has no 29 February).
          func ok(_ date: CalendarDate, _ offset: Int = 0) -> Bool {
            qualifies[((date.climateDay + offset) % 365 + 365) % 365]
          }
          for date in Self.year {
            let window = calendar.window(on: date)
            let label = "\(variety.id) \(trigger.season) \(elevation) m \(date) \(window.position)"
            guard let opens = window.opens, let closes = window.closes else {
              check(window.position == "none" && !calendar.hasWindow, label)
              continue
            }
            let length = opens.days(to: closes)
            check(length >= 0 && length < 365, "\(label): \(opens)–\(closes)")
            check(
              (0...max(0, length)).allSatisfy { ok(opens, $0) },
              "\(label): a day of \(opens)–\(closes) does not qualify")
            if length < 364 {
              check(!ok(opens, -1) && !ok(closes, 1), "\(label): \(opens)–\(closes) is not a whole run")
            }
            switch window.position {
            case "in-window":
              check(opens <= date && date <= closes, label)
            case "too-early-warm", "too-early-cold":
              check(date < opens && window.nextOpens == opens, label)
              check(
                (0..<date.days(to: opens)).allSatisfy { !ok(date, $0) }, "\(label): a day before \(opens) qualifies")
            case "too-late-warm", "too-late-cold":
              check(closes < date && (window.nextOpens.map { $0 > date } ?? false), label)
              check(
                (1...closes.days(to: date)).allSatisfy { !ok(closes, $0) }, "\(label): a day after \(closes) qualifies")
            default:
              check(false, "\(label): unexpected position")
            }
          }
        }
      }
    }
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  /// The old scan clipped autumn windows at 1 July and 31 January and spring ones at 1 January
  /// and 30 June. Windows now are runs on the circular year: a boundary on one of those dates is
  /// only ever a real temperature boundary (the day just outside breaks a temperature limit).
  @Test func noWindowBoundaryIsACalendarCutOff() {
    let cutOffs: Set<String> = ["07-01", "01-31", "01-01", "06-30"]
    for variety in knowledge.varieties {
      for trigger in variety.starts {
        for elevation in Self.elevations {
          let calendar = StartCalendar(trigger: trigger, elevation: elevation, climate: knowledge.climate)
          var seen: Set<CalendarDate> = []
          for date in Self.year {
            let window = calendar.window(on: date)
            guard window.position == "in-window", let opens = window.opens, let closes = window.closes,
              seen.insert(opens).inserted
            else { continue }
            if cutOffs.contains(String(opens.description.suffix(5))) {
              #expect(
                !meetsLimits(trigger, opens.adding(days: -1), elevation), "\(variety.id) \(elevation) m opens \(opens)")
            }
            if cutOffs.contains(String(closes.description.suffix(5))) {
              #expect(
                !meetsLimits(trigger, closes.adding(days: 1), elevation),
                "\(variety.id) \(elevation) m closes \(closes)")
            }
          }
        }
      }
    }
  }

  func window(_ variety: String, _ elevation: Double, _ date: String) throws -> StartWindow {
    let variety = try #require(knowledge.variety(variety))
    return try #require(SituationFacts(knowledge: knowledge).startWindow(variety, Bundled.date(date), elevation))
  }

  /// Issue #11: shiitake at 800 m in April was told "from 1 July to about 7 July".
  @Test func shiitakeAt800mInAprilWaitsForTheLateSummerWindow() throws {
    let window = try window("shiitake", 800, "2026-04-10")
    #expect(window.position == "too-early-warm")
    let opens = try #require(window.opens)
    #expect(opens.month == 8 && opens.day >= 15, "opens \(opens)")
    #expect(try #require(window.closes).month == 9)
  }

  /// Issue #11: at 1,000 m on 10 July the hottest weeks are still ahead.
  @Test func shiitakeAt1000mInJulyIsNotInTheWindow() throws {
    let window = try window("shiitake", 1000, "2026-07-10")
    #expect(window.position == "too-early-warm")
    #expect(try #require(window.opens) > Bundled.date("2026-08-01"))
  }

  /// Issue #11: oyster at 1,500 m on 10 January (about −0.2 °C), enoki and morel in midwinter.
  @Test func midwinterIsNeverAStartForAutumnCrops() throws {
    let oyster = try window("oyster", 1500, "2026-01-10")
    #expect(oyster.position == "too-late-cold")
    #expect(try #require(oyster.closes) < Bundled.date("2026-01-01"), "the last window was the previous autumn")
    for variety in ["enoki", "morel", "oyster", "king-oyster", "button"] {
      for elevation in [250.0, 800, 1200, 1500, 2000] {
        for date in ["2026-01-10", "2026-01-25", "2026-02-05"] {
          let window = try window(variety, elevation, date)
          #expect(window.position != "in-window", "\(variety) \(elevation) m \(date)")
        }
      }
    }
  }

  /// "偏早（天还热）" must never be the label when the reason is cold.
  @Test func coldPositionsNeverSayItIsStillWarm() throws {
    let vocabulary = Bundled.advisor.knowledge.vocabulary
    let declaration = try #require(vocabulary["start-window"])
    for value in declaration.values where value.id.hasSuffix("-cold") {
      for language in Language.allCases {
        let label = value.label.text(in: language)
        #expect(!label.contains("热") && !label.lowercased().contains("warm"), "\(value.id): \(label)")
      }
    }
    #expect(declaration.values.contains { $0.id == "too-early-cold" })
    // And a cold date gets a cold position: tremella in a valley January, lingzhi in a valley February.
    #expect(try window("tremella", 250, "2026-01-15").position == "too-early-cold")
    #expect(try window("lingzhi", 250, "2026-02-15").position == "too-early-cold")
  }

  /// Where no window exists, the nearest elevation that has one is named, and it is the nearest.
  @Test func noWindowNamesTheNearestElevationThatHasOne() throws {
    let report = try Bundled.advise(Situation(variety: "lingzhi", elevation: 1800, date: Bundled.date("2026-06-01")))
    #expect(report.evaluation.facts["start-window"]?.value == .symbol("none"))
    guard case .number(let nearest) = report.evaluation.facts["window-elevation"]?.value else {
      Issue.record("no window-elevation fact")
      return
    }
    let trigger = try #require(knowledge.variety("lingzhi")?.starts.first)
    #expect(StartCalendar(trigger: trigger, elevation: nearest, climate: knowledge.climate).hasWindow)
    for closer in stride(from: nearest + 50, to: 1800, by: 50) {
      #expect(!StartCalendar(trigger: trigger, elevation: closer, climate: knowledge.climate).hasWindow, "\(closer) m")
    }
    let text = report.text(language: .zh)
    #expect(text.contains("\(Value.format(nearest)) m") || text.contains("\(Value.format(nearest))"))
    #expect(report.evaluation.advice.contains { $0.rule == "timing.no-window" })
  }

  /// `air-temp` holds only what the grower measured: without a reading there is no air-temp fact.
  @Test func theEstimateNeverFillsTheMeasuredShedTemperature() throws {
    let report = try Bundled.advise(Situation(variety: "shiitake", elevation: 600, date: Bundled.date("2026-09-05")))
    #expect(report.evaluation.facts["air-temp"] == nil)
    #expect(report.evaluation.facts["ten-day-mean-temp"] != nil)
    let measured = try Bundled.advise(
      Situation(variety: "shiitake", elevation: 600, date: Bundled.date("2026-09-05"), temperature: 35))
    #expect(measured.evaluation.facts["air-temp"]?.value == .number(35))
  }
}
