import MycoCalendar
import MycoRules

/// Which varieties (and, for shiitake, which strain temperature types) fit an elevation and a date.
///
/// Every verdict comes from the same start-window computation `myco advise` uses
/// (``SituationFacts/startWindow(_:_:_:)`` over ``StartWindow``): a variety fits now when the date
/// lies in its window at this elevation; otherwise the window position says why not (too hot, too
/// cold, no window at this elevation) and when the next window opens. Ranking: varieties that can
/// start now first (the longest time left in the window first), then by how soon a window opens,
/// then those with no window at this elevation (the nearest elevation with one first). The windows
/// are estimates from the climate curve, as in the advice.
public struct VarietySuggester: Sendable {
  /// The varieties, climate and tables suggestions come from.
  public let knowledge: KnowledgeBase

  /// A suggester over `knowledge`.
  public init(knowledge: KnowledgeBase) { self.knowledge = knowledge }

  /// The days after the start of fruiting over which a strain type's fruiting range is compared
  /// with the estimated daily means (Myco's choice: the first three months of fruiting).
  public static let fruitingSpanDays = 90

  /// The ranked suggestions for `date` at `elevation` metres; `facility` (a `facility` value of the
  /// vocabulary) adds a note where an insulated shed or room can bridge the cold.
  public func suggest(elevation: Double, date: CalendarDate, facility: String? = nil) -> [VarietySuggestion] {
    let facts = SituationFacts(knowledge: knowledge)
    let suggestions = knowledge.varieties.enumerated().map { index, variety in
      suggestion(variety, order: index, elevation: elevation, date: date, facility: facility, facts: facts)
    }
    var ranked = suggestions.sorted { $0.sortKey < $1.sortKey }
    for index in ranked.indices { ranked[index].rank = index + 1 }
    return ranked
  }

  private func suggestion(
    _ variety: Variety, order: Int, elevation: Double, date: CalendarDate, facility: String?, facts: SituationFacts
  ) -> VarietySuggestion {
    let climate = knowledge.climate
    var result = VarietySuggestion(
      variety: variety, order: order, window: nil, reason: .noStartData, daysToStart: nil, daysLeft: nil,
      nearestElevation: nil, dayMean: Self.dayMean(climate, date, elevation), strainTypes: [], facilityHelps: false,
      rank: 0)
    guard let window = facts.startWindow(variety, date, elevation) else { return result }
    result.window = window
    switch window.position {
    case "in-window":
      result.reason = .inWindow
      result.daysToStart = 0
      result.daysLeft = window.closes.map { date.days(to: $0) }
    case "none":
      result.reason = .noWindow
      result.nearestElevation = variety.starts.compactMap {
        StartWindow.nearestElevationWithWindow($0, from: elevation, climate: climate)
      }.min { abs($0 - elevation) < abs($1 - elevation) }
    default:
      let warm = window.position.hasSuffix("-warm")
      let early = window.position.hasPrefix("too-early")
      result.reason = warm ? (early ? .tooHotNow : .tooHotAhead) : (early ? .tooColdNow : .tooColdAhead)
      result.daysToStart = window.nextOpens.map { date.days(to: $0) }
      let insulated: Set<String> = ["insulated-shed", "room"]
      // A shed or room can warm bags, not a crop sown in field beds.
      result.facilityHelps = !warm && facility.map(insulated.contains) == true && window.trigger.stage != "sowing"
    }
    if let start = result.startDate(from: date) {
      result.strainTypes = strainTypes(variety, start: start, elevation: elevation)
    }
    return result
  }

  /// The strain temperature types of `variety` ranked by the share of days in the first
  /// ``fruitingSpanDays`` of fruiting (after a start on `start`) whose estimated mean lies in the
  /// type's fruiting range (the widest range its listed strains give). Empty without typed strains.
  func strainTypes(_ variety: Variety, start: CalendarDate, elevation: Double) -> [StrainTypeFit] {
    guard let fruiting = variety.stages.first(where: { $0.id == "fruiting" }) else { return [] }
    let from = start.adding(days: fruiting.startsAfterDays)
    let means = (0..<Self.fruitingSpanDays).map {
      knowledge.climate.dailyMean(dayOfYear: from.climateDay + $0, elevation: elevation)
    }
    let order = knowledge.vocabulary["strain-type"]?.values.map(\.id) ?? []
    var fits: [StrainTypeFit] = []
    for type in order {
      let strains = variety.strains.filter { $0.temperatureType == type }
      let lows = strains.compactMap(\.fruitingMinimum)
      let highs = strains.compactMap(\.fruitingMaximum)
      guard let low = lows.min(), let high = highs.max() else { continue }
      let inRange = means.filter { $0 >= low && $0 <= high }.count
      var sources: [Citation] = []
      for strain in strains { for source in strain.sources where !sources.contains(source) { sources.append(source) } }
      fits.append(
        StrainTypeFit(
          type: type, fruitingMinimum: low, fruitingMaximum: high, fruitingFrom: from,
          coldestMean: (means.min()! * 10).rounded() / 10, warmestMean: (means.max()! * 10).rounded() / 10,
          shareInRange: Double(inRange) / Double(means.count), strains: strains.map(\.id), sources: sources))
    }
    return fits.enumerated().sorted {
      ($0.element.shareInRange, -$0.offset) > ($1.element.shareInRange, -$1.offset)
    }.map(\.element)
  }
}

/// One variety's fit for an elevation and a date: its start window there, or why it does not fit.
public struct VarietySuggestion: Sendable, Hashable {
  /// Why the variety fits or does not fit now.
  public enum Reason: String, Sendable, Hashable, Codable {
    /// The date lies in a start window at this elevation.
    case inWindow = "in-window"
    /// Too hot now: the window opens when it cools (or, for a spring crop, it closed in the heat).
    case tooHotNow = "too-hot-now"
    /// The window has closed: heat during the spawn run would follow a start now.
    case tooHotAhead = "too-hot-ahead"
    /// Too cold now: the window opens when it warms.
    case tooColdNow = "too-cold-now"
    /// The window has closed: cold during the spawn run would follow a start now.
    case tooColdAhead = "too-cold-ahead"
    /// No day of the year qualifies at this elevation.
    case noWindow = "no-window"
    /// The knowledge base gives no start trigger for the variety.
    case noStartData = "no-start-data"
  }

  /// The variety suggested.
  public var variety: Variety
  /// The variety's place in the knowledge base (the last tie-break).
  var order: Int
  /// The start window `myco advise` computes for this date and elevation.
  public var window: StartWindow?
  /// Where the date falls for it: in a window, too early, too late, or no window here.
  public var reason: Reason
  /// Days from the date to the next possible start (0 when in a window); nil without a window.
  public var daysToStart: Int?
  /// In a window: days from the date to the window's last day.
  public var daysLeft: Int?
  /// With no window here: the nearest elevation that has one.
  public var nearestElevation: Double?
  /// The estimated daily mean temperature from the date (°C).
  public var dayMean: Double
  /// For varieties with typed strains: the types, best fitting first.
  public var strainTypes: [StrainTypeFit]
  /// True when cold is what stops the start and the grower's facility (insulated shed, room) can
  /// keep the spawn run warm (Myco's inference).
  public var facilityHelps: Bool
  /// 1 = best.
  public var rank: Int

  /// True when the grower can start now.
  public var fitsNow: Bool { reason == .inWindow }

  /// The start date the strain-type check assumes: the date in a window, else the next opening.
  public func startDate(from date: CalendarDate) -> CalendarDate? {
    guard let window else { return nil }
    if reason == .inWindow { return date }
    return window.nextOpens
  }

  /// The sources behind the verdict: the start trigger's, then the cycle lengths'.
  public var sources: [Citation] {
    var all: [Citation] = []
    for source in (window?.trigger.sources ?? []) + variety.cycles.flatMap(\.sources) where !all.contains(source) {
      all.append(source)
    }
    return all
  }

  var sortKey: SortKey {
    switch reason {
    case .inWindow: SortKey(group: 0, first: -(daysLeft ?? 0), order: order)
    case .noWindow: SortKey(group: 2, first: Int((nearestElevation ?? 1e6).rounded()), order: order)
    case .noStartData: SortKey(group: 3, first: 0, order: order)
    default: SortKey(group: 1, first: daysToStart ?? Int.max, order: order)
    }
  }

  struct SortKey: Comparable {
    var group: Int
    var first: Int
    var order: Int
    static func < (a: SortKey, b: SortKey) -> Bool { (a.group, a.first, a.order) < (b.group, b.first, b.order) }
  }
}

/// How well one strain temperature type's fruiting range matches the estimated temperatures.
public struct StrainTypeFit: Sendable, Hashable, Codable {
  /// A `strain-type` value: low, mid-low, mid, mid-high, high.
  public var type: String
  /// The low end of the type's fruiting range: the lowest its listed strains give (°C).
  public var fruitingMinimum: Double
  /// The high end of the type's fruiting range: the highest its listed strains give (°C).
  public var fruitingMaximum: Double
  /// The estimated first day of fruiting (start + the variety's spawn-run stage).
  public var fruitingFrom: CalendarDate
  /// The coldest estimated daily mean of the compared days (°C).
  public var coldestMean: Double
  /// The warmest estimated daily mean of the compared days (°C).
  public var warmestMean: Double
  /// The share (0–1) of the compared days whose estimated mean lies in the fruiting range.
  public var shareInRange: Double
  /// The listed strains of this type.
  public var strains: [String]
  /// The publications the strains' fruiting ranges come from.
  public var sources: [Citation]
}
