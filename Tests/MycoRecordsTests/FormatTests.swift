import Foundation
import Testing
@testable import MycoRecords

@Suite struct FormatTests {
  @Test func allFormatsShowTheSameFigures() throws {
    let folder = try TemporaryFolder()
    let report = try handDatabase(folder).report(ReportQuery(groupBy: [.bagSize]))
    let text = report.rendered(as: .text)
    let json = report.rendered(as: .json)
    let csv = report.rendered(as: .csv)

    // The figures every format must carry, as the shared cells format them.
    for group in report.groups {
      let c = ReportCells(group, unit: .kg)
      for figure in [
        c.fresh, c.yieldPerBag, c.yieldPerBagSD, c.be, c.beSD, c.contamination, c.flushes, c.daysToFirstHarvest,
      ] {
        #expect(text.contains(figure) && csv.contains(figure))
      }
    }
    // JSON parses, with the documented names, and its numbers equal the CSV's.
    let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let groups = try #require(object["groups"] as? [[String: Any]])
    #expect(groups.count == 2 && object["comparison"] != nil)
    for name in [
      "batches", "bags", "fresh_kg", "yield_per_bag_kg", "yield_per_bag_sd", "be_percent", "be_sd",
      "contamination_percent", "flushes", "days_to_first_harvest",
    ] {
      #expect(groups[0][name] != nil, "missing \(name)")
    }
    #expect(groups[0]["be_percent"] as? Double == 100)
    // JSON carries the figures unrounded: rounded, they are the other formats' cells.
    for (index, group) in report.groups.enumerated() {
      let c = ReportCells(group, unit: .kg)
      let pairs: [(String, String, Int)] = [
        ("fresh_kg", c.fresh, 1), ("yield_per_bag_kg", c.yieldPerBag, 3), ("yield_per_bag_sd", c.yieldPerBagSD, 3),
        ("be_percent", c.be, 1), ("be_sd", c.beSD, 1), ("contamination_percent", c.contamination, 1),
        ("flushes", c.flushes, 1), ("days_to_first_harvest", c.daysToFirstHarvest, 1),
      ]
      for (name, cell, decimals) in pairs {
        let value = try #require(groups[index][name] as? Double, "\(name)")
        #expect(NumberText.fixed(value, decimals) == cell, "\(name)")
      }
    }
    let csvRows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(csvRows[1][0] == "15x45" && csvRows[1][8] == "100.0")
    #expect(report.comparisonSentences.allSatisfy { text.contains($0) })
  }

  @Test func jinShowsTwiceTheKilograms() throws {
    let folder = try TemporaryFolder()
    let report = try handDatabase(folder).report(ReportQuery())
    #expect(report.rendered(as: .csv, unit: .jin).contains(",4,60,76.0,1.400,"))
    #expect(report.rendered(as: .csv, unit: .kg).contains(",4,60,38.0,0.700,"))
  }
}
