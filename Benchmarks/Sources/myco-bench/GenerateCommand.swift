import ArgumentParser
import Foundation

/// `myco-bench generate`: one synthetic rule base, as Myco XML and as CLIPS, with situations.
struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write a synthetic rule base as Myco XML (DIR/rules, DIR/knowledge) and CLIPS (DIR/rules.clp).",
    discussion: """
      Then: myco advise $(head -1 DIR/situations.txt) --rules DIR/rules --knowledge DIR/knowledge --format json
      and: clips -f DIR/rules.clp
      """)

  @Option(help: "Number of rules.")
  var rules = 1_000
  @Option(help: "Seed: the same seed writes the same files.")
  var seed: UInt64 = 1
  @Option(help: "Number of situations.")
  var situations = 20
  @Option(help: "Output folder (replaced).")
  var out: String
  @Option(help: "The Myco repository (for the real schemas and knowledge tables).")
  var repository = ".."

  func run() throws {
    let files = SyntheticFiles(folder: URL(fileURLWithPath: out), repository: URL(fileURLWithPath: repository))
    let written = try files.write(rules: rules, situations: situations, seed: seed)
    print("wrote \(written.rules) rules and \(written.situations) situations to \(out)")
  }
}
