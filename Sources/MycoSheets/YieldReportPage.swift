import Foundation
import MycoCalendar
import MycoDiagnostics
import MycoDiagnostics
import MycoRecords
import MycoUnits

/// The yield report as one self-contained, printable HTML page made from `yields.mustache` in the
/// sheets' style (`sheet.css`), with its words from `labels.json` in Chinese, English or both: the
/// table, the comparison in words, and inline SVG charts drawn from the report's numbers (yield per
/// bag and BE per group with their 95 % intervals; yield per bag by flush). No script, no external
/// file, no network.
public struct YieldReportPage: Sendable {
  /// The report shown.
  public let report: YieldReport
  /// The weight unit of the table and charts.
  public let unit: WeightUnit
  /// The page's language(s).
  public let language: SheetLanguage
  /// The varieties' names by id (the knowledge base's), for the groups and the scope in Chinese; a
  /// variety without one, and every variety in English, shows as its id.
  public let varietyNames: [String: LocalizedText]

  /// A page for `report`, weights in `unit`, words in `language`, varieties named by `varietyNames`.
  public init(
    report: YieldReport, unit: WeightUnit = .kg, language: SheetLanguage = .zh,
    varietyNames: [String: LocalizedText] = [:]
  ) {
    self.report = report
    self.unit = unit
    self.language = language
    self.varietyNames = varietyNames
  }

  /// Shades of grey: the page prints in black and white like a sheet, so every chart has a legend
  /// or labels and never depends on colour.
  static let shades = ["#222222", "#8c8c8c", "#cfcfcf", "#555555", "#b0b0b0", "#3a3a3a", "#707070", "#e4e4e4"]

  /// What `yields.mustache` sees.
  struct Model {
    var lang: String
    var css: String
    var title: Line
    var scope: Line
    var columns: [Line]
    var rows: [Row]
    var comparison: [Line]
    var compared: Bool
    var charts: [Chart]
    var note: Line
  }

  struct Row {
    var group: Line
    var cells: [String]
  }

  /// One SVG chart, its geometry computed here from the numbers; the template only draws it.
  struct Chart {
    var title: Line
    var width: String
    var height: String
    var gridlines: [Gridline]
    var bars: [Bar]
    var whiskers: [String]
    var texts: [Text]
    var legend: [Legend]
  }

  struct Gridline {
    var x1: String, x2: String, y: String, labelX: String, labelY: String, label: String
  }

  struct Bar {
    var x: String, y: String, width: String, height: String, fill: String
  }

  struct Text {
    var x: String, y: String, anchor: String, text: String
  }

  struct Legend {
    var x: String, y: String, textX: String, textY: String, fill: String, text: String
  }

  /// The page as HTML, with Myco's generator mark and the sheets' security policy.
  public func html(_ templates: SheetTemplates) throws(Diagnostic) -> String {
    guard let page = templates.library.render(model(templates), withTemplate: "yields") else {
      throw Diagnostic(
        kind: .sheetTemplate, at: SourceLocation(file: templates.directory.path),
        "no yields.mustache (the yield report's template)")
    }
    return SheetTemplates.secured(page)
  }

  func model(_ templates: SheetTemplates) -> Model {
    let labels = templates.labels
    func line(_ key: String, _ slots: (Language) -> [String: String] = { _ in [:] }) -> Line {
      labels.line(key, language, slots: slots)
    }
    func unitName(_ code: Language) -> String { labels.text("yields.unit.\(unit.rawValue)", code) }
    let withUnit: (Language) -> [String: String] = { ["unit": unitName($0)] }
    let columns = [
      line("yields.col.group"), line("yields.col.batches"), line("yields.col.bags"), line("yields.col.fresh", withUnit),
      line("yields.col.perBag", withUnit), line("yields.col.sd"), line("yields.col.interval"), line("yields.col.be"),
      line("yields.col.sd"), line("yields.col.interval"), line("yields.col.contamination"),
      line("yields.col.flushes"), line("yields.col.daysToFirst"),
    ]
    let rows = report.groups.map { group in
      let c = ReportCells(group, unit: unit)
      return Row(
        group: Line({ groupLabel(group, labels, $0) }, language),
        cells: [
          c.batches, c.bags, c.fresh, c.yieldPerBag, c.yieldPerBagSD,
          Self.range(c.yieldPerBagLow, c.yieldPerBagHigh), c.be, c.beSD, Self.range(c.beLow, c.beHigh),
          c.contamination, c.flushes, c.daysToFirstHarvest,
        ])
    }
    let perBag = report.groups.map { group in
      ChartBar(
        label: groupLabel(group, labels, language.primary), value: unit.fromKilograms(group.yieldPerBagKg),
        low: group.yieldPerBagInterval.map { unit.fromKilograms($0.lowerBound) },
        high: group.yieldPerBagInterval.map { unit.fromKilograms($0.upperBound) })
    }
    let be = report.groups.map {
      ChartBar(
        label: groupLabel($0, labels, language.primary), value: $0.bePercent, low: $0.beInterval?.lowerBound,
        high: $0.beInterval?.upperBound)
    }
    var charts = [
      Self.barChart(title: line("yields.chart.perBag", withUnit), bars: perBag, decimals: 2),
      Self.barChart(title: line("yields.chart.be"), bars: be, decimals: 1),
    ]
    if let flushes = flushChart(title: line("yields.chart.byFlush", withUnit), labels: labels) {
      charts.append(flushes)
    }
    let sentences = comparison(labels)
    return Model(
      lang: language.htmlLang, css: templates.css, title: line("yields.title"), scope: scope(labels),
      columns: columns, rows: rows, comparison: sentences, compared: !sentences.isEmpty, charts: charts,
      note: line("yields.note"))
  }

  /// A group's name in `code`: its values joined, `followed` / `not followed` and varieties in the
  /// page's words (`按建议`, `香菇`); other values (bag sizes, bands, strains) as recorded.
  func groupLabel(_ group: YieldReport.Group, _ labels: Labels, _ code: Language) -> String {
    let fields = report.query.groupBy
    guard !fields.isEmpty else { return labels.text("yields.group.all", code) }
    return fields.map { field -> String in
      let value = group.key[field.rawValue] ?? ""
      switch field {
      case .advice: return labels.text(value == "followed" ? "yields.group.followed" : "yields.group.notFollowed", code)
      case .variety: return varietyName(value, code)
      default: return value
      }
    }.joined(separator: labels.text("yields.group.separator", code))
  }

  /// A variety's name in `code`: the knowledge base's Chinese name in Chinese, the id otherwise.
  func varietyName(_ id: String, _ code: Language) -> String {
    guard code == .zh, let name = varietyNames[id], name.byLanguage["zh"] != nil else { return id }
    return name.text(in: .zh)
  }

  /// Which batches the report covers, e.g. `按品种分组；全部品种`.
  func scope(_ labels: Labels) -> Line {
    let query = report.query
    return Line(
      { code in
        var parts: [String] = []
        if query.groupBy.isEmpty {
          parts.append(labels.text("yields.scope.all", code))
        } else {
          let fields = query.groupBy.map { labels.text("yields.field.\($0.rawValue)", code) }
            .joined(separator: labels.text("yields.scope.fieldSeparator", code))
          parts.append(labels.text("yields.scope.groupedBy", code, ["fields": fields]))
        }
        parts.append(
          query.variety.map { labels.text("yields.scope.variety", code, ["variety": varietyName($0, code)]) }
            ?? labels.text("yields.scope.allVarieties", code))
        if query.from != nil || query.to != nil {
          parts.append(
            labels.text(
              "yields.scope.inoculated", code,
              ["from": query.from?.description ?? "…", "to": query.to?.description ?? "…"]))
        }
        if let rule = query.adviceRule, query.groupBy.contains(.advice) {
          parts.append(labels.text("yields.scope.advice", code, ["rule": rule]))
        }
        return parts.joined(separator: labels.text("yields.scope.separator", code))
      }, language)
  }

  /// The two groups compared in words, from the Welch tests' numbers.
  func comparison(_ labels: Labels) -> [Line] {
    guard let comparison = report.comparison else { return [] }
    // Two groups are compared: the report's first and second, named in each language.
    let pair = report.groups.count == 2 ? Array(report.groups) : []
    func names(_ code: Language) -> [String: String] {
      guard pair.count == 2 else { return ["first": comparison.first, "second": comparison.second] }
      return ["first": groupLabel(pair[0], labels, code), "second": groupLabel(pair[1], labels, code)]
    }
    guard let be = comparison.be else {
      return [labels.line("yields.compare.tooFew", language, slots: names)]
    }
    var lines = [
      labels.line("yields.compare.be", language) { code in
        names(code).merging(Self.difference(be, scale: 1, decimals: 1, labels: labels, code)) { $1 }.merging([
          "t": NumberText.fixed(be.t, 2), "df": NumberText.fixed(be.degreesOfFreedom, 1),
          "p": NumberText.fixed(be.p, 3),
        ]) { $1 }
      }
    ]
    if let perBag = comparison.yieldPerBag {
      lines.append(
        labels.line("yields.compare.perBag", language) { code in
          names(code).merging(
            Self.difference(perBag, scale: 1 / unit.kilograms, decimals: 3, labels: labels, code)
          ) { $1 }.merging(["unit": labels.text("yields.unit.\(unit.rawValue)", code)]) { $1 }
        })
    }
    return lines
  }

  /// The size, direction and 95 % interval of a difference, the interval given for the
  /// (positive) shortfall when the second group is lower; `scale` converts kg to the unit.
  static func difference(_ test: WelchTest, scale: Double, decimals: Int, labels: Labels, _ code: Language)
    -> [String: String]
  {
    let higher = test.difference >= 0
    let low = (higher ? test.interval.lowerBound : -test.interval.upperBound) * scale
    let high = (higher ? test.interval.upperBound : -test.interval.lowerBound) * scale
    let range =
      low >= 0
      ? "\(NumberText.fixed(low, decimals))–\(NumberText.fixed(high, decimals))"
      : NumberText.fixed(low, decimals) + labels.text("yields.compare.to", code) + NumberText.fixed(high, decimals)
    return [
      "size": NumberText.fixed(abs(test.difference) * scale, decimals),
      "direction": labels.text(higher ? "yields.compare.higher" : "yields.compare.lower", code), "range": range,
    ]
  }

  static func range(_ low: String, _ high: String) -> String {
    low.isEmpty ? "" : "\(low)–\(high)"
  }

  struct ChartBar {
    var label: String
    var value: Double
    var low: Double?
    var high: Double?
  }

  /// Vertical bars with interval whiskers, one per group.
  static func barChart(title: Line, bars: [ChartBar], decimals: Int) -> Chart {
    let width = 460.0
    let height = 250.0
    let left = 44.0
    let bottom = 44.0
    let top = 14.0
    let scaleMax = niceCeiling(bars.map { max($0.value, $0.high ?? 0) }.max() ?? 1)
    let plotHeight = height - bottom - top
    let slot = (width - left - 10) / Double(max(bars.count, 1))
    func y(_ value: Double) -> Double { top + plotHeight * (1 - value / scaleMax) }
    var chart = Chart(
      title: title, width: f(width), height: f(height),
      gridlines: gridlines(left: left, width: width, top: top, plotHeight: plotHeight, max: scaleMax, decimals),
      bars: [], whiskers: [], texts: [], legend: [])
    for (index, bar) in bars.enumerated() {
      let x = left + slot * Double(index) + slot * 0.2
      let barWidth = slot * 0.6
      let value = max(bar.value, 0)
      chart.bars.append(
        Bar(
          x: f(x), y: f(y(value)), width: f(barWidth), height: f(y(0) - y(value)), fill: shades[index % shades.count]
        ))
      let centre = x + barWidth / 2
      if let low = bar.low, let high = bar.high {
        let lowY = f(y(max(low, 0)))
        chart.whiskers.append(
          "M\(f(centre)) \(lowY)V\(f(y(high)))M\(f(centre - 6)) \(f(y(high)))h12M\(f(centre - 6)) \(lowY)h12")
      }
      chart.texts.append(
        Text(
          x: f(centre), y: f(y(max(bar.value, bar.high ?? 0)) - 5), anchor: "middle",
          text: NumberText.fixed(bar.value, decimals)))
      chart.texts.append(Text(x: f(centre), y: f(height - bottom + 16), anchor: "middle", text: bar.label))
    }
    return chart
  }

  /// Grouped bars: yield per bag in each flush, one shade per group, with a legend.
  func flushChart(title: Line, labels: Labels) -> Chart? {
    let groups = report.groups
    let maxFlush = groups.flatMap { $0.yieldPerBagByFlush.keys }.max() ?? 0
    guard maxFlush > 0 else { return nil }
    let width = 932.0
    let height = 250.0
    let left = 44.0
    let bottom = 44.0
    let top = 14.0
    let values = groups.map { group in (1...maxFlush).map { unit.fromKilograms(group.yieldPerBagByFlush[$0] ?? 0) } }
    let scaleMax = Self.niceCeiling(values.flatMap { $0 }.max() ?? 1)
    let plotHeight = height - bottom - top
    let slot = (width - left - 10) / Double(maxFlush)
    let barWidth = slot * 0.8 / Double(max(groups.count, 1))
    func y(_ value: Double) -> Double { top + plotHeight * (1 - value / scaleMax) }
    let f = Self.f
    var chart = Chart(
      title: title, width: f(width), height: f(height),
      gridlines: Self.gridlines(left: left, width: width, top: top, plotHeight: plotHeight, max: scaleMax, 3),
      bars: [], whiskers: [], texts: [], legend: [])
    for flush in 1...maxFlush {
      let slotX = left + slot * Double(flush - 1) + slot * 0.1
      for (index, group) in values.enumerated() {
        let value = max(group[flush - 1], 0)
        chart.bars.append(
          Bar(
            x: f(slotX + barWidth * Double(index)), y: f(y(value)), width: f(barWidth * 0.92),
            height: f(y(0) - y(value)), fill: Self.shades[index % Self.shades.count]))
      }
      chart.texts.append(
        Text(
          x: f(slotX + slot * 0.4), y: f(height - bottom + 16), anchor: "middle",
          text: labels.text("yields.chart.flush", language.primary, ["n": String(flush)])))
    }
    var legendX = left
    for (index, group) in groups.enumerated() {
      let name = groupLabel(group, labels, language.primary)
      chart.legend.append(
        Legend(
          x: f(legendX), y: f(height - 16), textX: f(legendX + 14), textY: f(height - 7),
          fill: Self.shades[index % Self.shades.count], text: name))
      // Chinese characters are about twice as wide as Latin letters.
      legendX += 24 + Double(name.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }) * 6.5
    }
    return chart
  }

  static func gridlines(
    left: Double, width: Double, top: Double, plotHeight: Double, max scaleMax: Double, _ decimals: Int
  ) -> [Gridline] {
    (0...4).map { step in
      let y = top + plotHeight * (1 - Double(step) / 4)
      return Gridline(
        x1: f(left), x2: f(width - 10), y: f(y), labelX: f(left - 4), labelY: f(y + 4),
        label: NumberText.fixed(scaleMax * Double(step) / 4, decimals))
    }
  }

  /// 1, 2, 2.5 or 5 times a power of ten, at or above `value`.
  static func niceCeiling(_ value: Double) -> Double {
    guard value > 0, value.isFinite else { return 1 }
    var power = 1.0
    while power * 10 <= value { power *= 10 }
    while power > value { power /= 10 }
    for factor in [1.0, 2, 2.5, 5, 10] where factor * power >= value { return factor * power }
    return 10 * power
  }

  static func f(_ value: Double) -> String { NumberText.fixed(value, 1) }
}
