import Foundation
import MycoCalendar
import MycoKnowledge
import MycoSheets
import MycoTestSupport
import MycoUnits
import Testing

/// QR codes on sheets printed with a base URL (`myco sheet --base-url`, and the server's sheets).
@Suite struct SheetQRTests {
  static let base = "http://192.168.1.20:8080"

  @Test func libqrencodeMakesAVersionOneCodeForAShortText() throws {
    let code = try QRCode("MYCO")
    #expect(code.size == 21)
    #expect(code.modules.filter { $0 }.count > 100)
    #expect(code.svg.hasPrefix("<svg"))
    #expect(code.svg.contains("viewBox=\"0 0 29 29\""))
  }

  @Test func theAdviceLinkCarriesTheSituationWithTheCLIOptionNames() {
    let situation = Situation(
      variety: "shiitake", elevation: 1200, date: CalendarDate(iso: "2026-08-20"), bag: BagDimensions(parsing: "15x55"),
      stage: "spawn-run", temperature: 26.5, symptoms: ["mites"])
    #expect(
      SheetLinks.advice(base: Self.base + "/", situation: situation, language: .zh)
        == "http://192.168.1.20:8080/advice?variety=shiitake&elevation=1200&date=2026-08-20&bag=15x55&stage=spawn-run&temperature=26.5&symptoms-asked=1&symptom=mites&lang=zh"
    )
    #expect(
      SheetLinks.harvest(base: Self.base, batchID: "A 001/甲")
        == "http://192.168.1.20:8080/agent/harvest?batch=A%20001%2F%E7%94%B2")
  }

  @Test func aSheetCarriesQRCodesOnlyWithABaseURL() throws {
    var request = Fixture.exampleRequest()
    #expect(!(try Fixture.maker.html(request)).contains("class=\"qr\""))
    request.baseURL = Self.base
    let html = try Fixture.maker.html(request)
    #expect(html.contains("class=\"qr\""))
    #expect(
      html.components(separatedBy: "<figure><svg").count == 3, "advice and harvest codes (the sheet has a batch id)")
    #expect(html.contains("手机扫码看建议"))
    request.batchID = nil
    #expect((try Fixture.maker.html(request)).components(separatedBy: "<figure><svg").count == 2)
  }

  static let tools =
    PDFPrinter.find() != nil && Processes.output(of: "pdfinfo", ["-v"]) != nil
    && Processes.output(of: "zbarimg", ["--version"]) != nil

  /// Printed, the codes scan back (zbarimg) to the advice and harvest addresses, and the sheet stays one page.
  @Test(.enabled(if: tools, "chromium, poppler-utils or zbar-tools is not installed"))
  func printedCodesScanBackToTheLinks() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var request = Fixture.exampleRequest(language: .zhEn)
    request.baseURL = Self.base
    let written = try SheetWriter(maker: Fixture.maker).write(
      request, to: folder.appendingPathComponent("qr.pdf"), format: .pdf)
    let pdf = try #require(written.pdf).path
    #expect(try #require(Processes.output(of: "pdfinfo", [pdf])).contains("Pages:           1\n"))
    _ = Processes.output(
      of: "pdftoppm", ["-r", "200", "-png", "-singlefile", pdf, folder.appendingPathComponent("page").path])
    let scanned = try #require(
      Processes.output(of: "zbarimg", ["--quiet", "--raw", folder.appendingPathComponent("page.png").path]))
    let links = Set(scanned.split(separator: "\n").map(String.init))
    #expect(
      links == [
        SheetLinks.advice(base: Self.base, situation: request.situation, language: .zh),
        SheetLinks.harvest(base: Self.base, batchID: "A-001"),
      ])
  }
}
