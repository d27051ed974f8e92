import ArgumentParser
import Foundation
import MycoCalendar
import MycoDiagnostics
import MycoKnowledge
import MycoSheets

extension Myco.Sheet {
  /// `myco sheet batch`: one sheet per row of a growers CSV.
  struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "batch",
      abstract: "Print one sheet per row of a growers CSV (columns: see Docs/sheets.md).",
      discussion:
        "Example: myco sheet batch growers.csv --out sheets/  (rows that fail are named; the others still print)"
    )

    @Argument(
      help: ArgumentHelp(
        "The growers CSV: a header row, then one grower's situation per row.", valueName: "growers.csv"))
    var csv: String

    @Option(help: ArgumentHelp("Folder to write the sheets to (created if missing).", valueName: "dir"))
    var out: String

    @Option(
      help: ArgumentHelp("Date for rows without one, YYYY-MM-DD. Default: today.", valueName: "date"),
      transform: ArgumentValue.date)
    var date: CalendarDate?

    @Option(parsing: .unconditional, help: ArgumentHelp("How many sheets to print at once.", valueName: "n"))
    var jobs: Int = 2

    @Flag(
      name: .customLong("html-only"),
      help: "Write only the HTML pages (no Chromium needed). Without it, a missing Chromium is an error.")
    var htmlOnly = false

    @OptionGroup var folders: KnowledgeOptions
    @OptionGroup var sheet: SheetOptions

    func validate() throws {
      guard (1...32).contains(jobs) else { throw ValidationError("--jobs \(jobs) is out of range (1–32)") }
    }

    func run() throws {
      let defaultDate = date ?? CalendarDate.today()
      let writer = try sheet.writer(try folders.advisor())
      let url = URL(fileURLWithPath: csv)
      let printed = sheet.datePrinted
      let table: (rows: [GrowerRow], failures: [Diagnostic])
      do {
        table = try GrowerCSV.read(
          url, defaultDate: defaultDate, language: sheet.lang, datePrinted: printed, contact: sheet.contact,
          baseURL: sheet.baseURL)
      } catch {
        throw Console.failure([error])
      }
      if htmlOnly, sheet.format == .pdf { throw ValidationError("--html-only and --format pdf contradict each other") }
      let format = htmlOnly ? .html : sheet.format ?? .pdf
      if format == .pdf, writer.printer == nil {
        throw Console.failure(
          .pdf, PDFPrinter.installHint + " (or pass --html-only to write the HTML pages alone)")
      }
      let interactive = isatty(STDERR_FILENO) == 1
      let rows = table.rows.map { row in
        var row = row
        row.request.details = sheet.details
        return row
      }
      let result = BatchPrinter(writer: writer, jobs: jobs).print(
        rows, failures: table.failures, file: url.lastPathComponent, to: URL(fileURLWithPath: out),
        format: format
      ) { done, total in
        if interactive {
          Console.progress("\r" + ProgressBar.line(done: done, total: total))
        } else if done == total {
          Console.error(ProgressBar.line(done: done, total: total))
        }
      }
      if interactive { Console.progress("\n") }
      Console.error(result.summary + " → \(out)")
      if !result.failures.isEmpty { throw ExitCode.failure }
    }
  }
}
