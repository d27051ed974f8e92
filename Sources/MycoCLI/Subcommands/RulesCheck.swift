import ArgumentParser
import MycoCalendar
import MycoKnowledge

extension Myco.Rules {
  /// `myco rules check`: verify the rule base; exit 1 if any error is found.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract:
        "Verify the rules: schema and reference errors, unreachable, conflicting and redundant rules, cycles, gaps, pesticides.",
      discussion:
        "Prints FILE:LINE:COLUMN: severity: [kind] message (rules: …), then the coverage matrix. Exit code 1 when any error is found. See Rules/README.md for what each finding means."
    )

    @OptionGroup var folders: KnowledgeOptions

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Option(help: "Language of the messages (zh or en).")
    var lang: Language = .en

    func run() throws {
      let (knowledge, rules) = try folders.folders()
      let report = RuleCheck.run(
        knowledge: knowledge.url, knowledgeName: knowledge.shown, rules: rules.url, rulesName: rules.shown)
      Console.out(format == .json ? report.json(language: lang) : report.text(language: lang))
      if report.hasErrors { throw ExitCode.failure }
    }
  }
}
