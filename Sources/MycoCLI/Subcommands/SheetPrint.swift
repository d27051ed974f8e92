import ArgumentParser
import Foundation
import MycoDiagnostics
import MycoKnowledge
import MycoSheets

extension Myco.Sheet {
  /// `myco sheet [print]`: one sheet for one grower's situation.
  struct Print: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "print",
      abstract: "Print the sheet for one grower (the default: `myco sheet --variety …`).",
      discussion:
        "Example: myco sheet --variety shiitake --elevation 1200 --date 2026-08-20 --bag 15x55 --out sheet.pdf"
    )

    @OptionGroup var situation: SituationOptions
    @OptionGroup var folders: KnowledgeOptions
    @OptionGroup var sheet: SheetOptions

    @Option(help: ArgumentHelp("Grower's name.", valueName: "name"))
    var grower: String?

    @Option(help: ArgumentHelp("Village (and town) of the farm.", valueName: "name"))
    var village: String?

    @Option(
      name: .customLong("batch-id"),
      help: ArgumentHelp(
        "The grower's batch id, printed on the sheet. (Batch printing from a CSV is `myco sheet batch`.)",
        valueName: "id"))
    var batchID: String?

    @Option(help: ArgumentHelp("File to write (.pdf or .html). A PDF gets its HTML page beside it.", valueName: "file"))
    var out: String

    func run() throws {
      let writer = try sheet.writer(try folders.advisor())
      let request = SheetRequest(
        situation: situation.situation(), grower: grower, village: village, batchID: batchID, language: sheet.lang,
        datePrinted: sheet.datePrinted, contact: sheet.contact, baseURL: sheet.baseURL,
        details: sheet.details)
      let url = URL(fileURLWithPath: out)
      let format = sheet.format ?? (url.pathExtension.lowercased() == "pdf" ? .pdf : .html)
      do {
        let written = try writer.write(request, to: url, format: format)
        Console.error("wrote \(written.pdf.map { $0.path + " and " } ?? "")\(written.html.path)")
      } catch {
        throw Console.failure([error])
      }
    }
  }
}
