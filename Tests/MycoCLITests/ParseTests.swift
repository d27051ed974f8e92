import ArgumentParser
import MycoCalendar
@testable import MycoCLI
import MycoRecords
import MycoSheets
import MycoUnits
import Testing

/// The command line parsed in-process (`Myco.parseAsRoot`): which command a line chooses, the
/// typed values it gets, and the usage errors (exit 64) it refuses before anything runs.
@Suite struct ParseTests {
  /// The message and exit code ArgumentParser gives for a line it refuses (nil when it parses).
  static func refusal(_ arguments: [String]) -> (message: String, code: Int32)? {
    do {
      _ = try Myco.parseAsRoot(arguments)
      return nil
    } catch {
      return (Myco.message(for: error), Myco.exitCode(for: error).rawValue)
    }
  }

  @Test func yieldsReportGetsTypedOptions() throws {
    let command = try Myco.parseAsRoot([
      "yields", "report", "--db", "r.sqlite", "--by", "variety,elevation-band", "--from", "2026-03-01", "--to",
      "2026-09-30", "--format", "html", "--unit", "jin",
    ])
    let report = try #require(command as? Myco.Yields.Report)
    #expect(report.database.path == "r.sqlite")
    #expect(try report.fields() == [.variety, .elevationBand])
    #expect(report.from == CalendarDate(year: 2026, month: 3, day: 1))
    #expect(report.to == CalendarDate(year: 2026, month: 9, day: 30))
    #expect(report.format == .html)
    #expect(report.unit == .jin)
  }

  @Test func yieldsReportRefusesBadLinesAsUsageErrors() throws {
    let cases: [([String], String)] = [
      (["--by", "colour"], "--by"),
      (["--by", "advice"], "--by advice needs --advice RULE-ID."),
      (["--from", "2026-05-01", "--to", "2026-04-01"], "--to 2026-04-01 is before --from 2026-05-01."),
      (["--from", "2026-02-30"], "2026-02-30"),
      (["--format", "pdf"], "pdf"),
      (["--unit", "lb"], "lb"),
    ]
    for (arguments, message) in cases {
      let refused = try #require(Self.refusal(["yields", "report"] + arguments), "\(arguments) parsed")
      #expect(refused.code == 64, "\(arguments)")
      #expect(refused.message.contains(message), "\(arguments): \(refused.message)")
    }
  }

  @Test func yieldsAddBatchRefusesAnImpossibleBagBeforeOpeningTheDatabase() throws {
    let refused = try #require(
      Self.refusal([
        "yields", "add-batch", "--db", "/nonexistent/r.sqlite", "--id", "B1", "--grower", "甲", "--variety", "shiitake",
        "--bag-size", "15 by 55", "--bags", "10", "--inoculated-on", "2026-03-01",
      ]))
    #expect(refused.code == 64)
    #expect(refused.message.contains("15 by 55"), "\(refused.message)")
  }

  @Test func sheetWithoutASubcommandIsPrintWithItsSituation() throws {
    let command = try Myco.parseAsRoot([
      "sheet", "--variety", "shiitake", "--elevation", "1200", "--date", "2026-08-20", "--bag", "15x55", "--grower",
      "农户甲", "--lang", "zh+en", "--out", "sheet.pdf",
    ])
    let print = try #require(command as? Myco.Sheet.Print)
    #expect(print.grower == "农户甲")
    #expect(print.out == "sheet.pdf")
    #expect(print.sheet.lang == .zhEn)
    #expect(print.sheet.format == nil, "taken from the --out extension when it runs")
  }

  @Test func sheetRefusesBadValuesAsUsageErrors() throws {
    let base = ["sheet", "--variety", "shiitake", "--elevation", "1200", "--out", "x.pdf"]
    for (extra, message) in [
      (["--lang", "fr"], "fr"), (["--base-url", "ftp://host/"], "is not an http:// or https:// address"),
      (["--format", "docx"], "docx"),
    ] {
      let refused = try #require(Self.refusal(base + extra), "\(extra) parsed")
      #expect(refused.code == 64, "\(extra)")
      #expect(refused.message.contains(message), "\(extra): \(refused.message)")
    }
    let missing = try #require(Self.refusal(["sheet", "--variety", "shiitake"]))
    #expect(missing.message.contains("--out"), "\(missing.message)")
  }

  @Test func sheetBatchTakesItsCSVAndJobs() throws {
    let command = try Myco.parseAsRoot(["sheet", "batch", "growers.csv", "--out", "sheets", "--html-only"])
    #expect(command is Myco.Sheet.Batch)
    let refused = try #require(Self.refusal(["sheet", "batch", "growers.csv", "--out", "x", "--jobs", "-3"]))
    #expect(refused.code == 64)
    #expect(refused.message.contains("--jobs -3 is out of range (1–32)"))
  }
}
