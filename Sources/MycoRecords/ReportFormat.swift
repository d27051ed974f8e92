import MycoUnits

/// The data formats of the yield report. The HTML page is made from templates, one layer up
/// (MycoSheets' `YieldReportPage`), in the sheets' style and in Chinese or English.
public enum ReportFormat: String, Sendable, CaseIterable {
  case text, json, csv
}

extension YieldReport {
  /// The report as text, JSON or CSV.
  ///
  /// Every format shows the same figures rounded the same way (`ReportCells`). Weights are in
  /// `unit`, except in JSON, whose field names say kg and whose weights are always kg.
  public func rendered(as format: ReportFormat, unit: WeightUnit = .kg) -> String {
    switch format {
    case .text: TextReportFormatter(report: self, unit: unit).render()
    case .json: JSONReportFormatter(report: self).render()
    case .csv: CSVReportFormatter(report: self, unit: unit).render()
    }
  }
}

/// A group's figures as fixed-decimal text, shared by all formatters (and the HTML page) so they agree.
public struct ReportCells: Sendable {
  /// Number of batches.
  public let batches: String
  /// Inoculated bags.
  public let bags: String
  /// Fresh weight, in the unit, 1 decimal.
  public let fresh: String
  /// Mean yield per inoculated bag, 3 decimals.
  public let yieldPerBag: String
  /// Its standard deviation over batches.
  public let yieldPerBagSD: String
  /// Low end of its 95 % interval (empty when there is none).
  public let yieldPerBagLow: String
  /// High end of its 95 % interval.
  public let yieldPerBagHigh: String
  /// Mean biological efficiency, %, 1 decimal.
  public let be: String
  /// Its standard deviation over batches.
  public let beSD: String
  /// Low end of its 95 % interval (empty when there is none).
  public let beLow: String
  /// High end of its 95 % interval.
  public let beHigh: String
  /// Contaminated bags, %.
  public let contamination: String
  /// Mean flushes per batch.
  public let flushes: String
  /// Mean days from inoculation to the first harvest (empty when unknown).
  public let daysToFirstHarvest: String

  /// The figures of `group`, weights in `unit`.
  public init(_ group: YieldReport.Group, unit: WeightUnit) {
    func weight(_ kg: Double?, _ decimals: Int) -> String {
      kg.map { NumberText.fixed(unit.fromKilograms($0), decimals) } ?? ""
    }
    func percent(_ value: Double?) -> String { value.map { NumberText.fixed($0, 1) } ?? "" }
    batches = String(group.batches)
    bags = String(group.bags)
    fresh = weight(group.freshKg, 1)
    yieldPerBag = weight(group.yieldPerBagKg, 3)
    yieldPerBagSD = weight(group.yieldPerBagSD, 3)
    yieldPerBagLow = weight(group.yieldPerBagInterval?.lowerBound, 3)
    yieldPerBagHigh = weight(group.yieldPerBagInterval?.upperBound, 3)
    be = percent(group.bePercent)
    beSD = percent(group.beSD)
    beLow = percent(group.beInterval?.lowerBound)
    beHigh = percent(group.beInterval?.upperBound)
    contamination = percent(group.contaminationPercent)
    flushes = NumberText.fixed(group.flushes, 1)
    daysToFirstHarvest = group.daysToFirstHarvest.map { NumberText.fixed($0, 1) } ?? ""
  }
}

extension YieldReport {
  /// A line describing which batches the report covers.
  var scopeDescription: String {
    var parts: [String] = []
    parts.append(
      query.groupBy.isEmpty
        ? "all batches together"
        : "grouped by " + query.groupBy.map(\.rawValue).joined(separator: ", "))
    parts.append(query.variety.map { "variety \($0)" } ?? "all varieties")
    if query.from != nil || query.to != nil {
      parts.append(
        "inoculated \(query.from?.description ?? "…") to \(query.to?.description ?? "…")")
    }
    if let rule = query.adviceRule, query.groupBy.contains(.advice) {
      parts.append("advice rule \(rule)")
    }
    return parts.joined(separator: "; ")
  }

  /// The comparison in plain words, e.g.
  /// `15x45 vs 15x55: BE 12.0 points higher, 95 % interval 5.0–19.0 (Welch t = 3.10, …)`.
  var comparisonSentences: [String] {
    guard let comparison else { return [] }
    guard let be = comparison.be else {
      return ["\(comparison.first) vs \(comparison.second): too few batches (or no spread) to compare."]
    }
    var lines = [
      "\(comparison.first) vs \(comparison.second): BE " + Self.difference(be, unit: "points", decimals: 1)
        + " (Welch t = \(NumberText.fixed(be.t, 2)), df = \(NumberText.fixed(be.degreesOfFreedom, 1)), "
        + "p = \(NumberText.fixed(be.p, 3)))."
    ]
    if let perBag = comparison.yieldPerBag {
      lines.append(
        "\(comparison.first) vs \(comparison.second): yield per bag "
          + Self.difference(perBag, unit: "kg", decimals: 3) + ".")
    }
    return lines
  }

  /// `12.0 points higher, 95 % interval 5.0–19.0`, or `… lower …` with the interval of the
  /// (positive) shortfall.
  static func difference(_ test: WelchTest, unit: String, decimals: Int) -> String {
    let higher = test.difference >= 0
    let size = abs(test.difference)
    let low = higher ? test.interval.lowerBound : -test.interval.upperBound
    let high = higher ? test.interval.upperBound : -test.interval.lowerBound
    let range =
      low >= 0
      ? "\(NumberText.fixed(low, decimals))–\(NumberText.fixed(high, decimals))"
      : "\(NumberText.fixed(low, decimals)) to \(NumberText.fixed(high, decimals))"
    return "\(NumberText.fixed(size, decimals)) \(unit) \(higher ? "higher" : "lower"), 95 % interval \(range)"
  }
}
