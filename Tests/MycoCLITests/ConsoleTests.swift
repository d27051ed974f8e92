import Foundation
import MycoDiagnostics
import Testing

@testable import MycoCLI

/// The CLI's one renderer of problems, and where each kind of output goes.
@Suite struct ConsoleTests {
  @Test func anErrorRendersAsOneLocatedLineAndFailsTheRun() {
    let diagnostic = Diagnostic(
      kind: .unknownFact, at: SourceLocation(file: "Rules/shiitake.xml", line: 12, column: 7),
      "unknown fact 'altitude'")
    #expect(Console.line(diagnostic) == "Rules/shiitake.xml:12:7: error: unknown fact 'altitude'")
    #expect(Console.exitCode(for: [diagnostic]).rawValue == 1)
    #expect(Console.failure([diagnostic]).rawValue == 1)
  }

  @Test func warningsAloneDoNotFailTheRun() {
    let warning = Diagnostic(
      .warning, kind: .outOfRange, at: SourceLocation(file: "facts.xml", line: 3, column: 1), "suspiciously high")
    #expect(Console.line(warning) == "facts.xml:3:1: warning: suspiciously high")
    #expect(Console.exitCode(for: [warning]).rawValue == 0)
    let error = Diagnostic(kind: .xmlSchema, at: SourceLocation(file: "facts.xml", line: 4, column: 2), "bad")
    #expect(Console.exitCode(for: [warning, error]).rawValue == 1)
  }

  @Test func statusLinesGoToStandardErrorAndResultsToStandardOutput() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-console-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("r.sqlite").path
    let added = try CLI.myco([
      "yields", "add-batch", "--db", db, "--id", "A1", "--grower", "G", "--variety", "oyster", "--bag-size", "15x55",
      "--dry-substrate-kg", "1", "--bags", "5", "--inoculated-on", "2024-03-01",
    ])
    #expect(added.status == 0, "\(added.err)")
    #expect(added.out.isEmpty)
    #expect(added.errors.contains("recorded batch A1\n"))
    let harvest = try CLI.myco([
      "yields", "add-harvest", "--db", db, "--batch", "A1", "--date", "2024-04-01", "--flush", "1", "--fresh-kg", "1",
    ])
    #expect(harvest.status == 0, "\(harvest.err)")
    #expect(harvest.out.isEmpty)
    #expect(harvest.errors == "recorded harvest of batch A1, flush 1\n")
    let out = folder.appendingPathComponent("csv").path
    let exported = try CLI.myco(["yields", "export", "--db", db, "--out", out])
    #expect(exported.status == 0, "\(exported.err)")
    #expect(exported.out.isEmpty)
    #expect(exported.errors.hasPrefix("wrote \(out)/batches.csv\nwrote \(out)/harvests.csv\n"))
    let report = try CLI.myco(["yields", "report", "--db", db, "--format", "json"])
    #expect(report.status == 0)
    #expect((try? JSONSerialization.jsonObject(with: Data(report.out.utf8))) != nil, "the report is the result")
    #expect(report.errors.isEmpty)
  }

  @Test func commandsRefuseFolderOptionsTheyDoNotUse() throws {
    let db = FileManager.default.temporaryDirectory.appendingPathComponent("myco-\(UUID().uuidString).sqlite").path
    defer { try? FileManager.default.removeItem(atPath: db) }
    for arguments in [
      [
        "yields", "add-batch", "--db", db, "--rules", "Rules", "--id", "A1", "--grower", "G", "--variety", "oyster",
        "--bag-size", "15x55", "--dry-substrate-kg", "1", "--bags", "5", "--inoculated-on", "2024-03-01",
      ],
      ["suggest", "--rules", "Rules", "--elevation", "1200", "--month", "8"],
      ["knowledge", "list", "varieties", "--rules", "Rules"], ["yields", "report", "--rules", "Rules"],
    ] {
      let run = try CLI.myco(arguments)
      #expect(run.status == 64, "\(arguments): \(run.err)")
      #expect(run.err.contains("Unknown option '--rules'"), "\(arguments): \(run.err)")
    }
  }
}
