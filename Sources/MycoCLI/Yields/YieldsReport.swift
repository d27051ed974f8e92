import ArgumentParser
import Foundation
import MycoCalendar
import MycoRecords
import MycoSheets
import MycoUnits

extension Myco.Yields {
  /// `myco yields report`: yield per bag, BE and more, by group.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "Report yield per bag, biological efficiency, contamination and timing by group.")

    @OptionGroup var database: DatabaseOptions

    @Option(
      help: ArgumentHelp(
        "Group by these fields, comma-separated: \(ReportField.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "field,…"))
    var by: String = ""
    @Option(help: "Only this variety.")
    var variety: String?
    @Option(
      help: ArgumentHelp("Only batches inoculated on or after this day.", valueName: "YYYY-MM-DD"),
      transform: ArgumentValue.date)
    var from: CalendarDate?
    @Option(
      help: ArgumentHelp("Only batches inoculated on or before this day.", valueName: "YYYY-MM-DD"),
      transform: ArgumentValue.date)
    var to: CalendarDate?
    @Option(help: ArgumentHelp("Rule id that --by advice asks about (followed or not).", valueName: "rule-id"))
    var advice: String?
    @OptionGroup(
      title: "Knowledge (read only for --by elevation-band, and for the varieties' Chinese names of --format html)")
    var folders: KnowledgeFolderOption
    @Option(help: "Output format: text, json, csv or html (a printable page with charts, in the sheets' style).")
    var format: YieldsReportFormat = .text
    @Option(help: "Language of the HTML page: zh, en, or zh+en. (Text, JSON and CSV are in English.)")
    var lang: SheetLanguage = .zh
    @Option(help: "Weight unit for text, CSV and HTML: kg or jin (斤). JSON is always kg.")
    var unit: WeightUnit = .kg
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    func fields() throws -> [ReportField] {
      do {
        return try ReportField.list(by)
      } catch {
        throw ValidationError("--by: \(error)")
      }
    }

    func validate() throws {
      let fields = try fields()
      if fields.contains(.advice), advice == nil {
        throw ValidationError("--by advice needs --advice RULE-ID.")
      }
      if let from, let to, to < from {
        throw ValidationError("--to \(to) is before --from \(from).")
      }
    }

    func run() throws {
      try Console.reportingRecordErrors {
        let fields = try fields()
        // The bands are the knowledge base's (Knowledge/climate.xml), loaded only when asked for.
        let bands =
          fields.contains(.elevationBand)
          ? try folders.knowledgeBase().elevationBands : nil
        let query = ReportQuery(
          groupBy: fields, variety: variety, from: from, to: to, adviceRule: advice, elevationBands: bands)
        let report = try database.openForReading().report(query)
        let text: String
        switch format {
        case .html:
          // The varieties' Chinese names are the knowledge base's, loaded when the page names a variety.
          let names =
            fields.contains(.variety) || variety != nil
            ? Dictionary(
              try folders.knowledgeBase().varieties.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            : [:]
          text = try YieldReportPage(report: report, unit: unit, language: lang, varietyNames: names).html(
            SheetTemplates.bundled())
        case .text: text = report.rendered(as: .text, unit: unit)
        case .json: text = report.rendered(as: .json, unit: unit)
        case .csv: text = report.rendered(as: .csv, unit: unit)
        }
        if let out {
          // Atomic: written to a temporary file and renamed, so a symlink at --out is replaced, not followed.
          try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } else {
          print(text, terminator: "")
        }
      }
    }
  }
}
