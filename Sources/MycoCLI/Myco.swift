import ArgumentParser
import Foundation
import MycoKnowledge

/// The `myco` command: advice for edible-fungus growers from expert rules.
@main
struct Myco: ParsableCommand {
  /// Myco's own version.
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "myco",
    abstract: "Advice for edible-fungus growers, from sourced expert rules.",
    discussion: """
      Examples:
        myco advise --variety shiitake --elevation 300 --date 2026-08-15 --bag 18x60
        myco suggest --elevation 1200 --month 8
        myco rules list
        myco knowledge list varieties
      """,
    subcommands: [
      Advise.self, Suggest.self, Rules.self, Knowledge.self, Yields.self, Sheet.self, Serve.self, Cache.self,
    ]
  )

  @Flag(name: .long, help: "Show Myco's version, the knowledge base and rules versions, and the folders in use.")
  var version = false

  func run() throws {
    guard version else { throw CleanExit.helpRequest(self) }
    Console.out("myco \(Self.version)\n")
    let folders = try KnowledgeOptions.parse([])
    let knowledge = try folders.knowledgeFolder()
    let rules = try folders.rulesFolder()
    do {
      let advisor = try folders.loadAdvisor(knowledge: knowledge, rules: rules)
      Console.out("knowledge base \(advisor.knowledge.version): \(knowledge.url.path) (\(knowledge.source.label))\n")
      Console.out("rules \(advisor.rules.version): \(rules.url.path) (\(rules.source.label))\n")
    } catch {
      Console.out(
        "knowledge base: \(knowledge.url.path) (\(knowledge.source.label))\nrules: \(rules.url.path) (\(rules.source.label))\n"
      )
      throw Console.failure(error.diagnostics)
    }
  }
}
