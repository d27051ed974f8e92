import ArgumentParser
import Foundation
import MycoCalendar
import MycoDiagnostics
import MycoKnowledge
import MycoSheets

extension SheetLanguage: ExpressibleByArgument {}
extension SheetFormat: ExpressibleByArgument {}

/// Flags shared by `myco sheet` and `myco sheet batch`: language, format, templates, printed date, base URL.
struct SheetOptions: ParsableArguments {
  @Option(help: "Language of the sheet: zh, en, or zh+en (Chinese with English beside it).")
  var lang: SheetLanguage = .zh

  @Option(
    help: ArgumentHelp("Output format. Default: from the --out extension (.pdf or .html).", valueName: "html|pdf"))
  var format: SheetFormat?

  @Option(
    name: .customLong("date-printed"),
    help: ArgumentHelp(
      "Date printed on the sheet, YYYY-MM-DD. Default: the advice date (keeps output reproducible).", valueName: "date"),
    transform: ArgumentValue.date)
  var datePrinted: CalendarDate?

  @Option(help: ArgumentHelp("The extension agent's name and phone, printed in the contacts band.", valueName: "text"))
  var contact: String?

  @Option(
    help: ArgumentHelp(
      "Folder with edited templates (sheet.mustache, sheet.css, labels.json). Default: the bundled ones. Trusted input: see Docs/sheets.md.",
      valueName: "dir"))
  var templates: String?

  @Flag(
    help:
      "Also print the optional details page after the one-page sheet (the full texts the sheet shortens to fit).")
  var details = false

  @Option(
    name: .customLong("base-url"),
    help: ArgumentHelp(
      "Address of `myco serve` as phones reach it (http:// or https://): each sheet carries a QR code to its advice on the phone page, and a sheet with a batch id one to the harvest form.",
      valueName: "url"))
  var baseURL: String?

  @Flag(help: "Overwrite output files Myco did not write (and replace symlinks instead of refusing them).")
  var force = false

  func validate() throws {
    if let baseURL,
      URL(string: baseURL)?.scheme.map({ ["http", "https"].contains($0.lowercased()) }) != true
        || URL(string: baseURL)?.host == nil
    {
      throw ValidationError("--base-url '\(baseURL)' is not an http:// or https:// address")
    }
  }

  /// The sheet writer for these options, or an exit after printing the problem.
  func writer(_ advisor: Advisor) throws -> SheetWriter {
    do {
      let loaded =
        try templates.map { try SheetTemplates(directory: URL(fileURLWithPath: $0)) } ?? SheetTemplates.bundled()
      return SheetWriter(maker: SheetMaker(advisor: advisor, templates: loaded), force: force)
    } catch let error as Diagnostic {
      throw Console.failure([error])
    }
  }
}
