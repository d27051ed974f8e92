import Foundation
import Testing

/// Issue #10 item 5: what a user or a file supplies reaches the terminal with its control
/// characters escaped, through the real `myco` binary.
@Suite struct TerminalEscapeCommandTests {
  static func hasRawControls(_ text: String) -> Bool {
    text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
  }

  @Test func adviseEchoesATypedVarietyEscaped() throws {
    let run = try CLI.myco(["advise", "--variety", "shii\u{1B}[2Jtake\u{1B}]0;pwned\u{7}"])
    #expect(run.status != 0)
    #expect(!Self.hasRawControls(run.out + run.err))
  }

  @Test func yieldsReportAndErrorsEscapeStoredNames() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-escape-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("r.sqlite").path
    let added = try CLI.myco([
      "yields", "add-batch", "--db", db, "--id", "E1", "--grower", "\u{1B}]0;pwned\u{7}A\r\nB", "--variety", "oyster",
      "--bag-size", "15x55", "--dry-substrate-kg", "1", "--bags", "5", "--inoculated-on", "2024-03-01",
    ])
    #expect(added.status == 0, "\(added.err)")
    let report = try CLI.myco(["yields", "report", "--db", db, "--by", "grower"])
    #expect(report.status == 0)
    #expect(report.out.contains("\\u{1B}]0;pwned\\u{7}A\\r\\nB"))
    #expect(!Self.hasRawControls(report.out + report.err))
    let bad = try CLI.myco([
      "yields", "add-harvest", "--db", db, "--batch", "N\u{1B}[31mO", "--date", "2024-04-01", "--flush", "1",
      "--fresh-kg", "1",
    ])
    #expect(bad.status == 1)
    #expect(bad.err.contains("\\u{1B}[31m"))
    #expect(!Self.hasRawControls(bad.err))
  }
}
