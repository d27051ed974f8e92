import MycoUnits

/// The yield report as one self-contained, printable HTML page: the table, the comparison in
/// words, and inline SVG charts (yield per bag and BE per group with their 95 % intervals;
/// yield per bag by flush). No script, no external file, no network.
struct HTMLReportFormatter {
  let report: YieldReport
  let unit: WeightUnit

  static let palette = ["#2f6b3b", "#c0793a", "#3f6fa8", "#9b4f8f", "#7a8a2e", "#b3443c", "#4c9a9a", "#6b5a3a"]

  func render() -> String {
    let u = unit.rawValue
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>Myco yield report</title>
      <style>
      @page { size: A4; margin: 14mm; }
      body { font-family: "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: #1d261f; margin: 24px; }
      h1 { font-size: 22px; margin: 0 0 4px; }
      p.scope { color: #52605a; margin: 0 0 16px; font-size: 13px; }
      table { border-collapse: collapse; font-size: 12.5px; margin-bottom: 14px; width: 100%; }
      th, td { padding: 4px 7px; border-bottom: 1px solid #d5ddd7; text-align: right; white-space: nowrap; }
      th { background: #eef3ef; font-weight: 600; }
      td:first-child, th:first-child { text-align: left; }
      .comparison { background: #f6f1e6; border-left: 4px solid #c0793a; padding: 8px 12px; font-size: 14px; }
      .charts { display: flex; flex-wrap: wrap; gap: 12px; }
      figure { margin: 8px 0; break-inside: avoid; }
      figcaption { font-size: 13px; font-weight: 600; margin-bottom: 2px; }
      svg text { font-size: 11px; fill: #1d261f; }
      .note { color: #52605a; font-size: 11.5px; }
      @media print { body { margin: 0; } }
      </style>
      </head>
      <body>
      <h1>Yield report</h1>
      <p class="scope">\(escape(report.scopeDescription))</p>
      <table>
      <thead><tr><th>group</th><th>batches</th><th>bags</th><th>fresh \(u)</th><th>\(u)/bag</th><th>SD</th><th>95% CI</th><th>BE %</th><th>SD</th><th>95% CI</th><th>contam. %</th><th>flushes</th><th>days to 1st</th></tr></thead>
      <tbody>

      """
    for group in report.groups {
      let c = ReportCells(group, unit: unit)
      let cells = [
        group.label, c.batches, c.bags, c.fresh, c.yieldPerBag, c.yieldPerBagSD,
        range(c.yieldPerBagLow, c.yieldPerBagHigh), c.be, c.beSD, range(c.beLow, c.beHigh),
        c.contamination, c.flushes, c.daysToFirstHarvest,
      ]
      html += "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
    }
    html += "</tbody>\n</table>\n"
    let sentences = report.comparisonSentences
    if !sentences.isEmpty {
      html += "<div class=\"comparison\">" + sentences.map(escape).joined(separator: "<br>") + "</div>\n"
    }
    html += "<div class=\"charts\">\n"
    html += barChart(
      title: "Yield per bag (\(u)), mean and 95 % interval",
      bars: report.groups.map { group in
        let c = ReportCells(group, unit: unit)
        return (group.label, Double(c.yieldPerBag) ?? 0, Double(c.yieldPerBagLow), Double(c.yieldPerBagHigh))
      }, decimals: 2)
    html += barChart(
      title: "Biological efficiency (%), mean and 95 % interval",
      bars: report.groups.map { group in
        let c = ReportCells(group, unit: unit)
        return (group.label, Double(c.be) ?? 0, Double(c.beLow), Double(c.beHigh))
      }, decimals: 1)
    html += flushChart()
    html += "</div>\n"
    html += """
      <p class="note">Means, SDs and 95 % intervals are over batches; every inoculated bag counts, lost ones included. \
      BE = fresh weight ÷ dry substrate × 100. Intervals use Student's t; two groups are compared with Welch's t-test. \
      Seasons are meteorological (spring Mar–May, summer Jun–Aug, autumn Sep–Nov, winter Dec–Feb).</p>
      </body>
      </html>

      """
    return html
  }

  private func range(_ low: String, _ high: String) -> String {
    low.isEmpty ? "" : "\(low)–\(high)"
  }

  /// Vertical bars with interval whiskers.
  private func barChart(
    title: String, bars: [(label: String, value: Double, low: Double?, high: Double?)],
    decimals: Int
  ) -> String {
    let width = 460.0, height = 250.0, left = 44.0, bottom = 44.0, top = 14.0
    let top95 = bars.map { max($0.value, $0.high ?? 0) }.max() ?? 1
    let scaleMax = niceCeiling(top95)
    let plotHeight = height - bottom - top
    let slot = (width - left - 10) / Double(max(bars.count, 1))
    func y(_ value: Double) -> Double { top + plotHeight * (1 - value / scaleMax) }
    var svg = "<figure><figcaption>\(escape(title))</figcaption>\n"
    svg +=
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">\n"
    svg += axis(left: left, width: width, top: top, plotHeight: plotHeight, scaleMax: scaleMax, decimals: decimals)
    for (index, bar) in bars.enumerated() {
      let x = left + slot * Double(index) + slot * 0.2
      let barWidth = slot * 0.6
      let color = Self.palette[index % Self.palette.count]
      svg +=
        "<rect x=\"\(f(x))\" y=\"\(f(y(bar.value)))\" width=\"\(f(barWidth))\" height=\"\(f(y(0) - y(bar.value)))\" fill=\"\(color)\" opacity=\"0.85\"/>\n"
      if let low = bar.low, let high = bar.high {
        let cx = x + barWidth / 2
        svg +=
          "<path d=\"M\(f(cx)) \(f(y(max(low, 0))))V\(f(y(high)))M\(f(cx - 6)) \(f(y(high)))h12M\(f(cx - 6)) \(f(y(max(low, 0))))h12\" stroke=\"#1d261f\" stroke-width=\"1.5\" fill=\"none\"/>\n"
      }
      svg +=
        "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(y(max(bar.value, bar.high ?? 0)) - 5))\" text-anchor=\"middle\">\(NumberText.fixed(bar.value, decimals))</text>\n"
      svg +=
        "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\">\(escape(bar.label))</text>\n"
    }
    return svg + "</svg></figure>\n"
  }

  /// Grouped bars: yield per bag in each flush, one colour per group.
  private func flushChart() -> String {
    let groups = report.groups
    let maxFlush = groups.flatMap { $0.yieldPerBagByFlush.keys }.max() ?? 0
    guard maxFlush > 0 else { return "" }
    let width = 932.0, height = 250.0, left = 44.0, bottom = 44.0, top = 14.0
    let values = groups.map { group in
      (1...maxFlush).map { unit.fromKilograms(group.yieldPerBagByFlush[$0] ?? 0) }
    }
    let scaleMax = niceCeiling(values.flatMap { $0 }.max() ?? 1)
    let plotHeight = height - bottom - top
    let slot = (width - left - 10) / Double(maxFlush)
    let barWidth = slot * 0.8 / Double(max(groups.count, 1))
    func y(_ value: Double) -> Double { top + plotHeight * (1 - value / scaleMax) }
    var svg = "<figure><figcaption>Yield per bag by flush (\(unit.rawValue) per inoculated bag)</figcaption>\n"
    svg +=
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">\n"
    svg += axis(left: left, width: width, top: top, plotHeight: plotHeight, scaleMax: scaleMax, decimals: 3)
    for flush in 1...maxFlush {
      let slotX = left + slot * Double(flush - 1) + slot * 0.1
      for (index, group) in values.enumerated() {
        let value = group[flush - 1]
        let x = slotX + barWidth * Double(index)
        svg +=
          "<rect x=\"\(f(x))\" y=\"\(f(y(value)))\" width=\"\(f(barWidth * 0.92))\" height=\"\(f(y(0) - y(value)))\" fill=\"\(Self.palette[index % Self.palette.count])\" opacity=\"0.85\"/>\n"
      }
      svg +=
        "<text x=\"\(f(slotX + slot * 0.4))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\">flush \(flush)</text>\n"
    }
    var legendX = left
    for (index, group) in groups.enumerated() {
      svg +=
        "<rect x=\"\(f(legendX))\" y=\"\(f(height - 16))\" width=\"10\" height=\"10\" fill=\"\(Self.palette[index % Self.palette.count])\"/>"
      svg += "<text x=\"\(f(legendX + 14))\" y=\"\(f(height - 7))\">\(escape(group.label))</text>\n"
      legendX += 24 + Double(group.label.count) * 6.5
    }
    return svg + "</svg></figure>\n"
  }

  private func axis(
    left: Double, width: Double, top: Double, plotHeight: Double, scaleMax: Double, decimals: Int
  ) -> String {
    var svg = ""
    for step in 0...4 {
      let value = scaleMax * Double(step) / 4
      let y = top + plotHeight * (1 - Double(step) / 4)
      svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - 10))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"#d5ddd7\"/>"
      svg +=
        "<text x=\"\(f(left - 4))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(NumberText.fixed(value, decimals))</text>\n"
    }
    return svg
  }

  /// 1, 2, 2.5 or 5 times a power of ten, at or above `value`.
  private func niceCeiling(_ value: Double) -> Double {
    guard value > 0 else { return 1 }
    var power = 1.0
    while power * 10 <= value { power *= 10 }
    while power > value { power /= 10 }
    for factor in [1.0, 2, 2.5, 5, 10] where factor * power >= value { return factor * power }
    return 10 * power
  }

  private func f(_ value: Double) -> String { NumberText.fixed(value, 1) }

  private func escape(_ text: String) -> String {
    text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
      .replacing("\"", with: "&quot;")
  }
}
