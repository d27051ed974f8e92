import Foundation
import MycoCalendar
import MycoKnowledge
import MycoSheets
import MycoTestSupport
import MycoUnits
import Testing

/// Checks sheets as a person would see them: printed by Chromium, read back with poppler.
/// Skipped (with a message) only when Chromium or poppler is not installed; CI installs both.
@Suite(.serialized) struct SheetPDFTests {
  static let tools = PDFPrinter.find() != nil && Processes.output(of: "pdfinfo", ["-v"]) != nil

  /// Several varieties and situations, including the longest advice the rules give and zh+en.
  static let cases: [(String, SheetRequest)] = [
    ("example", Fixture.exampleRequest()),
    (
      "hot-zh+en",
      SheetRequest(
        situation: Situation(
          variety: "shiitake", elevation: 1140, date: CalendarDate(iso: "2026-08-22"),
          bag: BagDimensions(parsing: "15x55"),
          stage: "spawn-run", facility: "simple-shed", bagTemperature: 30),
        grower: "农户乙", village: "官阳镇", batchID: "B-2", language: .zhEn)
    ),
    (
      "oyster-hot",
      SheetRequest(
        situation: Situation(
          variety: "oyster", elevation: 300, date: CalendarDate(iso: "2026-08-15"),
          bag: BagDimensions(parsing: "22x45"),
          stage: "spawn-run", bagTemperature: 34),
        grower: "Grower C", language: .zh)
    ),
    (
      "wood-ear-en",
      SheetRequest(
        situation: Situation(
          variety: "wood-ear", elevation: 500, date: CalendarDate(iso: "2026-08-06"),
          bag: BagDimensions(parsing: "15x55")),
        grower: "Grower D", language: .zhEn)
    ),
  ]

  @Test(
    .enabled(
      if: tools, "chromium or poppler-utils is not installed: apt-get install chromium fonts-noto-cjk poppler-utils"))
  func sheetsPrintOnOnePageWithTheCJKFontEmbedded() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let writer = SheetWriter(maker: Fixture.maker)
    for (name, request) in Self.cases {
      let written = try writer.write(request, to: folder.appendingPathComponent("\(name).pdf"), format: .pdf)
      let pdf = try #require(written.pdf).path
      let info = try #require(Processes.output(of: "pdfinfo", [pdf]))
      #expect(info.contains("Pages:           1\n"), "\(name): not one page")
      #expect(info.contains("(A4)"), "\(name): not A4")
      // Chromium embeds Noto CJK (CFF outlines) as Type 3 fonts without a name (see DESIGN.md):
      // every font must be embedded with a Unicode map, and the Chinese text must read back.
      let fonts = try #require(Processes.output(of: "pdffonts", [pdf])).split(separator: "\n").dropFirst(2)
      #expect(!fonts.isEmpty, "\(name): no fonts")
      for font in fonts {
        let columns = font.split(separator: " ", omittingEmptySubsequences: true)
        #expect(
          columns.suffix(5).prefix(3) == ["yes", "no", "yes"] || columns.suffix(5).prefix(3) == ["yes", "yes", "yes"],
          "\(name): font not embedded: \(font)")
      }
      let text = try #require(Processes.output(of: "pdftotext", [pdf, "-"])).replacingOccurrences(of: "\n", with: " ")
      let model = try Fixture.maker.model(request)
      #expect(text.contains(request.grower ?? "?"), "\(name): grower missing")
      #expect(text.contains(Fixture.advisor.knowledge.variety(request.situation.variety)!.name.text(in: .zh)))
      for rule in model.rules {
        #expect(text.replacingOccurrences(of: " ", with: "").contains(rule.id), "\(name): rule \(rule.id) missing")
      }
    }
    #expect(
      Processes.output(of: "fc-match", ["Noto Sans CJK SC"])?.contains("NotoSansCJK") == true,
      "Noto CJK font not installed")
  }

  @Test(
    .enabled(
      if: tools, "chromium or poppler-utils is not installed: apt-get install chromium fonts-noto-cjk poppler-utils"))
  func batchOfThirtyWithOneBadRowPrintsTwentyNine() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var lines = ["grower,village,batch-id,variety,elevation,date,bag,lang"]
    let varieties = ["shiitake", "oyster", "wood-ear"]
    for index in 1...30 {
      let elevation = index == 7 ? "abc" : "\(300 + index * 40)"
      lines.append(
        "农户\(index),官阳镇,B-\(index),\(varieties[index % 3]),\(elevation),2026-0\(7 + index % 3)-1\(index % 10),15x55,\(index % 5 == 0 ? "zh+en" : "zh")"
      )
    }
    let csv = folder.appendingPathComponent("growers.csv")
    try Data(lines.joined(separator: "\n").utf8).write(to: csv)
    let (rows, failures) = try GrowerCSV.read(csv, defaultDate: CalendarDate(iso: "2026-08-01")!)
    let result = BatchPrinter(writer: SheetWriter(maker: Fixture.maker), jobs: 3)
      .print(rows, failures: failures, file: "growers.csv", to: folder.appendingPathComponent("out"), format: .pdf)
    #expect(result.written.count == 29)
    #expect(result.failures.map(\.description) == [#"growers.csv:8: error: elevation: "abc" is not a number"#])
    #expect(result.summary.contains("printed 29 of 30 sheets"))
    let pdfs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
      .filter { $0.hasSuffix(".pdf") }
    #expect(pdfs.count == 29)
  }
}
