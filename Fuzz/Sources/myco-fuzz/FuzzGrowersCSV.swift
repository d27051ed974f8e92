import Foundation
import MycoKnowledge
import MycoSheets

/// `growers`: the growers CSV of `myco sheet batch`, from memory; the first good row is made
/// into sheet HTML with the bundled knowledge, rules and templates (no PDF: no Chromium). One
/// sheet per input keeps the rate up; the advice itself is the `situation` target's job.
final class FuzzGrowersCSV: FuzzTarget, @unchecked Sendable {
  private let maker: SheetMaker
  private let today = CalendarDate(year: 2026, month: 8, day: 15)!

  init(root: URL) {
    let advisor = try! Advisor.load(
      knowledge: root.appendingPathComponent("Knowledge"), knowledgeName: "Knowledge",
      rules: root.appendingPathComponent("Rules"), rulesName: "Rules")
    maker = SheetMaker(advisor: advisor, templates: try! SheetTemplates.bundled())
  }

  func run(_ input: Data) {
    guard let table = try? GrowerCSV.read(data: input, name: "growers.csv", defaultDate: today) else { return }
    for row in table.rows.prefix(1) {
      _ = try? maker.html(row.request)
    }
  }
}
