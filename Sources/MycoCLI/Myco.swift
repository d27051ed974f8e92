import ArgumentParser

/// The `myco` command: advice for edible-fungus growers from expert rules.
@main
struct Myco: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "myco",
    abstract: "Advice for edible-fungus growers, from sourced expert rules.",
    discussion: """
      Examples:
        myco advise --variety shiitake --elevation 300 --date 2026-08-15 --bag 18x60
        myco rules list
        myco knowledge list varieties
      """,
    version: "0.1.0",
    subcommands: [Advise.self, Rules.self, Knowledge.self, Yields.self, Sheet.self]
  )
}
