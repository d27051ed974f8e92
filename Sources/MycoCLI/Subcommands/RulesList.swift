import ArgumentParser
import MycoCalendar
import MycoRules

extension Myco.Rules {
  /// `myco rules list`: every rule with its priority, certainty and topic.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rules.")

    @OptionGroup var folders: KnowledgeOptions

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Option(help: "Language of titles.")
    var lang: Language = .en

    func run() throws {
      let listing = RuleListing(try folders.advisor().rules)
      Console.out(format == .json ? listing.json(language: lang) : listing.text(language: lang))
    }
  }
}
