import ArgumentParser
import MycoCalendar
import MycoKnowledge

extension Myco {
  /// `myco suggest`: which varieties and strain types fit an elevation and a season.
  struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "suggest",
      abstract: "Suggest which varieties (and strain types) fit an elevation and a season, ranked, with the reasons.",
      discussion: "Example: myco suggest --elevation 1200 --month 8 --lang en"
    )

    @OptionGroup var farm: FarmOptions

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("Month of the planned start, 1–12 (the 15th of that month this year).", valueName: "n"))
    var month: Int?

    @Option(help: "Language of the output.")
    var lang: Language = .zh

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @OptionGroup var folders: KnowledgeFolderOption

    func run() throws {
      let knowledge = try folders.knowledgeBase()
      let report: SuggestionReport
      do {
        let start = try SuggestionReport.date(farm.date, month: month, today: CalendarDate.today())
        report = try SuggestionReport(
          knowledge: knowledge, elevation: farm.elevation, place: farm.place, date: start, facility: farm.facility)
      } catch { throw Console.failure(error.description) }
      Console.out(format == .json ? report.json(language: lang) : report.text(language: lang))
    }
  }
}
