import MycoCalendar
import MycoUnits

/// The yield report as an aligned plain-text table followed by the comparison in words.
///
/// Values from the records (group labels, the variety and rule asked for) are shown with their
/// control characters escaped: a grower name holding ESC or a line feed cannot drive the
/// terminal or forge a line.
struct TextReportFormatter {
  let report: YieldReport
  let unit: WeightUnit

  func render() -> String {
    let u = unit.rawValue
    let header = [
      "group", "batches", "bags", "fresh \(u)", "\(u)/bag", "SD", "95% CI", "BE %", "SD",
      "95% CI", "contam. %", "flushes", "days to 1st",
    ]
    var rows = [header]
    for group in report.groups {
      let c = ReportCells(group, unit: unit)
      rows.append([
        TerminalText.escaped(group.label), c.batches, c.bags, c.fresh, c.yieldPerBag, c.yieldPerBagSD,
        range(c.yieldPerBagLow, c.yieldPerBagHigh), c.be, c.beSD, range(c.beLow, c.beHigh),
        c.contamination, c.flushes, c.daysToFirstHarvest,
      ])
    }
    let widths = header.indices.map { column in
      rows.map { displayWidth($0[column]) }.max() ?? 0
    }
    var lines = [
      "Yield report (\(TerminalText.escaped(report.scopeDescription)))",
      "",
    ]
    for (index, row) in rows.enumerated() {
      let cells = row.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - displayWidth(cell))
        return column == 0 ? cell + padding : padding + cell
      }
      lines.append(cells.joined(separator: "  "))
      if index == 0 {
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
      }
    }
    if report.groups.isEmpty { lines.append("(no batches match)") }
    let sentences = report.comparisonSentences
    if !sentences.isEmpty {
      lines.append("")
      lines.append(contentsOf: sentences.map { TerminalText.escaped($0) })
    }
    lines.append("")
    lines.append(
      "Per bag and BE: mean ± SD over batches, all inoculated bags counted; "
        + "BE = fresh ÷ dry substrate × 100.")
    return lines.joined(separator: "\n") + "\n"
  }

  private func range(_ low: String, _ high: String) -> String {
    low.isEmpty ? "" : "\(low)–\(high)"
  }

  /// Columns a terminal gives the text: two for CJK and other wide characters.
  private func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
      switch scalar.value {
      case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6:
        width + 2
      default: width + 1
      }
    }
  }
}
