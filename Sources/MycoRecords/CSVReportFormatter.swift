import MycoUnits

/// The yield report as CSV: one row per group, one column per grouping field then the figures,
/// with the unit in each column name (`fresh_kg` or `fresh_jin`).
struct CSVReportFormatter {
  let report: YieldReport
  let unit: WeightUnit

  func render() -> String {
    let u = unit.rawValue
    var writer = CSVWriter()
    let fields = report.query.groupBy.map(\.rawValue)
    writer.append(
      (fields.isEmpty ? ["group"] : fields) + [
        "batches", "bags", "fresh_\(u)", "yield_per_bag_\(u)", "yield_per_bag_sd_\(u)",
        "yield_per_bag_ci95_low_\(u)", "yield_per_bag_ci95_high_\(u)", "be_percent", "be_sd",
        "be_ci95_low", "be_ci95_high", "contamination_percent", "flushes",
        "days_to_first_harvest",
      ])
    for group in report.groups {
      let c = ReportCells(group, unit: unit)
      let key = fields.isEmpty ? [group.label] : fields.map { group.key[$0] ?? "" }
      writer.append(
        key.map(CSVWriter.guarded) + [
          c.batches, c.bags, c.fresh, c.yieldPerBag, c.yieldPerBagSD, c.yieldPerBagLow,
          c.yieldPerBagHigh, c.be, c.beSD, c.beLow, c.beHigh, c.contamination, c.flushes,
          c.daysToFirstHarvest,
        ])
    }
    return writer.text
  }
}
