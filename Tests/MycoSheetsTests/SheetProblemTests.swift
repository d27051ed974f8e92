import Foundation
import MycoCalendar
import MycoKnowledge
import MycoSheets
import MycoUnits
import Testing

/// Issue #14: one row per problem seen, pesticide advice as numbered notes the rows refer to, and
/// an optional details page that leaves the sheet itself unchanged.
@Suite struct SheetProblemTests {
  static func request(_ symptoms: Set<String>, details: Bool = false, language: SheetLanguage = .zh) -> SheetRequest {
    SheetRequest(
      situation: Situation(
        variety: "shiitake", elevation: 600, date: CalendarDate(iso: "2026-08-01"),
        bag: BagDimensions(parsing: "15x55"), symptoms: symptoms),
      grower: "农户甲", language: language, details: details)
  }

  @Test func oneRowPerProblemAndPesticideAdviceAsNumberedNotes() throws {
    // Given green patches and mites on shiitake
    let sheet = try Fixture.maker.model(Self.request(["green-patches", "mites"]))
    // Then pesticide-safety advice is not a problem row but a note ①, ②, …
    let noteRules = sheet.pesticides.map(\.rule)
    #expect(noteRules.contains("pesticide.fungicide-suppress-only"))
    #expect(noteRules.contains("pesticide.mites.none-registered"))
    #expect(sheet.pesticides.first?.mark == "①")
    #expect(!sheet.problems.contains { $0.rule.hasPrefix("pesticide.") })
    #expect(sheet.problems.map(\.number) == Array(1...sheet.problems.count))
    // and each problem refers to the notes triggered by the same symptom, not the other's
    func marks(_ rule: String) throws -> [String] {
      try #require(sheet.problems.first { $0.rule == rule }, "no row for \(rule)").marks?.split(separator: " ").map(
        String.init) ?? []
    }
    func mark(_ rule: String) throws -> String { try #require(sheet.pesticides.first { $0.rule == rule }).mark }
    let mould = try marks("contamination.green-mould.seen")
    let mites = try marks("pests.mites.seen-other")
    #expect(mould.contains(try mark("pesticide.fungicide-suppress-only")))
    #expect(!mould.contains(try mark("pesticide.mites.none-registered")))
    #expect(mites.contains(try mark("pesticide.mites.none-registered")))
    #expect(!mites.contains(try mark("pesticide.fungicide-suppress-only")))
    // and the marks are printed in the table
    let html = Fixture.maker.templates.html(sheet)
    #expect(html.contains("<td class=\"refs\">\(mould.joined(separator: " "))</td>"))
  }

  @Test func noProblemSeenIsOneRowThatSaysToPhotographAndAsk() throws {
    let sheet = try Fixture.maker.model(Self.request([]))
    #expect(sheet.problems.count == 1)
    #expect(sheet.problems[0].recognise.primary == "按您说的情况，没有发现问题")
    #expect(sheet.pesticides.isEmpty)
  }

  @Test func theDetailsPageIsOnlyThereWhenAskedAndLeavesTheSheetAlone() throws {
    let symptoms: Set<String> = ["green-patches", "small-flies", "mites"]
    let plain = try Fixture.maker.html(Self.request(symptoms))
    let detailed = try Fixture.maker.html(Self.request(symptoms, details: true))
    #expect(!plain.contains("id=\"details\""))
    #expect(detailed.contains("<section id=\"details\">"))
    #expect(detailed.contains("详情页（可选）"))
    // and the sheet itself (everything up to </main>) is the same, byte for byte
    #expect(plain[..<plain.range(of: "</main>")!.lowerBound] == detailed[..<detailed.range(of: "</main>")!.lowerBound])
    // and the details page holds every problem's and pesticide note's full text
    let model = try Fixture.maker.model(Self.request(symptoms, details: true))
    let details = String(detailed[detailed.range(of: "<section id=\"details\">")!.lowerBound...])
    for row in model.problems { #expect(details.contains(row.action.primary)) }
    for note in model.pesticides { #expect(details.contains(note.text.primary)) }
  }
}
