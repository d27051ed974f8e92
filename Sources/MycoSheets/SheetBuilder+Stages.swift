import MycoCalendar
import MycoKnowledge
import MycoRules

extension SheetBuilder {
  /// Numbers and dates are printed once, in the main language, even on bilingual sheets.
  func mono(_ text: (Language) -> String) -> Line { Line(text(language.primary)) }

  /// The date the timeline counts from: the advice date, or the estimated opening of the start
  /// window when the date is too early for this elevation.
  func startDate() -> (CalendarDate, Line)? {
    guard let date = situation.date else { return nil }
    let facts = report.evaluation.facts
    if case .symbol(let position) = facts["start-window"]?.value, position.hasPrefix("too-early"),
      case .symbol(let text) = facts["window-opens"]?.value,
      let opens = CalendarDate(iso: text), opens > date
    {
      return (
        opens,
        labels.line("basis.windowOpens", language) { ["date": dateText(opens, $0), "given": dateText(date, $0)] }
      )
    }
    return (date, labels.line("basis.given", language) { ["date": dateText(date, $0)] })
  }

  /// A stage's name: the variety's own, else `stage.ID` in the labels, else the `stage` fact's label, else its id.
  func stageName(_ id: String) -> Line {
    if let stage = variety?.stages.first(where: { $0.id == id }) { return Line(stage.name, language) }
    if labels.texts["stage.\(id)"] != nil { return labels.line("stage.\(id)", language) }
    if report.knowledge.vocabulary["stage"]?.allowedValue(id) != nil {
      return Line({ report.display("stage", .symbol(id), language: $0) }, language)
    }
    return Line(id)
  }

  func timelineRows() -> ([TimelineRow], Line) {
    guard let (start, basis) = startDate() else { return ([], ask("month")) }
    var rows = [
      TimelineRow(
        stage: labels.line("stage.start", language), dates: mono { dateText(start, $0) },
        term: mono { SolarTerm.label(for: start, language: $0) }, days: labels.line("dash", language))
    ]
    for stage in variety?.stages ?? [] {
      let begins = start.adding(days: stage.startsAfterDays)
      let dates: Line
      let days: Line
      if let length = stage.lastsDays {
        let ends = begins.adding(days: max(length - 1, 0))
        dates = mono {
          labels.text(
            "dateRange", $0,
            ["from": dateText(begins, $0, year: start.year), "to": dateText(ends, $0, year: begins.year)])
        }
        days = mono { labels.text("days", $0, ["n": "\(length)"]) }
      } else {
        dates = mono { labels.text("dateFrom", $0, ["from": dateText(begins, $0, year: start.year)]) }
        days = labels.line("daysFrom", language)
      }
      rows.append(
        TimelineRow(
          stage: Line(stage.name, language), dates: dates,
          term: mono { SolarTerm.label(for: begins, language: $0) }, days: days))
    }
    return (rows, basis)
  }

  /// Targets per stage: temperature, humidity, light and ventilation always, then any other
  /// quantity the variety has ranges for; the missing ones are named in one "ask" line. When the
  /// grower's stage is known, stages already behind them are left out (the sheet is one page).
  func targetRows() -> [TargetRow] {
    guard let variety else { return [] }
    var quantities = ["temperature", "humidity", "light", "ventilation"]
    for range in variety.ranges where !quantities.contains(range.quantity) { quantities.append(range.quantity) }
    var stages = variety.stages.map(\.id).filter { id in variety.ranges.contains { $0.stage == id } }
    for range in variety.ranges where !stages.contains(range.stage) { stages.append(range.stage) }
    var order = report.knowledge.vocabulary["stage"]?.values.map(\.id) ?? []
    if let fruiting = order.firstIndex(of: "fruiting") { order.insert("primordia", at: fruiting) }
    if let current = situation.stage.flatMap({ order.firstIndex(of: $0) }) {
      stages = stages.filter { stage in order.firstIndex(of: stage).map { $0 >= current } ?? true }
    }
    func name(_ quantity: String, _ lang: Language) -> String {
      labels.texts["quantity.\(quantity)"] != nil
        ? labels.text("quantity.\(quantity)", lang) : report.factLabel(quantity, language: lang)
    }
    return stages.map { stage in
      var targets: [Target] = []
      var missing: [String] = []
      for quantity in quantities {
        guard let range = variety.range(quantity, at: stage), let value = value(range) else {
          if ["temperature", "humidity", "light", "ventilation"].contains(quantity) { missing.append(quantity) }
          continue
        }
        targets.append(Target(quantity: Line({ name(quantity, $0) }, language), value: value.main, note: value.note))
      }
      let ask =
        missing.isEmpty
        ? nil
        : labels.line("askFor", language) { lang in
          ["what": missing.map { name($0, lang) }.joined(separator: lang == .zh ? "、" : ", ")]
        }
      return TargetRow(stage: stageName(stage), targets: targets, ask: ask)
    }
  }

  /// A range as people read it: the optimum in front, the limits after.
  func value(_ range: CropRange) -> (main: Line, note: Line?)? {
    func unit(_ language: Language) -> String {
      language == .zh && range.unit == "°C" ? "℃" : range.unit == "%" ? "%" : " " + range.unit
    }
    func span(_ low: Double?, _ high: Double?, _ language: Language) -> String? {
      switch (low, high) {
      case let (low?, high?) where low == high: Value.format(low) + unit(language)
      case let (low?, high?): "\(Value.format(low))–\(Value.format(high))" + unit(language)
      case let (low?, nil): "≥ " + Value.format(low) + unit(language)
      case let (nil, high?): "≤ " + Value.format(high) + unit(language)
      default: nil
      }
    }
    if let text = range.text, range.minimum == nil, range.maximum == nil, range.optimumLow == nil {
      // The knowledge tables word these notes in English only: print them on English sheets, and
      // leave a Chinese sheet to "ask your agent" rather than print English to a Chinese reader.
      return language.primary == .en ? (Line(text), nil) : nil
    }
    let optimum = span(range.optimumLow, range.optimumHigh, .zh)
    let limits = span(range.minimum, range.maximum, .zh)
    if optimum != nil, limits != nil, optimum != limits {
      return (
        mono { span(range.optimumLow, range.optimumHigh, $0)! },
        mono { labels.text("range", $0, ["range": span(range.minimum, range.maximum, $0)!]) }
      )
    }
    if optimum == nil, limits == nil { return nil }
    return (mono { span(range.optimumLow, range.optimumHigh, $0) ?? span(range.minimum, range.maximum, $0)! }, nil)
  }
}
