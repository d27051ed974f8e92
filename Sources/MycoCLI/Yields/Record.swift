import MycoCalendar
import ArgumentParser
import Foundation
import MycoDiagnostics
import MycoKnowledge
import MycoRecords
import MycoSheets

extension Myco.Yields {
  /// `myco yields record`: prints a batch's production record (生产档案).
  struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "record",
      abstract: "Print the production record (生产档案) of a batch, or of every batch with --all.",
      discussion: "Example: myco yields record --batch A1 --out A1-record.pdf --lang zh")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var knowledge: KnowledgeOptions

    @Option(name: .customLong("batch"), help: "Id of the batch.")
    var batchID: String?
    @Flag(help: "Print every batch into the --out folder (one file per batch, named by its id).")
    var all = false
    @Option(help: ArgumentHelp("Output file (.pdf or .html), or the folder with --all.", valueName: "path"))
    var out: String
    @Option(help: "Language: zh or en.")
    var lang: SheetLanguage = .zh
    @Option(
      help: ArgumentHelp("Output format. Default: from the --out extension (PDF with --all).", valueName: "html|pdf"))
    var format: SheetFormat?
    @Option(
      help: ArgumentHelp("Folder with edited templates (record.mustache). Default: the bundled ones.", valueName: "dir")
    )
    var templates: String?
    @Flag(help: "Overwrite output files Myco did not write.")
    var force = false

    func validate() throws {
      if (batchID == nil) == !all { throw ValidationError("Give --batch ID or --all (one of them).") }
      if lang == .zhEn { throw ValidationError("--lang must be zh or en for a production record") }
    }

    func run() throws {
      try Console.reportingRecordErrors {
        let base = try knowledge.knowledgeBase()
        let records = try database.openForReading()
        let writer: SheetWriter
        do {
          let loaded =
            try templates.map { try SheetTemplates(directory: URL(fileURLWithPath: $0)) } ?? SheetTemplates.bundled()
          writer = SheetWriter(maker: SheetMaker(advisor: try knowledge.advisor(), templates: loaded), force: force)
        } catch let error as Diagnostic {
          throw Console.failure([error])
        }
        let batches: [Batch]
        if let batchID {
          guard let batch = try records.batch(id: batchID) else {
            throw Console.failure(.badOptions, field: "--batch", "no batch \"\(batchID)\" is recorded")
          }
          batches = [batch]
        } else {
          batches = try records.batches()
          if batches.isEmpty { throw Console.failure(.badOptions, "no batches are recorded") }
        }
        let today = CalendarDate.today()
        let url = URL(fileURLWithPath: out)
        let chosen = format ?? (all ? .pdf : (url.pathExtension.lowercased() == "html" ? .html : .pdf))
        if chosen == .pdf, writer.printer == nil { throw Console.failure(.pdf, PDFPrinter.installHint) }
        let interactive = isatty(STDERR_FILENO) == 1
        for (index, batch) in batches.enumerated() {
          let record = ProductionRecord(
            batch: batch, inputs: try records.inputs(batch: batch.id), harvests: try records.harvests(batch: batch.id),
            knowledge: base, language: lang, today: today)
          let target =
            all
            ? url.appendingPathComponent(Self.fileName(batch.id) + (chosen == .pdf ? ".pdf" : ".html"))
            : url
          do {
            _ = try writer.write(record, to: target, format: chosen)
            if !all { Console.status("wrote \(TerminalText.escaped(out))") }
          } catch let error as Diagnostic {
            throw Console.failure([error])
          }
          if all {
            let line = ProgressBar.line(done: index + 1, total: batches.count)
            if interactive {
              Console.progress("\r" + line)
            } else if index + 1 == batches.count {
              Console.error(line)
            }
          }
        }
        if all {
          if interactive { Console.progress("\n") }
          Console.error("printed \(batches.count) production records → \(out)")
        }
      }
    }

    /// A batch id as a file name: `/` and control characters replaced.
    static func fileName(_ id: String) -> String {
      let cleaned = String(
        id.map { $0 == "/" || $0 == "\\" || $0.isNewline || ($0.asciiValue.map { $0 < 32 } ?? false) ? "_" : $0 })
      return cleaned.hasPrefix(".") ? "_" + cleaned : cleaned
    }
  }
}
