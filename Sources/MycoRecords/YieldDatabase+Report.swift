import GRDB
import MycoCalendar

extension YieldDatabase {
  /// Computes the yield report for a query.
  ///
  /// One pass over the harvests (summed per batch and flush in SQL), then grouping in memory.
  /// Batches are filtered by variety and by inoculation date (`from`…`to`, inclusive).
  ///
  /// - Throws: `ReportFieldError` when grouping by `elevation-band` without
  ///   `query.elevationBands`; database errors.
  public func report(_ query: ReportQuery) throws(YieldRecordsError) -> YieldReport {
    return try guarded {
      if query.groupBy.contains(.elevationBand), query.elevationBands == nil {
        throw YieldRecordsError.query(
          ReportFieldError("grouping by elevation-band needs the elevation bands of the knowledge base"))
      }
      let (batches, harvestTotals) = try dbWriter.read { db in
        let batches = try Batch.order(Batch.Columns.id).fetchAll(db)
        var totals: [String: BatchHarvests] = [:]
        let cursor = try Row.fetchCursor(
          db,
          sql: """
            SELECT batch_id, flush, SUM(fresh_kg), MIN(harvested_on)
            FROM harvest GROUP BY batch_id, flush
            """)
        while let row = try cursor.next() {
          let id: String = row[0]
          let flush: Int = row[1]
          let kg: Double = row[2]
          let first: String = row[3]
          totals[id, default: BatchHarvests()].add(flush: flush, kg: kg, firstDay: first)
        }
        return (batches, totals)
      }
      return YieldReport(
        query: query,
        batches: batches.filter(query.includes),
        harvests: harvestTotals)
    }
  }
}

/// A batch's harvests summed by flush.
struct BatchHarvests: Sendable {
  var kgByFlush: [Int: Double] = [:]
  var firstDay: String?

  /// Summed in flush order: the same figure every run and on every store (a dictionary's own
  /// order changes from one process to the next, and floating-point addition is not associative).
  var totalKg: Double { kgByFlush.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value } }

  mutating func add(flush: Int, kg: Double, firstDay day: String) {
    kgByFlush[flush, default: 0] += kg
    if firstDay.map({ day < $0 }) ?? true { firstDay = day }
  }
}

extension YieldReport {
  /// Groups batches and computes every figure.
  init(query: ReportQuery, batches: [Batch], harvests: [String: BatchHarvests]) {
    var members: [[GroupValue]: [Batch]] = [:]
    for batch in batches {
      let key = query.groupBy.map {
        $0.value(of: batch, adviceRule: query.adviceRule, elevationBands: query.elevationBands)
      }
      members[key, default: []].append(batch)
    }
    let keys = members.keys.sorted { $0.lexicographicallyPrecedes($1) }
    let groups = keys.map { key in
      Group(
        key: Dictionary(
          zip(query.groupBy.map(\.rawValue), key.map(\.label)), uniquingKeysWith: { first, _ in first }),
        label: key.isEmpty ? "all" : key.map(\.label).joined(separator: ", "),
        batches: members[key]!, harvests: harvests)
    }
    var comparison: Comparison? = nil
    if groups.count == 2 {
      let samples = keys.map { key in
        members[key]!.map { BatchFigures($0, harvests[$0.id]) }
      }
      comparison = Comparison(
        first: groups[0].label, second: groups[1].label,
        be: Statistics.welchTest(samples[0].map(\.bePercent), samples[1].map(\.bePercent)),
        yieldPerBag: Statistics.welchTest(
          samples[0].map(\.yieldPerBagKg), samples[1].map(\.yieldPerBagKg)))
    }
    self.init(query: query, groups: groups, comparison: comparison)
  }
}

/// One batch's own figures, the observations the group statistics are computed over.
struct BatchFigures {
  let yieldPerBagKg: Double
  let bePercent: Double
  let flushes: Int
  let daysToFirstHarvest: Int?

  init(_ batch: Batch, _ harvests: BatchHarvests?) {
    let fresh = harvests?.totalKg ?? 0
    yieldPerBagKg = fresh / Double(batch.bags)
    bePercent = fresh / (batch.drySubstrateKgPerBag * Double(batch.bags)) * 100
    flushes = harvests?.kgByFlush.count ?? 0
    daysToFirstHarvest = harvests?.firstDay.flatMap(CalendarDate.init(iso:)).map {
      batch.inoculatedOn.days(to: $0)
    }
  }
}

extension YieldReport.Group {
  init(key: [String: String], label: String, batches: [Batch], harvests: [String: BatchHarvests]) {
    let figures = batches.map { BatchFigures($0, harvests[$0.id]) }
    let perBag = figures.map(\.yieldPerBagKg)
    let be = figures.map(\.bePercent)
    let bags = batches.reduce(0) { $0 + $1.bags }
    var byFlush: [Int: Double] = [:]
    for batch in batches {
      for (flush, kg) in harvests[batch.id]?.kgByFlush ?? [:] { byFlush[flush, default: 0] += kg }
    }
    let days = figures.compactMap(\.daysToFirstHarvest).map(Double.init)
    self.init(
      key: key, label: label, batches: batches.count, bags: bags,
      freshKg: batches.reduce(0) { $0 + (harvests[$1.id]?.totalKg ?? 0) },
      yieldPerBagKg: Statistics.mean(perBag) ?? 0,
      yieldPerBagSD: Statistics.standardDeviation(perBag),
      yieldPerBagInterval: Statistics.confidenceInterval95(perBag),
      bePercent: Statistics.mean(be) ?? 0,
      beSD: Statistics.standardDeviation(be),
      beInterval: Statistics.confidenceInterval95(be),
      contaminationPercent: Double(batches.reduce(0) { $0 + $1.bagsContaminated })
        / Double(bags) * 100,
      flushes: Statistics.mean(figures.map { Double($0.flushes) }) ?? 0,
      daysToFirstHarvest: Statistics.mean(days),
      yieldPerBagByFlush: byFlush.mapValues { $0 / Double(bags) })
  }
}
