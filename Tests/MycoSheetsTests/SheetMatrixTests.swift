import Foundation
import MycoCalendar
import MycoDiagnostics
import MycoKnowledge
import MycoSheets
import MycoTestSupport
import MycoUnits
import Synchronization
import Testing

/// Issue #14: the sheet is one A4 page whatever the grower reports. Prints a matrix of sheets as
/// PDF — every variety, every stage, no symptom / one / three / every symptom at once, zh, en and
/// zh+en, 60-character grower names and villages — and checks each with `pdfinfo`; with
/// `--details` the details page follows as a separate second page and page 1 reads the same.
@Suite(.serialized) struct SheetMatrixTests {
  static let tools = PDFPrinter.find() != nil && Processes.output(of: "pdfinfo", ["-v"]) != nil

  static let varieties = Fixture.advisor.knowledge.varieties.map(\.id).sorted()
  static let stages = Fixture.advisor.knowledge.vocabulary["stage"]!.values.map(\.id)
  static let symptoms = Fixture.advisor.knowledge.vocabulary["symptoms"]!.values.map(\.id)
  static let languages: [SheetLanguage] = [.zh, .en, .zhEn]

  /// 60 characters each: Chinese for zh sheets, Latin words (and one unbroken token) for English.
  static let longChinese = String(String(repeating: "重庆市巫山县官阳镇长坪村第三组", count: 4).prefix(60))
  static let longLatin = String(String(repeating: "Changping Village Group Three ", count: 3).prefix(60))
  static let unbroken = String(repeating: "W", count: 60)

  /// One case per variety and symptom set (none, one, three, all), cycling through stages and
  /// languages, with measured readings on some and long names on half; then the two commands of
  /// the issue and the most crowded sheets (every symptom, zh+en, long names) for three varieties.
  static let cases: [(name: String, request: SheetRequest)] = {
    var cases: [(String, SheetRequest)] = []
    for (v, variety) in varieties.enumerated() {
      for s in 0..<4 {
        let i = v * 4 + s
        let seen: Set<String> =
          switch s {
          case 0: []
          case 1: [symptoms[v % symptoms.count]]
          case 2: Set((0..<3).map { symptoms[(v + $0) % symptoms.count] })
          default: Set(symptoms)
          }
        let language = languages[i % 3]
        let long = i % 2 == 0
        let name = language == .en ? (i % 8 == 2 ? unbroken : longLatin) : longChinese
        let hot = i % 4 == 1
        let situation = Situation(
          variety: variety, elevation: Double(300 + (i * 97) % 1200),
          date: CalendarDate(year: 2026, month: i % 12 + 1, day: 10)!,
          bag: i % 5 == 4 ? nil : BagDimensions(parsing: "15x55"),
          stage: stages[i % stages.count], temperature: hot ? 28 : nil, bagTemperature: hot ? 30 : nil,
          humidity: hot ? 90 : nil, symptoms: seen)
        cases.append(
          (
            "\(i)-\(variety)-\(s)-\(language.rawValue)",
            SheetRequest(
              situation: situation, grower: long ? name : "农户\(i)", village: long ? name : "官阳镇", batchID: "M-\(i)",
              language: language)
          ))
      }
    }
    cases.append(
      (
        "issue-shiitake",
        SheetRequest(
          situation: Situation(
            variety: "shiitake", elevation: 600, date: CalendarDate(iso: "2026-08-01"),
            bag: BagDimensions(parsing: "15x55"), symptoms: ["green-patches"]))
      ))
    cases.append(
      (
        "issue-wood-ear",
        SheetRequest(
          situation: Situation(
            variety: "wood-ear", elevation: 600, date: CalendarDate(iso: "2026-03-01"), symptoms: ["small-flies"]),
          language: .en)
      ))
    for variety in ["shiitake", "wood-ear", "oyster"] {
      cases.append(
        (
          "crowded-\(variety)",
          SheetRequest(
            situation: Situation(
              variety: variety, elevation: 1200, date: CalendarDate(iso: "2026-08-20"),
              bag: BagDimensions(parsing: "15x55"), stage: "fruiting", temperature: 29, bagTemperature: 31,
              humidity: 95, dayNightDifference: 4, symptoms: Set(symptoms)),
            grower: longChinese, village: longChinese, batchID: "CROWDED-1", language: .zhEn)
        ))
    }
    return cases
  }()

  /// Prints `requests` to PDF in `folder`, three Chromium processes at a time.
  static func print(_ requests: [(name: String, request: SheetRequest)], to folder: URL) -> [String: Result<
    URL, Diagnostic
  >] {
    let writer = SheetWriter(maker: Fixture.maker)
    let results = Mutex([String: Result<URL, Diagnostic>]())
    let next = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: 3) { _ in
      while true {
        let index = next.withLock { value -> Int? in
          guard value < requests.count else { return nil }
          defer { value += 1 }
          return value
        }
        guard let index else { return }
        let (name, request) = requests[index]
        let outcome = Result { () throws(Diagnostic) -> URL in
          try writer.write(request, to: folder.appendingPathComponent("\(name).pdf"), format: .pdf).pdf!
        }
        results.withLock { $0[name] = outcome }
      }
    }
    return results.withLock { $0 }
  }

  static func pages(_ pdf: URL) -> (count: Int?, a4: Bool) {
    let info = Processes.output(of: "pdfinfo", [pdf.path]) ?? ""
    let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
    return (
      line.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }, info.contains("(A4)")
    )
  }

  @Test func theMatrixCoversEveryVarietyStageSymptomSetAndLanguage() {
    #expect(Self.cases.count >= 40)
    let requests = Self.cases.map(\.request)
    #expect(Set(requests.map(\.situation.variety)) == Set(Self.varieties))
    #expect(Set(requests.compactMap(\.situation.stage)) == Set(Self.stages))
    let counts = Set(requests.map { $0.situation.symptoms?.count ?? 0 })
    #expect(counts.isSuperset(of: [0, 1, 3, Self.symptoms.count]))
    #expect(Set(requests.map(\.language)) == Set(SheetLanguage.allCases))
    #expect(requests.contains { $0.grower?.count == 60 && $0.village?.count == 60 })
  }

  @Test(
    .enabled(
      if: tools, "chromium or poppler-utils is not installed: apt-get install chromium fonts-noto-cjk poppler-utils"))
  func everySheetInTheMatrixIsOneA4Page() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let results = Self.print(Self.cases, to: folder)
    for (name, _) in Self.cases {
      let pdf = try #require(try results[name]?.get(), "\(name): not printed")
      let (count, a4) = Self.pages(pdf)
      #expect(count == 1, "\(name): \(count.map(String.init) ?? "?") pages")
      #expect(a4, "\(name): not A4")
    }
  }

  @Test(
    .enabled(
      if: tools, "chromium or poppler-utils is not installed: apt-get install chromium fonts-noto-cjk poppler-utils"))
  func detailsComeOnASeparateSecondPage() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let chosen = Self.cases.filter { $0.name.hasPrefix("crowded-") || $0.name.hasPrefix("issue-") }
    let both = chosen.flatMap { name, request in
      var detailed = request
      detailed.details = true
      return [(name: name, request: request), (name: name + "-details", request: detailed)]
    }
    let results = Self.print(both, to: folder)
    for (name, _) in chosen {
      let sheet = try #require(try results[name]?.get(), "\(name): not printed")
      let detailed = try #require(try results[name + "-details"]?.get(), "\(name) with details: not printed")
      #expect(Self.pages(sheet).count == 1, "\(name): sheet not one page")
      #expect(Self.pages(detailed).count == 2, "\(name): with --details not two pages")
      let pageOne = Processes.output(of: "pdftotext", ["-f", "1", "-l", "1", "-layout", detailed.path, "-"])
      let alone = Processes.output(of: "pdftotext", ["-layout", sheet.path, "-"])
      #expect(pageOne != nil && pageOne == alone, "\(name): page 1 differs from the sheet alone")
      let pageTwo = try #require(Processes.output(of: "pdftotext", ["-f", "2", "-l", "2", detailed.path, "-"]))
        .replacingOccurrences(of: "\n", with: " ")
      let heading = name.hasSuffix("wood-ear") && !name.hasPrefix("crowded") ? "Details (optional)" : "详情页（可选）"
      #expect(pageTwo.contains(heading), "\(name): page 2 is not the details page")
    }
  }
}
