import MycoCalendar
import MycoDiagnostics
import MycoRules
import MycoUnits

/// Turns a grower's ``Situation`` into facts for the rule engine, using the knowledge tables.
///
/// Given values are `given`; everything computed from climate normals or bag tables is
/// `estimated`, with a note saying how. A measured temperature beats the estimate.
public struct SituationFacts: Sendable {
  /// The knowledge base whose tables turn situations into facts.
  public let knowledge: KnowledgeBase

  /// A converter over `knowledge`.
  public init(knowledge: KnowledgeBase) { self.knowledge = knowledge }

  /// The facts of `situation`; throws for unknown varieties, values or impossible numbers.
  public func facts(for situation: Situation) throws(Diagnostic) -> [String: Fact] {
    guard let variety = knowledge.variety(situation.variety) else {
      let known = knowledge.varieties.map(\.id).joined(separator: ", ")
      throw Diagnostic(kind: .unknownVariety, "unknown variety '\(situation.variety)' (known: \(known))")
    }
    var facts: [String: Fact] = ["variety": Fact(.symbol(variety.id))]
    try addChoices(situation, &facts)
    try addStrain(situation, variety, &facts)
    if let date = situation.date {
      facts["month"] = Fact(.number(Double(date.month)))
      facts["season"] = Fact(.symbol(Self.season(ofMonth: date.month)))
    }
    try addMeasurements(situation, &facts)
    try addPlace(situation, &facts)
    if let elevation = situation.elevation
      ?? facts["elevation"].flatMap({ if case .number(let n) = $0.value { n } else { nil } })
    {
      if situation.elevation != nil {
        try checkRange(elevation, of: "elevation")
        facts["elevation"] = Fact(.number(elevation))
      }
      if let band = knowledge.elevationBand(elevation) { facts["elevation-band"] = Fact(.symbol(band.id)) }
      if let date = situation.date { addClimate(date, elevation, variety, &facts) }
    }
    if let bag = situation.bag {
      try checkRange(bag.widthCM / 100, of: "bag-width")
      try checkRange(bag.lengthCM / 100, of: "bag-length")
      addBag(bag, &facts)
    }
    addLimits(
      variety, stage: situation.stage, strain: knownStrain(situation, variety), substrate: situation.substrate, &facts)
    return facts
  }

  /// The situation inputs a computed fact comes from (empty for facts the grower gives directly).
  public static func inputs(for fact: String) -> [String] {
    switch fact {
    case "next-window-opens", "start-max-temp", "start-min-temp", "window-elevation": ["elevation", "month"]
    case "started": ["stage"]
    case "month", "season": ["month"]
    case "elevation-band": ["elevation"]
    case "month-mean-temp", "ten-day-mean-temp", "coldest-mean-next-60-days", "warmest-mean-next-30-days",
      "start-window", "window-opens", "window-closes":
      ["elevation", "month"]
    case "bag-fill", "bag-class": ["bag-width"]
    case "strain-type": ["strain"]
    default: []
    }
  }

  /// Meteorological seasons: spring Mar–May, summer Jun–Aug, autumn Sep–Nov, winter Dec–Feb.
  public static func season(ofMonth month: Int) -> String {
    switch month {
    case 3...5: "spring"
    case 6...8: "summer"
    case 9...11: "autumn"
    default: "winter"
    }
  }

  private func addChoices(_ situation: Situation, _ facts: inout [String: Fact]) throws(Diagnostic) {
    for (name, value) in [
      ("substrate", situation.substrate), ("stage", situation.stage), ("facility", situation.facility),
    ] {
      guard let value else { continue }
      try check(value, isValueOf: name)
      facts[name] = Fact(.symbol(value))
    }
    if let symptoms = situation.symptoms {
      for symptom in symptoms { try check(symptom, isValueOf: "symptoms") }
      facts["symptoms"] = Fact(.set(symptoms))
    }
    addStarted(situation, &facts)
  }

  /// The grower's readings, each checked against the min / max its fact declares in the vocabulary.
  private func addMeasurements(_ situation: Situation, _ facts: inout [String: Fact]) throws(Diagnostic) {
    let readings: [(String, Double?)] = [
      ("air-temp", situation.temperature), ("bag-temp", situation.bagTemperature), ("air-humidity", situation.humidity),
      ("day-night-difference", situation.dayNightDifference), ("soil-temp", situation.soilTemperature),
      ("soil-moisture", situation.soilMoisture),
    ]
    for (name, value) in readings {
      guard let value else { continue }
      try checkRange(value, of: name)
      facts[name] = Fact(.number(value))
    }
  }

  /// Throws when `value` (in the fact's base unit) lies outside the min / max the vocabulary declares
  /// for `fact`; the message speaks in the fact's display unit.
  func checkRange(_ value: Double, of fact: String) throws(Diagnostic) {
    guard let declaration = knowledge.vocabulary[fact] else { return }
    let unit = declaration.displayUnit?.symbol ?? ""
    let factor = declaration.displayUnit?.factor ?? 1
    let low = declaration.minimum ?? -.infinity
    let high = declaration.maximum ?? .infinity
    guard value.isFinite, value >= low, value <= high else {
      func shown(_ number: Double) -> String { Value.format((number / factor * 1000).rounded() / 1000) }
      let bounds = [declaration.minimum, declaration.maximum].compactMap { $0.map(shown) }.joined(separator: "–")
      let suffix = unit.isEmpty ? "" : " \(unit)"
      throw Diagnostic(
        kind: .outOfRange,
        "\(declaration.label.text(in: .en)) \(value.isFinite ? shown(value) : "\(value)")\(suffix) is out of range (allowed: \(bounds)\(suffix))"
      )
    }
  }

  private func addClimate(_ date: CalendarDate, _ elevation: Double, _ variety: Variety, _ facts: inout [String: Fact])
  {
    let climate = knowledge.climate
    let note =
      "climate normals (\(climate.id), \(Value.format(climate.referenceElevation)) m) − \(Value.format(climate.lapseRatePer100m)) °C per 100 m"
      + (climate.monthlyLapseRates == nil ? "" : " (monthly rates where measured)")
    func estimate(_ value: Double) -> Fact { Fact(.number((value * 10).rounded() / 10), origin: .estimated(note)) }
    let day = date.climateDay
    facts["month-mean-temp"] = estimate(climate.monthlyMean(month: date.month, elevation: elevation))
    let tenDay = (0..<10).map { climate.dailyMean(dayOfYear: day + $0, elevation: elevation) }.reduce(0, +) / 10
    facts["ten-day-mean-temp"] = estimate(tenDay)
    facts["coldest-mean-next-60-days"] = estimate(
      (1...60).map { climate.dailyMean(dayOfYear: day + $0, elevation: elevation) }.min()!)
    facts["warmest-mean-next-30-days"] = estimate(
      (0...30).map { climate.dailyMean(dayOfYear: day + $0, elevation: elevation) }.max()!)
    if let window = startWindow(variety, date, elevation) {
      facts["start-window"] = Fact(.symbol(window.position), origin: .estimated(note))
      if let opens = window.opens { facts["window-opens"] = Fact(.symbol(opens.description), origin: .estimated(note)) }
      if let closes = window.closes {
        facts["window-closes"] = Fact(.symbol(closes.description), origin: .estimated(note))
      }
      if let next = window.nextOpens {
        facts["next-window-opens"] = Fact(.symbol(next.description), origin: .estimated(note))
      }
      let trigger = window.trigger
      if let limit = trigger.atMost {
        facts["start-max-temp"] = Fact(.number(limit), origin: .estimated("start window: \(variety.id)"))
      }
      if let limit = trigger.atLeast {
        facts["start-min-temp"] = Fact(.number(limit), origin: .estimated("start window: \(variety.id)"))
      }
      if window.position == "none" {
        let nearest = variety.starts.compactMap {
          StartWindow.nearestElevationWithWindow($0, from: elevation, climate: climate)
        }.min { abs($0 - elevation) < abs($1 - elevation) }
        if let nearest { facts["window-elevation"] = Fact(.number(nearest), origin: .estimated(note)) }
      }
    }
  }

  /// The variety's start window that matters for `date`: the one holding the date, else the
  /// nearest one in time (a window about to open, or one that has just closed).
  public func startWindow(_ variety: Variety, _ date: CalendarDate, _ elevation: Double) -> StartWindow? {
    let windows = variety.starts.map {
      StartWindow(trigger: $0, date: date, elevation: elevation, climate: knowledge.climate)
    }
    if windows.count <= 1 { return windows.first }
    if let inside = windows.first(where: { $0.position == "in-window" }) { return inside }
    func distance(_ window: StartWindow) -> Int {
      guard let opens = window.opens, let closes = window.closes else { return .max }
      return window.position.hasPrefix("too-early") ? date.days(to: opens) : closes.days(to: date)
    }
    guard var chosen = windows.min(by: { distance($0) < distance($1) }) else { return nil }
    // The next window of any season: a spring crop's window may open before the next autumn one.
    chosen.nextOpens = windows.compactMap(\.nextOpens).min()
    return chosen
  }

  /// Stages before the crop is started, when start-window (timing) advice applies.
  public static let stagesBeforeStart: Set<String> = ["planning", "bagging", "sowing", "sterilising", "inoculation"]

  /// `started`: `no` before the crop is started or when the stage is not given (timing advice is
  /// for a grower who has not started), `yes` in spawn run and after (that stage's advice applies).
  /// With the stage not given, a symptom seen on the crop (moulds, pests, soft sticks, misshapen
  /// fruit) means the crop is under way: `yes`, marked as an estimate. A bag temperature alone does
  /// not: sticks are measured at inoculation, before the start.
  private func addStarted(_ situation: Situation, _ facts: inout [String: Fact]) {
    if let stage = situation.stage {
      facts["started"] = Fact(.symbol(Self.stagesBeforeStart.contains(stage) ? "no" : "yes"))
    } else if let symptoms = situation.symptoms, !symptoms.isEmpty {
      facts["started"] = Fact(
        .symbol("yes"), origin: .estimated("stage not given: a symptom was seen on the crop, so it is under way"))
    } else {
      facts["started"] = Fact(.symbol("no"), origin: .estimated("stage not given: taken as not started yet"))
    }
  }

  private func addBag(_ bag: BagDimensions, _ facts: inout [String: Fact]) {
    facts["bag-width"] = Fact(.number(bag.widthCM / 100))
    facts["bag-length"] = Fact(.number(bag.lengthCM / 100))
    let classes = knowledge.bagClasses
    if let listed = knowledge.bagSize(bag), let fill = listed.fillKg {
      facts["bag-fill"] = Fact(.number(fill), origin: .estimated("bag table: \(listed.id)"))
      facts["bag-class"] = Fact(
        .symbol(classes.classify(fillKg: fill).rawValue), origin: .estimated("bag table: \(listed.id)"))
    } else if let reference = knowledge.bagSizes.first(where: { $0.id == classes.referenceBag }),
      let fill = reference.fillKg
    {
      let scaled =
        fill * (bag.widthCM * bag.widthCM * bag.lengthCM)
        / (reference.widthCM * reference.widthCM * reference.lengthCM)
      let note = "scaled from the \(reference.id) bag by width² × length"
      facts["bag-fill"] = Fact(.number((scaled * 100).rounded() / 100), origin: .estimated(note))
      facts["bag-class"] = Fact(.symbol(classes.classify(fillKg: scaled).rawValue), origin: .estimated(note))
    }
  }

  func check(_ value: String, isValueOf fact: String) throws(Diagnostic) {
    guard let declaration = knowledge.vocabulary[fact], declaration.allowedValue(value) == nil else { return }
    let allowed = declaration.values.map(\.id).joined(separator: ", ")
    throw Diagnostic(kind: .unknownValue, "unknown \(fact) '\(value)' (allowed: \(allowed))")
  }
}
