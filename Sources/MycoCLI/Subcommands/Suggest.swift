import ArgumentParser
import MycoCalendar
import MycoKnowledge

extension Myco {
  /// `myco suggest`: which varieties and strain types fit an elevation and a season.
  struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Suggest which varieties (and strain types) fit an elevation and a season, ranked, with the reasons.",
      discussion: "Example: myco suggest --elevation 1200 --month 8 --lang en"
    )

    @Option(parsing: .unconditional, help: ArgumentHelp("Elevation of the farm in metres.", valueName: "m"))
    var elevation: Double?

    @Option(
      help: ArgumentHelp(
        "Village or township (Chinese or pinyin, e.g. 官阳镇, guanyang); supplies the elevation when --elevation is not given.",
        valueName: "name"))
    var place: String?

    @Option(help: ArgumentHelp("Date of the planned start, YYYY-MM-DD. Default: today.", valueName: "date"))
    var date: String?

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("Month of the planned start, 1–12 (the 15th of that month this year).", valueName: "n"))
    var month: Int?

    @Option(
      help: ArgumentHelp("Facility: simple-shed, insulated-shed, greenhouse, room, forest, field.", valueName: "id"))
    var facility: String?

    @Option(help: "Language of the output.")
    var lang: Language = .zh

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @OptionGroup var folders: KnowledgeOptions

    func run() throws {
      let knowledge = try folders.knowledgeBase()
      let report: SuggestionReport
      do {
        let start = try SuggestionReport.date(date, month: month, today: CalendarDate.today())
        report = try SuggestionReport(
          knowledge: knowledge, elevation: elevation, place: place, date: start, facility: facility)
      } catch { throw Report.failure(error.description) }
      Report.out(format == .json ? report.json(language: lang) : report.text(language: lang))
    }
  }
}
