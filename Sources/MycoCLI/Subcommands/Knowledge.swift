import ArgumentParser

extension Myco {
  /// `myco knowledge …`: what the knowledge base holds.
  struct Knowledge: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "knowledge",
      abstract: "Look at the knowledge base (varieties, tables).",
      subcommands: [List.self]
    )
  }
}
