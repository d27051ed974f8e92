import Foundation
import MycoCalendar
import MycoKnowledge
import MycoSheets
import MycoUnits
import Testing

@Suite struct SheetHTMLTests {
  @Test func sameSituationGivesSameBytes() throws {
    // Given the same request and knowledge base twice
    let first = try Fixture.maker.html(Fixture.exampleRequest())
    let second = try Fixture.maker.html(Fixture.exampleRequest())
    // Then the HTML is identical, and carries no time stamp but the advice date
    #expect(first == second)
    #expect(first.contains("2026-08-20"))
  }

  @Test func everySectionIsPresent() throws {
    let html = try Fixture.maker.html(Fixture.exampleRequest())
    for heading in [
      "香菇袋栽 明白纸", "这张纸适合谁", "三句话要点", "时间表", "关键指标", "怎么做", "看到这些情况怎么办",
      "为什么这样建议", "记一记", "转化率", "安全与联系", "规则与来源", "农户甲", "官阳镇", "A-001", "2026.11",
    ] {
      #expect(html.contains(heading), "missing \(heading)")
    }
    #expect(html.contains("@page { size: A4 portrait"))
    #expect(!html.contains("{{"), "unrendered mustache tag")
  }

  @Test func missingFactsAreAskLinesNotBlanks() throws {
    // Given a situation with no elevation and no bag size
    let request = SheetRequest(situation: Situation(variety: "oyster", date: CalendarDate(iso: "2026-09-01")))
    let sheet = try Fixture.maker.model(request)
    // Then the header asks the agent instead of leaving blanks
    let elevation = try #require(sheet.situation.first { $0.label.primary == "海拔" })
    #expect(elevation.ask && elevation.value.primary.hasPrefix("请问推广员"))
    #expect(!sheet.questions.isEmpty)
    let html = Fixture.maker.templates.html(sheet)
    #expect(html.contains("请问推广员"))
  }

  @Test func titleNeverAsksAQuestion() throws {
    // Given no bag size, the title names the variety only; the bag is asked for in the header
    for language in [SheetLanguage.zh, .en, .zhEn] {
      let request = SheetRequest(
        situation: Situation(variety: "shiitake", elevation: 600, date: CalendarDate(iso: "2026-08-01")),
        language: language)
      let title = try Fixture.maker.model(request).title
      for text in [title.primary, title.secondary ?? ""] {
        #expect(!text.contains("问推广员") && !text.lowercased().contains("ask"), "\(text)")
      }
      #expect(title.primary == (language == .en ? "shiitake — advice sheet" : "香菇 明白纸"))
    }
  }

  @Test func measuredReadingsAppearInTheHeader() throws {
    let request = SheetRequest(
      situation: Situation(
        variety: "shiitake", elevation: 600, date: CalendarDate(iso: "2026-08-01"),
        bag: BagDimensions(parsing: "15x55"),
        temperature: 29.5, bagTemperature: 31, humidity: 88), language: .en)
    let sheet = try Fixture.maker.model(request)
    let shown = sheet.situation.map { $0.label.primary + ": " + $0.value.primary }
    #expect(shown.count == 7, "\(shown)")
    #expect(
      shown.contains { $0.contains("29.5") } && shown.contains { $0.contains("31") }
        && shown.contains { $0.contains("88") }, "\(shown)")
    // Without readings, no estimate is shown as if measured
    let plain = try Fixture.maker.model(
      SheetRequest(situation: Situation(variety: "shiitake", elevation: 600, date: CalendarDate(iso: "2026-08-01"))))
    #expect(plain.situation.count == 4)
  }

  @Test func adviceTextsHaveTheirSlotsFilled() throws {
    let request = SheetRequest(
      situation: Situation(
        variety: "shiitake", elevation: 300, date: CalendarDate(iso: "2026-08-15"), bag: BagDimensions(parsing: "18x60")
      ))
    let sheet = try Fixture.maker.model(request)
    #expect(!sheet.steps.isEmpty && sheet.steps.count <= SheetBuilder.maximumSteps)
    #expect(sheet.keyMessages.count <= 3)
    for item in sheet.steps + sheet.keyMessages { #expect(!item.text.primary.contains("{"), "\(item.text.primary)") }
    // The date is too early at 300 m, so the timeline counts from the window opening and says so
    #expect(sheet.timelineBasis.primary.contains("太热"))
  }

  @Test func targetsLeaveOutStagesTheGrowerHasPassed() throws {
    func stages(_ stage: String?) throws -> [String] {
      let situation = Situation(
        variety: "shiitake", elevation: 800, date: CalendarDate(iso: "2026-10-01"), stage: stage)
      return try Fixture.maker.model(SheetRequest(situation: situation)).targets.map(\.stage.primary)
    }
    // Given no stage, every stage with limits is shown; in fruiting, the spawn run and bagging are behind
    let all = try stages(nil)
    #expect(all.contains("发菌") && all.contains("拌料装袋") && all.contains("出菇"))
    let fruiting = try stages("fruiting")
    #expect(fruiting.contains("出菇") && fruiting.contains("养菌（两潮之间）"))
    #expect(!fruiting.contains("发菌") && !fruiting.contains("拌料装袋") && !fruiting.contains("转色"))
  }

  @Test func bilingualSheetsCarryEnglish() throws {
    let html = try Fixture.maker.html(Fixture.exampleRequest(language: .zhEn))
    #expect(html.contains("Three key messages"))
    #expect(html.contains("三句话要点"))
  }

  @Test func solarTermsAreLabelsNearTheDate() {
    #expect(SolarTerm.label(for: CalendarDate(iso: "2026-09-08")!, language: .zh) == "白露前后")
    #expect(SolarTerm.label(for: CalendarDate(iso: "2026-09-13")!, language: .zh) == "白露后5天")
    #expect(SolarTerm.label(for: CalendarDate(iso: "2026-12-30")!, language: .en) == "7 d before Minor Cold")
  }

  @Test func growersCSVNamesBadRows() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = folder.appendingPathComponent("growers.csv")
    try Data("grower,variety,elevation,date\n农户甲,shiitake,1200,2026-08-20\n农户乙,shiitake,abc,2026-08-20\n".utf8).write(
      to: csv)
    let (rows, failures) = try GrowerCSV.read(csv, defaultDate: CalendarDate(iso: "2026-01-01")!)
    #expect(rows.map(\.line) == [2])
    #expect(failures.map(\.description) == [#"growers.csv:3: error: elevation: "abc" is not a number"#])
  }
}
