import ArgumentParser

extension Myco {
  /// `myco rules …`: look at and test the expert rules.
  struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rules",
      abstract: "Work with the expert rules.",
      subcommands: [List.self, Test.self, Check.self, Explain.self, Diff.self]
    )
  }
}
