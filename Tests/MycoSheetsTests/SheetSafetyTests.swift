import Foundation
import MycoDiagnostics
import MycoKnowledge
import MycoSheets
import MycoTestSupport
import Testing

/// Issue 10 items 3, 4 and 16: the page's security policy, hostile templates, files written beside
/// the PDF (never through a symlink, never over a file Myco did not write), and Chromium missing.
@Suite struct SheetSafetyTests {
  @Test func aTemplatesProblemNamesItsFileFirst() {
    // Given a templates folder that does not exist
    let missing = URL(fileURLWithPath: "/nonexistent/templates")
    // Then loading it is a sheet-template problem at that path, printed as FILE: error: message
    #expect(
      throws: Diagnostic(kind: .sheetTemplate, at: SourceLocation(file: missing.path), "not a templates folder")
    ) { _ = try SheetTemplates(directory: missing) }
    #expect(
      Diagnostic(kind: .sheetTemplate, at: SourceLocation(file: missing.path), "not a templates folder").description
        == "/nonexistent/templates: error: not a templates folder")
  }

  static let tools = SheetPDFTests.tools

  /// A copy of the bundled templates with `sheet.mustache` changed by `edit`.
  static func templates(in folder: URL, _ edit: (String) -> String) throws -> URL {
    let bundled = try SheetTemplates.bundled().directory
    let copy = folder.appendingPathComponent("templates")
    try FileManager.default.copyItem(at: bundled, to: copy)
    let sheet = copy.appendingPathComponent("sheet.mustache")
    try Data(edit(try String(contentsOf: sheet, encoding: .utf8)).utf8).write(to: sheet)
    return copy
  }

  static let hostile = """
    <iframe src="file:///etc/passwd" width="600" height="200"></iframe>
    <object data="file:///etc/passwd" type="text/plain" width="600" height="100"></object>
    <img src="file:///etc/passwd" alt=""><img src="http://127.0.0.1:9/x.png" alt="">
    <link rel="stylesheet" href="file:///etc/passwd">
    <p id="js">SCRIPT-DID-NOT-RUN</p>
    <script>document.getElementById("js").textContent = "SCRIPT-RAN";</script>
    """

  @Test func everyPageStartsWithTheGeneratorMarkAndTheSecurityPolicy() throws {
    let html = try Fixture.maker.html(Fixture.exampleRequest())
    let lines = html.split(separator: "\n", maxSplits: 3).map(String.init)
    #expect(lines[0] == "<!DOCTYPE html>")
    #expect(lines[1] == OutputFile.htmlGenerator)
    #expect(
      lines[2] == "<meta http-equiv=\"Content-Security-Policy\" content=\"\(SheetTemplates.contentSecurityPolicy)\">")
    #expect(
      SheetTemplates.contentSecurityPolicy.hasPrefix(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:;"))
  }

  /// The policy allows exactly the bundled fitting script: its hash must match the script's bytes.
  @Test func theAllowedScriptHashIsTheBundledFittingScript() throws {
    let html = try Fixture.maker.html(Fixture.exampleRequest())
    let open = try #require(html.range(of: "<script>"))
    let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("fit.js")
    try Data(html[open.upperBound..<close.lowerBound].utf8).write(to: script)
    let hex = try #require(Processes.output(of: "sha256sum", [script.path])).prefix(64)
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      bytes.append(UInt8(hex[index..<next], radix: 16)!)
      index = next
    }
    #expect(
      SheetTemplates.fitScriptHash == "sha256-" + Data(bytes).base64EncodedString(),
      "update fitScriptHash after editing the script")
  }

  @Test func aTemplateWithHTTPEquivIsRefused() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let templates = try Self.templates(in: folder) {
      $0.replacingOccurrences(
        of: "<head>\n", with: "<head>\n<meta http-equiv=\"refresh\" content=\"0;url=file:///etc/passwd\">\n")
    }
    #expect(
      throws: Diagnostic(
        kind: .sheetTemplate, at: SourceLocation(file: "\(templates.path)/sheet.mustache", line: 5, column: 7),
        "http-equiv is not allowed in a template (Myco sets the page's security policy itself)"
      )
    ) {
      _ = try SheetTemplates(directory: templates)
    }
  }

  @Test(
    .enabled(
      if: tools, "chromium or poppler-utils is not installed: apt-get install chromium fonts-noto-cjk poppler-utils"))
  func aHostileTemplateCannotPutFilesOrScriptsOnTheSheet() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let templates = try Self.templates(in: folder) {
      $0.replacingOccurrences(of: "<main id=\"page\">", with: Self.hostile + "<main id=\"page\">")
    }
    let maker = SheetMaker(advisor: Fixture.advisor, templates: try SheetTemplates(directory: templates))
    let written = try SheetWriter(maker: maker).write(
      Fixture.exampleRequest(), to: folder.appendingPathComponent("evil.pdf"), format: .pdf)
    let pdf = try #require(written.pdf)
    let text = try #require(Processes.output(of: "pdftotext", [pdf.path, "-"]))
    #expect(text.contains("SCRIPT-DID-NOT-RUN"))
    #expect(!text.contains("SCRIPT-RAN"))
    #expect(!text.contains("root:"), "the contents of /etc/passwd are on the sheet")
    #expect(!text.contains("/bin/"), "the contents of /etc/passwd are on the sheet")
    #expect(text.contains("农户甲"))
  }

  // MARK: Files beside the PDF

  @Test func aSymlinkAtTheHTMLPathIsNotFollowed() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("precious.txt")
    try Data("keep me".utf8).write(to: target)
    let html = folder.appendingPathComponent("sheet.html")
    try FileManager.default.createSymbolicLink(at: html, withDestinationURL: target)
    let writer = SheetWriter(maker: Fixture.maker, printer: nil)
    #expect(
      throws: Diagnostic(
        kind: .writeFile,
        "\(html.path) is a symbolic link; Myco does not write through links (use --force to replace the link itself)")
    ) {
      _ = try writer.write(Fixture.exampleRequest(), to: html, format: .html)
    }
    #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
    // With --force the link itself is replaced by the page; its target is still untouched.
    var forced = writer
    forced.force = true
    _ = try forced.write(Fixture.exampleRequest(), to: html, format: .html)
    #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: html.path)) == nil)
    #expect(try String(contentsOf: html, encoding: .utf8).contains(OutputFile.htmlGenerator))
  }

  @Test func aFileMycoDidNotWriteIsNotOverwritten() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let html = folder.appendingPathComponent("sheet.html")
    try Data("<p>the agent's own notes</p>".utf8).write(to: html)
    let writer = SheetWriter(maker: Fixture.maker, printer: nil)
    #expect(
      throws: Diagnostic(
        kind: .writeFile,
        "\(html.path) exists and was not written by Myco; not overwritten (use --force to overwrite it)")
    ) {
      _ = try writer.write(Fixture.exampleRequest(), to: folder.appendingPathComponent("sheet.pdf"), format: .pdf)
    }
    #expect(try String(contentsOf: html, encoding: .utf8) == "<p>the agent's own notes</p>")
    // A page Myco wrote is simply rewritten.
    try FileManager.default.removeItem(at: html)
    _ = try writer.write(Fixture.exampleRequest(), to: html, format: .html)
    _ = try writer.write(Fixture.exampleRequest(language: .en), to: html, format: .html)
    #expect(try String(contentsOf: html, encoding: .utf8).contains("lang=\"en\""))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  @Test func aForeignPDFIsNotOverwritten() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pdf = folder.appendingPathComponent("sheet.pdf")
    try Data("%PDF-1.4\nsomeone else's\n%%EOF\n".utf8).write(to: pdf)
    let writer = SheetWriter(
      maker: Fixture.maker, printer: PDFPrinter(executable: URL(fileURLWithPath: "/nonexistent/chromium")))
    #expect(
      throws: Diagnostic(
        kind: .writeFile,
        "\(pdf.path) exists and was not written by Myco; not overwritten (use --force to overwrite it)")
    ) {
      _ = try writer.write(Fixture.exampleRequest(), to: pdf, format: .pdf)
    }
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("sheet.html").path),
      "nothing written when refused")
  }

  @Test(
    .enabled(
      if: tools, "chromium or poppler-utils is not installed: apt-get install chromium fonts-noto-cjk poppler-utils"))
  func aPrintedPDFCarriesMycosMarkAndStillReads() throws {
    let folder = Fixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pdf = folder.appendingPathComponent("sheet.pdf")
    let writer = SheetWriter(maker: Fixture.maker)
    _ = try writer.write(Fixture.exampleRequest(), to: pdf, format: .pdf)
    #expect(OutputFile.isMycos(try Data(contentsOf: pdf), kind: .pdf))
    #expect(try #require(Processes.output(of: "pdfinfo", [pdf.path])).contains("Pages:           1\n"))
    _ = try writer.write(Fixture.exampleRequest(), to: pdf, format: .pdf)  // its own PDF is rewritten
  }
}
