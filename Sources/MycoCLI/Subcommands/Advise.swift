import ArgumentParser
import MycoCalendar
import MycoDiagnostics
import MycoKnowledge

extension Myco {
  /// `myco advise`: advice for one grower's situation.
  struct Advise: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "advise",
      abstract: "Advise a grower: what to do, why, and what else to tell Myco.",
      discussion: "Example: myco advise --variety shiitake --elevation 300 --date 2026-08-15 --bag 18x60"
    )

    @OptionGroup var situation: SituationOptions
    @OptionGroup var folders: KnowledgeOptions

    @Option(help: "Language of the advice.")
    var lang: Language = .zh

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Option(
      name: .customLong("why-not"),
      help: ArgumentHelp("Explain why this rule did or did not give its advice.", valueName: "rule-id"))
    var whyNot: String?

    func run() throws {
      let advisor = try folders.advisor()
      let report: AdviceReport
      do { report = try advisor.advise(situation.situation()) } catch {
        throw Console.failure([error])
      }
      if let whyNot {
        guard let explanation = report.whyNot(whyNot, language: lang) else {
          throw Console.failure(.badOptions, "no rule with id '\(whyNot)' (see: myco rules list)")
        }
        Console.out(explanation + "\n")
        return
      }
      Console.out(format == .json ? report.json(language: lang) : report.text(language: lang))
    }
  }
}
