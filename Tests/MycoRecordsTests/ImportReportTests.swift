import Foundation
import MycoCalendar
import MycoUnits
import Testing
@testable import MycoRecords

@Suite struct ImportReportTests {
  @Test(arguments: Store.available) func reportByBagSizeMatchesHandComputedFigures(store: Store) throws {
    // Given the four hand batches imported from CSV.
    let folder = try TemporaryFolder()
    let database = try handDatabase(folder, store: store)

    // When the report groups them by bag size.
    let report = try database.report(ReportQuery(groupBy: [.bagSize]))

    // Then 15x45 (B1: 8 kg / 20 bags, B2: 12 kg / 20 bags) comes first …
    #expect(report.groups.map(\.label) == ["15x45", "15x55"])
    let small = report.groups[0]
    #expect(small.key == ["bag-size": "15x45"])
    #expect(small.batches == 2 && small.bags == 40)
    #expect(abs(small.freshKg - 20) < 1e-9)
    #expect(abs(small.yieldPerBagKg - 0.5) < 1e-9)  // (0.4 + 0.6) / 2
    #expect(abs(small.yieldPerBagSD! - 0.02.squareRoot()) < 1e-9)  // sqrt(0.1² + 0.1²)
    #expect(abs(small.bePercent - 100) < 1e-9)  // (80 + 120) / 2
    #expect(abs(small.beSD! - 800.0.squareRoot()) < 1e-9)  // sqrt(20² + 20²)
    // 95 % interval: 100 ± t(0.975, 1) · 28.284 / √2 = 100 ± 12.7062 · 20
    #expect(abs(small.beInterval!.lowerBound - (100 - 254.124)) < 0.01)
    #expect(abs(small.contaminationPercent - 15) < 1e-9)  // 6 / 40
    #expect(abs(small.flushes - 2.5) < 1e-9)  // 2 and 3 flushes
    #expect(small.daysToFirstHarvest == 61)  // Jun 1 → Aug 1, Jun 15 → Aug 15
    #expect(abs(small.yieldPerBagByFlush[3]! - 0.05) < 1e-9)  // 2 kg / 40 bags

    // … and 15x55 (A1: 10 kg / 10 bags, A2: 8 kg / 10 bags) second.
    let large = report.groups[1]
    #expect(large.batches == 2 && large.bags == 20)
    #expect(abs(large.yieldPerBagKg - 0.9) < 1e-9)
    #expect(abs(large.bePercent - 90) < 1e-9)
    #expect(abs(large.contaminationPercent - 5) < 1e-9)
    #expect(large.flushes == 1.5)
    #expect(large.daysToFirstHarvest == 66)  // (61 + 71) / 2

    // And the two groups are compared with Welch's test on BE: 100 − 90.
    let comparison = try #require(report.comparison)
    #expect(comparison.first == "15x45" && comparison.second == "15x55")
    #expect(abs(comparison.be!.difference - 10) < 1e-9)
    #expect(abs(comparison.be!.degreesOfFreedom - 250_000.0 / 170_000) < 1e-9)
    #expect(report.comparisonSentences[0].hasPrefix("15x45 vs 15x55: BE 10.0 points higher, 95 % interval"))
  }

  @Test(arguments: Store.available) func filtersAndOtherGroupings(store: Store) throws {
    let folder = try TemporaryFolder()
    let database = try handDatabase(folder, store: store)

    let seasons = try database.report(ReportQuery(groupBy: [.season, .elevationBand], elevationBands: wushanBands))
    #expect(seasons.groups.map(\.label) == ["summer, mid-mountain", "autumn, low-mountain"])

    let advice = try database.report(
      ReportQuery(groupBy: [.advice], adviceRule: "shiitake.bag.smaller-bags-in-heat"))
    #expect(advice.groups.map(\.label) == ["followed", "not followed"])
    #expect(advice.groups[0].batches == 2)

    let autumn = try database.report(
      ReportQuery(from: CalendarDate(iso: "2024-09-01"), to: CalendarDate(iso: "2024-09-30")))
    #expect(autumn.groups.count == 1 && autumn.groups[0].batches == 2)
    #expect(autumn.comparison == nil)

    let none = try database.report(ReportQuery(variety: "oyster"))
    #expect(none.groups.isEmpty)
  }

  @Test(arguments: Store.available) func elevationBandsComeFromTheQueryNotFromTheRecords(store: Store) throws {
    // Given the hand database (batches at 700 m and 1,100 m, one with no elevation)
    let folder = try TemporaryFolder()
    let database = try handDatabase(folder, store: store)
    // When the bands given split at 1,000 m under other names
    let bands = ElevationBands([
      ElevationBand(id: "upper", fromMetres: 1000, belowMetres: nil),
      ElevationBand(id: "lower", fromMetres: 0, belowMetres: 1000),
    ])
    let report = try database.report(ReportQuery(groupBy: [.elevationBand], elevationBands: bands))
    // Then the groups are those bands, lowest first
    #expect(report.groups.map(\.label).filter { $0 != "unknown" } == ["lower", "upper"])
    // And without bands a report by band is refused, not made up
    // (the one records error, typed: `report` throws only `YieldRecordsError`)
    do {
      _ = try database.report(ReportQuery(groupBy: [.elevationBand]))
      Issue.record("a report by band without bands was made")
    } catch {
      guard case .query(let refusal) = error as? YieldRecordsError else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(refusal.description.contains("needs the elevation bands"))
    }
  }

  @Test(arguments: Store.available) func batchWithoutHarvestCountsAsZero(store: Store) throws {
    let folder = try TemporaryFolder()
    let database = try store.open(folder, name: "memory")
    let batch = Batch(
      id: "Z1", grower: "Grower C", variety: "oyster", bagSize: BagDimensions(parsing: "23x45")!,
      drySubstrateKgPerBag: 1, bags: 100, inoculatedOn: CalendarDate(iso: "2024-03-01")!,
      bagsContaminated: 100)
    try database.add(batch, knownVarieties: knownVarieties)
    let group = try database.report(ReportQuery()).groups[0]
    #expect(group.yieldPerBagKg == 0 && group.bePercent == 0 && group.flushes == 0)
    #expect(group.daysToFirstHarvest == nil && group.contaminationPercent == 100)
  }

  @Test(arguments: Store.available) func singleEntriesAreChecked(store: Store) throws {
    let folder = try TemporaryFolder()
    let database = try store.open(folder, name: "memory")
    let day = CalendarDate(iso: "2024-09-01")!
    let unknown = Batch(
      id: "X1", grower: "Grower A", variety: "shitake", bagSize: BagDimensions(parsing: "15x55")!,
      drySubstrateKgPerBag: 1, bags: 10, inoculatedOn: day)
    #expect {
      try database.add(unknown, knownVarieties: knownVarieties)
    } throws: { "\($0)".contains("add-batch: error: --variety: \"shitake\" is not a known variety") }

    var good = unknown
    good.variety = "shiitake"
    try database.add(good, knownVarieties: knownVarieties)

    let early = Harvest(batchID: "X1", harvestedOn: CalendarDate(iso: "2024-08-01")!, flush: 1, freshKg: 2)
    #expect {
      try database.add(early)
    } throws: { "\($0)" == "add-harvest: error: --date: 2024-08-01 is before batch X1 was inoculated on 2024-09-01" }

    let negative = Harvest(batchID: "X1", harvestedOn: day, flush: 1, freshKg: -2)
    #expect { try database.add(negative) } throws: { "\($0)" == "add-harvest: error: --fresh-kg: must not be negative" }

    let orphan = Harvest(batchID: "NOPE", harvestedOn: day, flush: 1, freshKg: 2)
    #expect { try database.add(orphan) } throws: {
      "\($0)" == "add-harvest: error: --batch: no batch \"NOPE\" is recorded"
    }
    #expect(try database.harvests().isEmpty)
  }
}
