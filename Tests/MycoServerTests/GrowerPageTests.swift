import Foundation
import HTTPTypes
import HummingbirdTesting
import MycoCalendar
import MycoKnowledge
import MycoSheets
import MycoTestSupport
import MycoUnits
@testable import MycoServer
import Testing

@Suite("Grower pages")
struct GrowerPageTests {
  @Test func formPageIsChineseFirstSmallAndSelfContained() async throws {
    let fixture = try ServerFixture()
    try await fixture.test { client in
      try await client.execute(uri: "/", method: .get) { response in
        #expect(response.status == .ok)
        let page = response.text
        #expect(page.contains("<html lang=\"zh-CN\">"))
        #expect(page.contains("看建议"))
        #expect(page.contains("香菇"))
        #expect(page.contains("官阳镇"))
        #expect(page.utf8.count < 50_000, "page is \(page.utf8.count) bytes")
        #expect(!page.contains("<script"))
        #expect(!page.contains("src=\"http"))
        #expect(!page.contains("href=\"http"))
        #expect(page.contains("name=\"viewport\""))
        #expect(response.headers[.testCSP]?.contains("default-src 'none'") == true)
      }
      try await client.execute(uri: "/?lang=en", method: .get) { response in
        #expect(response.text.contains("Get advice"))
        #expect(response.text.contains("shiitake") || response.text.contains("Shiitake"))
      }
    }
  }

  @Test func answerShowsTheSameAdviceAsTheEngineWithQuestionsAndTheSheetLink() async throws {
    let fixture = try ServerFixture()
    let report = try fixture.dependencies.store.current.advisor.advise(
      Situation(
        variety: "shiitake", elevation: 300, date: CalendarDate(iso: "2026-08-15"), bag: BagDimensions(parsing: "18x60")
      ))
    let first = try #require(report.advice.first)
    let text = report.fill(first.text.text(in: .zh), language: .zh)
    try await fixture.test { client in
      try await client.execute(uri: "/advice?variety=shiitake&elevation=300&date=2026-08-15&bag=18x60", method: .get) {
        response in
        #expect(response.status == .ok)
        let page = response.text
        // The advice text as the engine words it (HTML-escaped the way mustache escapes).
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        #expect(page.contains(escaped) || page.contains(text))
        #expect(page.contains("name=\"stage\""), "the stage question is a form field")
        #expect(page.contains("/sheet.pdf?variety=shiitake"))
        #expect(page.utf8.count < 50_000)
      }
      // Answering the stage question re-asks with it: the stage field is gone.
      try await client.execute(
        uri: "/advice?variety=shiitake&elevation=300&date=2026-08-15&bag=18x60&stage=spawn-run", method: .get
      ) { response in
        #expect(response.status == .ok)
        #expect(!response.text.contains("<select id=\"q-stage\""))
      }
    }
  }

  @Test func villageFillsInTheElevation() async throws {
    let fixture = try ServerFixture()
    let place = try #require(fixture.dependencies.store.current.place("guanyang"))
    try await fixture.test { client in
      try await client.execute(uri: "/advice?variety=shiitake&village=guanyang&lang=en", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.text.contains("\(Int(place.elevation)) m"))
      }
    }
  }

  @Test func unknownVarietyShowsTheFormAgainWith422() async throws {
    let fixture = try ServerFixture()
    try await fixture.test { client in
      try await client.execute(uri: "/advice?variety=truffle", method: .get) { response in
        #expect(response.status == .unprocessableContent)
        #expect(response.text.contains("truffle"))
        #expect(response.text.contains("看建议"))
      }
      try await client.execute(uri: "/advice?variety=shiitake&humidity=140", method: .get) { response in
        #expect(response.status == .unprocessableContent)
        #expect(response.text.contains("humidity"))
      }
      try await client.execute(uri: "/advice?variety=shiitake&elevation=high", method: .get) { response in
        #expect(response.status == .badRequest)
      }
    }
  }

  @Test func sheetPDFWithoutChromiumIs503AndBadInputIsRefused() async throws {
    let fixture = try ServerFixture(printer: false)
    try await fixture.test { client in
      try await client.execute(uri: "/sheet.pdf?variety=shiitake", method: .get) { response in
        #expect(response.status == .serviceUnavailable)
      }
      try await client.execute(uri: "/sheet.pdf?variety=truffle", method: .get) { response in
        #expect(response.status == .unprocessableContent)
        #expect(ServerFixture.object(response.body)["known"] != nil)
      }
    }
  }

  @Test(.enabled(if: PDFPrinterAvailable.value)) func sheetPDFIsPrintedByTheSheetRenderer() async throws {
    let fixture = try ServerFixture(printer: true)
    try await fixture.test { client in
      try await client.execute(
        uri: "/sheet.pdf?variety=shiitake&elevation=1200&date=2026-08-20&bag=15x55", method: .get
      ) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/pdf")
        #expect(response.text.hasPrefix("%PDF"))
        // Its QR code leads back to this server's answer page for the same situation.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("sheet.pdf")
        try Data(buffer: response.body).write(to: pdf)
        if let links = GrowerPageTests.scan(pdf, in: folder) {
          #expect(
            links == ["http://myco.test/advice?variety=shiitake&elevation=1200&date=2026-08-20&bag=15x55&lang=zh"])
        }
      }
    }
  }

  /// Issue #14: `details=1` adds the optional details page after the one-page sheet.
  @Test(.enabled(if: PDFPrinterAvailable.value)) func sheetPDFTakesDetails() async throws {
    let fixture = try ServerFixture(printer: true)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-details-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try await fixture.test { client in
      for (query, pages) in [("", "1"), ("&details=1", "2")] {
        try await client.execute(
          uri: "/sheet.pdf?variety=wood-ear&elevation=600&date=2026-03-01&symptom=small-flies&lang=en" + query,
          method: .get
        ) { response in
          #expect(response.status == .ok)
          let pdf = folder.appendingPathComponent("sheet\(pages).pdf")
          try Data(buffer: response.body).write(to: pdf)
          guard let info = Self.tool("pdfinfo", [pdf.path]) else { return }
          #expect(info.contains("Pages:           \(pages)\n"), "\(query): not \(pages) page(s)")
        }
      }
    }
  }

  @Test func healthAndUnknownRoutes() async throws {
    let fixture = try ServerFixture()
    try await fixture.test { client in
      try await client.execute(uri: "/health", method: .get) { response in #expect(response.text == "ok\n") }
      try await client.execute(uri: "/nowhere", method: .get) { response in
        #expect(response.status == .notFound)
        #expect(!response.text.contains("/work"))
      }
    }
  }
}

extension GrowerPageTests {
  /// Runs a command-line tool and returns its standard output (nil if it is missing or fails).
  static func tool(_ tool: String, _ arguments: [String]) -> String? { Processes.output(of: tool, arguments) }

  /// The QR codes on a PDF page (pdftoppm + zbarimg), or nil when those tools are missing.
  static func scan(_ pdf: URL, in folder: URL) -> [String]? {
    let run = tool
    guard run("zbarimg", ["--version"]) != nil, run("pdftoppm", ["-v"]) != nil else { return nil }
    let png = folder.appendingPathComponent("page")
    _ = run("pdftoppm", ["-r", "200", "-png", "-singlefile", pdf.path, png.path])
    return (run("zbarimg", ["--quiet", "--raw", png.path + ".png"]) ?? "").split(separator: "\n").map(String.init)
  }
}

enum PDFPrinterAvailable {
  static let value = MycoSheets.PDFPrinter.find() != nil
}

@Suite("Grower pages, details")
struct GrowerPageDetailTests {
  @Test func aPageWithoutAnErrorShowsNoErrorBox() async throws {
    let fixture = try ServerFixture()
    try await fixture.test { client in
      try await client.execute(uri: "/", method: .get) { response in
        #expect(!response.text.contains("role=\"alert\""))
        #expect(!response.text.contains("nil"))
      }
    }
  }
}
