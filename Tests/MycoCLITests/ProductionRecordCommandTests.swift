import Foundation
import MycoSheets
import MycoTestSupport
import Testing

/// The production record (生产档案), end to end through the `myco` binary: a batch, its inputs
/// (one banned product refused, one unregistered pesticide warned), harvests, then the record
/// printed and read back with poppler.
@Suite struct ProductionRecordCommandTests {
  static let tools = PDFPrinter.find() != nil && Processes.output(of: "pdfinfo", ["-v"]) != nil

  static func myco(_ arguments: [String], db: URL) throws -> ProcessRun {
    try CLI.myco(arguments + ["--db", db.path])
  }

  /// Records batch WS-7 with inputs and harvests in a new database; returns the database.
  static func recordedBatch(in folder: URL) throws -> URL {
    let db = folder.appendingPathComponent("records.sqlite")
    let batch = try myco(
      [
        "yields", "add-batch", "--id", "WS-7", "--grower", "农户甲", "--place", "官渡镇", "--elevation", "900",
        "--variety", "shiitake", "--strain", "L808", "--bag-size", "15x55", "--dry-substrate-kg", "1", "--bags", "400",
        "--inoculated-on", "2026-03-01", "--bags-contaminated", "12",
      ], db: db)
    #expect(batch.status == 0, "\(batch.err)")
    let spawn = try myco(
      [
        "yields", "add-input", "--batch", "WS-7", "--date", "2026-02-27", "--kind", "spawn",
        "--product", "L808菌种", "--amount", "12", "--unit", "kg",
      ], db: db)
    #expect(spawn.status == 0, "\(spawn.err)")
    let banned = try myco(
      [
        "yields", "add-input", "--batch", "WS-7", "--date", "2026-06-10", "--kind", "pesticide",
        "--product", "40%甲胺磷乳油", "--amount", "20", "--unit", "ml", "--target", "small-flies",
      ], db: db)
    #expect(banned.status == 1)
    #expect(
      banned.err.contains(
        "add-input: error: --product: 甲胺磷 / methamidophos is on the list \"Pesticides never to be used on edible fungi (pesticides-banned)\""
      ))
    let unregistered = try myco(
      [
        "yields", "add-input", "--batch", "WS-7", "--date", "2026-06-11", "--kind", "pesticide",
        "--product", "吡虫啉", "--amount", "20", "--unit", "ml", "--target", "small-flies",
      ], db: db)
    #expect(unregistered.status == 0, "\(unregistered.err)")
    #expect(
      unregistered.err.contains("warning: 吡虫啉 is not on the list \"Active ingredients registered for edible fungi"))
    for (date, flush, kg) in [("2026-05-02", "1", "50"), ("2026-05-04", "1", "30.5"), ("2026-06-20", "2", "40")] {
      let harvest = try myco(
        ["yields", "add-harvest", "--batch", "WS-7", "--date", date, "--flush", flush, "--fresh-kg", kg], db: db)
      #expect(harvest.status == 0, "\(harvest.err)")
    }
    return db
  }

  @Test func recordHTMLHasTheInputsTheWarningAndTheFlushTotals() throws {
    let folder = try Processes.temporaryFolder("myco-record")
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try Self.recordedBatch(in: folder)
    let out = folder.appendingPathComponent("WS-7.html")
    let run = try Self.myco(["yields", "record", "--batch", "WS-7", "--out", out.path, "--lang", "en"], db: db)
    #expect(run.status == 0, "\(run.err)")
    let html = try String(contentsOf: out, encoding: .utf8)
    for text in [
      "WS-7", "L808菌种", "吡虫啉", "⚠ 吡虫啉 is not on the list", "80.50", "40.00", "120.50", "0.301", "12 of 400 bags",
    ] {
      #expect(html.contains(text), "missing \(text)")
    }
    #expect(!html.contains("甲胺磷"), "the refused product was stored")
    #expect(!html.contains("{{"))
    let missing = try Self.myco(["yields", "record", "--batch", "NOPE", "--out", out.path], db: db)
    #expect(missing.status == 1 && missing.err.contains("no batch \"NOPE\" is recorded"))
  }

  @Test(
    .enabled(
      if: tools, "chromium or poppler-utils is not installed: apt-get install chromium fonts-noto-cjk poppler-utils"))
  func recordPrintsOnAtMostTwoA4Pages() throws {
    let folder = try Processes.temporaryFolder("myco-record")
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try Self.recordedBatch(in: folder)
    let pdf = folder.appendingPathComponent("WS-7.pdf")
    let run = try Self.myco(["yields", "record", "--batch", "WS-7", "--out", pdf.path], db: db)
    #expect(run.status == 0, "\(run.err)")
    let info = try #require(Processes.output(of: "pdfinfo", [pdf.path]))
    #expect(info.contains("(A4)"))
    let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
      Int($0.split(separator: " ").last!)
    }
    #expect(pages.map { (1...2).contains($0) } == true, "\(info)")
    let text = try #require(Processes.output(of: "pdftotext", [pdf.path, "-"]))
    for word in ["WS-7", "L808菌种", "吡虫啉", "80.50", "40.00", "120.50"] {
      #expect(text.contains(word), "missing \(word) in the PDF text")
    }
    // --all prints every batch into a folder.
    let all = folder.appendingPathComponent("all")
    let printed = try Self.myco(["yields", "record", "--all", "--out", all.path, "--format", "html"], db: db)
    #expect(printed.status == 0, "\(printed.err)")
    #expect(printed.err.contains("[##############################] 1/1"))
    #expect(FileManager.default.fileExists(atPath: all.appendingPathComponent("WS-7.html").path))
  }
}
