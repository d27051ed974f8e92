import MycoDiagnostics
import Foundation
import MycoCalendar
@testable import MycoKnowledge
import MycoRules
import MycoUnits
import MycoXML
import Testing

/// Dates, bag sizes and knowledge-table numbers outside their ranges are refused with a clear
/// message, wherever they come from; a missing fact in an advice text asks instead of printing "?".
@Suite struct InputLimitsTests {
  // MARK: Dates

  @Test func datesOutsideTheSupportedYearsAreRefusedWithTheRange() {
    for text in ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"] {
      #expect(CalendarDate(iso: text) == nil, "\(text)")
      #expect(throws: CalendarDateError(text: text, reason: .outsideSupportedYears)) { try CalendarDate.parse(text) }
    }
    #expect(
      "\(CalendarDateError(text: "0001-01-01", reason: .outsideSupportedYears))"
        == "'0001-01-01' is outside the years 1900–2200")
  }

  @Test func theSupportedYearsAreInclusiveAndOtherTextsAreNotDates() throws {
    #expect(try CalendarDate.parse("1900-01-01") == CalendarDate(year: 1900, month: 1, day: 1))
    #expect(try CalendarDate.parse("2200-12-31") == CalendarDate(year: 2200, month: 12, day: 31))
    for text in ["2026-02-29", "2026-13-01", "26-08-15", "2026-8-15", "", "0001-13-01"] {
      #expect(throws: CalendarDateError(text: text, reason: .notADate)) { try CalendarDate.parse(text) }
    }
  }

  @Test func aSituationBuiltInCodeWithYearOneIsRefusedNotCrashed() {
    // Given the date that crashed the start-window scan (issue #10, item 8), built without parsing
    let situation = Situation(variety: "shiitake", elevation: 300, date: CalendarDate(year: 1, month: 1, day: 1))
    // Then advice is refused with the range
    #expect(throws: Diagnostic(kind: .outOfRange, "date 0001-01-01 is outside the years 1900–2200")) {
      try Bundled.advise(situation)
    }
  }

  @Test func aRuleTestCaseWithADateOutsideTheYearsIsALoadError() throws {
    let folder = try Self.copy(Bundled.rulesURL, only: [])
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("tests"), withIntermediateDirectories: true)
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <cases xmlns="urn:myco:cases:1" version="1">
        <case id="old">
          <situation variety="shiitake" elevation="300" date="0001-01-01"/>
          <expect topic="timing"/>
        </case>
      </cases>

      """
    try text.write(to: folder.appendingPathComponent("tests/old.xml"), atomically: true, encoding: .utf8)
    do {
      _ = try RuleTestSuite.load(rulesDirectory: folder, displayName: "Rules")
      Issue.record("expected the date to be refused")
    } catch {
      #expect(error.diagnostics.map(\.kind) == [.xmlSchema])
      #expect(error.diagnostics.first?.location?.description == "Rules/tests/old.xml:4:5")
      #expect(error.diagnostics.first?.message.english.contains("0001-01-01") == true)
    }
  }

  // MARK: Bag sizes

  @Test func bagSizesOutsideTheDeclaredRangesAreRefusedWithTheRanges() {
    for (bag, shown) in [
      ("1000x1000", "1000x1000"), ("0.0001x0.0001", "0.0001x0.0001"), ("4.9x55", "4.9x55"), ("15x121", "15x121"),
    ] {
      let situation = Situation(
        variety: "shiitake", elevation: 300, date: Bundled.date("2026-08-15"), bag: BagDimensions(parsing: bag))
      #expect(
        throws: Diagnostic(
          kind: .outOfRange,
          "bag \(shown) cm is outside the sizes accepted (folded width 5–60 cm, length 10–120 cm)")
      ) { try Bundled.advise(situation) }
    }
  }

  @Test func theEdgesOfTheBagRangesAreAccepted() throws {
    for bag in ["5x10", "60x120", "15x55"] {
      let situation = Situation(
        variety: "shiitake", elevation: 300, date: Bundled.date("2026-08-15"), bag: BagDimensions(parsing: bag))
      _ = try Bundled.advise(situation)
    }
  }

  @Test func theBagRangesComeFromTheVocabularyAndMatchTheRecordsRanges() {
    // The records (which load no knowledge) use BagSizeLimits.standard: it must say what facts.xml says
    #expect(BagDimensions.limits(Bundled.advisor.knowledge.vocabulary) == BagSizeLimits.standard)
    #expect(BagSizeLimits.standard == BagSizeLimits(widthCM: 5...60, lengthCM: 10...120))
  }

  // MARK: Placeholders at advice time

  @Test func aKnownFactThatIsMissingAsksItsQuestionInsteadOfQuestionMark() throws {
    // Given advice with the shed temperature measured and no humidity
    let report = try Bundled.advise(
      Situation(variety: "shiitake", elevation: 300, date: Bundled.date("2026-08-15"), temperature: 29))
    let humidity = try #require(report.knowledge.vocabulary["air-humidity"])
    // When a text naming it is filled
    let english = report.fill("At {air-temp} and {air-humidity} humidity", language: .en)
    let chinese = report.fill("湿度 {air-humidity}", language: .zh)
    // Then the known fact is shown, the missing one asks, and no "?" stands alone
    #expect(english == "At 29 °C and (unknown: ask \"\(humidity.question.text(in: .en))\") humidity")
    #expect(chinese == "湿度 （未知，请问：\(humidity.question.text(in: .zh))）")
    #expect(!english.contains(" ? "))
  }

  // MARK: Knowledge tables

  /// A copy of `folder` with only the named entries (all when nil).
  static func copy(_ folder: URL, only names: [String]? = nil) throws -> URL {
    let target = FileManager.default.temporaryDirectory.appendingPathComponent("myco-limits-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    for name in try names ?? FileManager.default.contentsOfDirectory(atPath: folder.path) {
      try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: target.appendingPathComponent(name))
    }
    return target
  }

  /// The problems of loading the bundled knowledge with one text replaced in one file: with the
  /// (bundled) knowledge schema, and of the loader's own bounds check on the file read without it.
  static func knowledgeProblems(_ file: String, _ old: String, _ new: String) throws -> (
    schema: [Diagnostic], loader: [Diagnostic]
  ) {
    let folder = try copy(Bundled.knowledgeURL)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.contains(old))
    try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    var schema: [Diagnostic] = []
    do { _ = try KnowledgeBase.load(directory: folder, displayName: "Knowledge") } catch { schema = error.diagnostics }
    // Without the schema's bounds: the loader's own check
    let root = try XMLReader.read(file: url, displayName: "Knowledge/\(file)")
    return (schema, KnowledgeBounds.check(root))
  }

  /// The 1-based line of the first line of the bundled `file` that contains `text`.
  static func line(of text: String, in file: String) throws -> Int {
    let content = try String(contentsOf: Bundled.knowledgeURL.appendingPathComponent(file), encoding: .utf8)
    let lines = content.split(separator: "\n", omittingEmptySubsequences: false)
    return try #require(lines.firstIndex { $0.contains(text) }) + 1
  }

  @Test func aHugeForDaysIsRefusedBeforeItCanHangTheStartWindow() throws {
    let (schema, loader) = try Self.knowledgeProblems(
      "variety-button.xml", "for-days=\"45\"", "for-days=\"99999999999\"")
    let line = try Self.line(of: "<start ", in: "variety-button.xml")
    #expect(schema.map(\.kind) == [.xmlSchema])
    #expect(schema.first?.location?.description == "Knowledge/variety-button.xml:\(line):5")
    #expect(
      loader.map(\.description)
        == [
          "Knowledge/variety-button.xml:\(line):5: error: <start> for-days='99999999999' is not a whole number from 0 to 3650"
        ])
  }

  @Test func anImpossibleTemperatureIsRefused() throws {
    let (schema, loader) = try Self.knowledgeProblems("variety-button.xml", " at-most=\"24\"", " at-most=\"1000\"")
    #expect(schema.map(\.kind) == [.xmlSchema])
    #expect(loader.map(\.message.english) == ["<start> at-most='1000' is not a number from -60 to 80"])
  }
}
