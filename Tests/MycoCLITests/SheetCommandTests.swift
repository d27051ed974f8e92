import Foundation
import MycoTestSupport
import Testing

/// `myco sheet` end to end: the HTML sheet written, PDF refused without Chromium.
@Suite struct SheetCommandTests {
  static let situation = [
    "--variety", "shiitake", "--elevation", "1200", "--date", "2026-08-20", "--bag", "15x55", "--grower", "农户甲",
  ]

  @Test func anHTMLSheetIsWrittenAndNamedOnStderr() throws {
    let folder = try Processes.temporaryFolder("myco-sheet")
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("sheet.html")
    let run = try CLI.myco(["sheet"] + Self.situation + ["--lang", "en", "--out", out.path])
    #expect(run.status == 0, "\(run.err)")
    #expect(run.out.isEmpty)
    #expect(run.errors.contains("wrote \(out.path)"), "\(run.err)")
    let html = try String(contentsOf: out, encoding: .utf8)
    #expect(html.contains("农户甲"))
    #expect(html.contains("shiitake") || html.contains("Shiitake"))
    #expect(!html.contains("{{"))
  }

  @Test func aPDFWithoutChromiumFailsAndWritesNothing() throws {
    let folder = try Processes.temporaryFolder("myco-sheet")
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("sheet.pdf")
    let run = try CLI.myco(
      ["sheet"] + Self.situation + ["--out", out.path],
      environment: ["PATH": folder.appendingPathComponent("empty-bin").path])
    #expect(run.status == 1)
    #expect(run.errors.hasPrefix("error: "), "\(run.err)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func anUnknownVarietyIsRefusedBeforeAnythingIsWritten() throws {
    let folder = try Processes.temporaryFolder("myco-sheet")
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("sheet.html")
    let run = try CLI.myco(["sheet", "--variety", "truffle", "--elevation", "300", "--out", out.path])
    #expect(run.status == 1)
    #expect(run.errors.contains("unknown variety 'truffle'"), "\(run.err)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }
}
