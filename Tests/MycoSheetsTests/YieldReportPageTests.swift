import Foundation
import MycoRecords
import MycoSheets
import MycoUnits
import Testing

/// The yield report's HTML page: templates in the sheets' style, Chinese or English, charts from
/// the report's numbers (issue 13 item 6).
@Suite struct YieldReportPageTests {
  /// The sample records (`Knowledge/samples`) in a database in memory.
  static let database: YieldDatabase = {
    let samples = Fixture.root.appendingPathComponent("Knowledge/samples")
    let database = try! YieldDatabase.inMemory()
    let varieties = Set(Fixture.advisor.knowledge.varieties.map(\.id))
    try! database.importCSV(
      CSVFiles(
        batchesPath: samples.appendingPathComponent("batches.csv").path,
        harvestsPath: samples.appendingPathComponent("harvests.csv").path),
      knownVarieties: varieties, replace: false)
    return database
  }()

  static func page(_ query: ReportQuery, language: SheetLanguage, unit: WeightUnit = .kg) throws -> String {
    let report = try database.report(query)
    return try YieldReportPage(report: report, unit: unit, language: language).html(SheetTemplates.bundled())
  }

  @Test func groupsAreNamedInChineseOnTheChinesePage() throws {
    // Given the samples grouped by advice, and by variety with the knowledge base's names
    let advice = try Self.database.report(
      ReportQuery(groupBy: [.advice], adviceRule: "shiitake.bag.smaller-bags-in-heat"))
    let varieties = try Self.database.report(ReportQuery(groupBy: [.variety]))
    let names = Dictionary(uniqueKeysWithValues: Fixture.advisor.knowledge.varieties.map { ($0.id, $0.name) })
    let templates = try SheetTemplates.bundled()
    // When both are made in Chinese and in English
    let adviceZH = try YieldReportPage(report: advice, language: .zh).html(templates)
    let adviceEN = try YieldReportPage(report: advice, language: .en).html(templates)
    let varietyZH = try YieldReportPage(report: varieties, language: .zh, varietyNames: names).html(templates)
    let varietyEN = try YieldReportPage(report: varieties, language: .en, varietyNames: names).html(templates)
    // Then the Chinese page says 按建议做 / 未按建议做 and 香菇 / 平菇 (table, charts and comparison), never the English
    #expect(adviceZH.contains("<td>按建议做</td>") && adviceZH.contains("<td>未按建议做</td>"))
    #expect(adviceZH.contains("按建议做 与 未按建议做") || adviceZH.contains("按建议做 与 未按建议做："))
    #expect(!adviceZH.contains("followed"))
    #expect(varietyZH.contains("<td>香菇</td>") && varietyZH.contains("<td>平菇</td>"))
    #expect(!varietyZH.contains(">shiitake<") && !varietyZH.contains(">oyster<"))
    // And the English page keeps the words and ids it had
    #expect(adviceEN.contains("<td>followed</td>") && adviceEN.contains("<td>not followed</td>"))
    #expect(varietyEN.contains("<td>shiitake</td>") && varietyEN.contains("<td>oyster</td>"))
  }

  @Test func theSameReportInChineseAndEnglishCarriesTheSameFigures() throws {
    let query = ReportQuery(groupBy: [.variety])
    let report = try Self.database.report(query)
    let zh = try Self.page(query, language: .zh)
    let en = try Self.page(query, language: .en)
    #expect(zh.contains("<html lang=\"zh-CN\">") && zh.contains("<h1>产量报告</h1>"))
    #expect(zh.contains("按品种分组；全部品种"))
    #expect(zh.contains("转化率 %") && zh.contains("鲜重（公斤）"))
    #expect(en.contains("<html lang=\"en\">") && en.contains("<h1>Yield report</h1>"))
    #expect(en.contains("grouped by variety; all varieties"))
    for group in report.groups {
      let c = ReportCells(group, unit: .kg)
      for figure in [c.fresh, c.yieldPerBag, c.be, c.contamination] {
        #expect(zh.contains("<td>\(figure)</td>") && en.contains("<td>\(figure)</td>"), "\(group.label): \(figure)")
      }
    }
    #expect(!zh.contains("{{") && !en.contains("{{") && !zh.contains("yields."), "every label filled")
  }

  @Test func thePageUsesTheSheetsStyleAndSecurityPolicy() throws {
    let html = try Self.page(ReportQuery(groupBy: [.variety]), language: .en)
    let css = try String(
      contentsOf: Fixture.root.appendingPathComponent("Sources/MycoSheets/Templates/sheet.css"), encoding: .utf8)
    #expect(html.contains(css), "sheet.css inlined")
    #expect(html.contains("Content-Security-Policy"))
    #expect(!html.contains("<script"))
  }

  @Test func theChartsAreDrawnFromTheNumbersNotFromRoundedText() throws {
    // Given a report in 斤 (twice the kg figures)
    let query = ReportQuery(groupBy: [.variety])
    let report = try Self.database.report(query)
    let html = try Self.page(query, language: .en, unit: .jin)
    // Then each bar's label is the group's yield per bag in jin, from the Double, at 2 decimals
    for group in report.groups {
      let label = NumberText.fixed(group.yieldPerBagKg * 2, 2)
      #expect(html.contains("text-anchor=\"middle\">\(label)</text>"), "\(group.label): \(label)")
    }
    // Three charts: per bag, BE, and by flush with its legend
    #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
    #expect(html.contains("Yield per bag (jin), mean and 95 % interval"))
    #expect(html.contains("flush 1</text>"))
  }

  @Test func twoGroupsAreComparedInTheChosenLanguage() throws {
    let query = ReportQuery(groupBy: [.variety])
    let report = try Self.database.report(query)
    try #require(report.comparison != nil, "the samples have two varieties, shiitake and oyster")
    let zh = try Self.page(query, language: .zh)
    let en = try Self.page(query, language: .en)
    #expect(zh.contains("<div class=\"comparison\">"))
    #expect(zh.contains(" 与 ") && (zh.contains("转化率高") || zh.contains("转化率低") || zh.contains("批次太少")))
    #expect(en.contains(" vs "))
    // Both name the two groups compared
    let comparison = try #require(report.comparison)
    for html in [zh, en] { #expect(html.contains(comparison.first) && html.contains(comparison.second)) }
  }
}
