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
  @Option(
    help:
      "advisory (like Myco's rules; the default) or single-template (the form of clips_single_template.py: DIR/rules.clp, DIR/run.bat, DIR/rules, DIR/vocabulary; always 20 situations)."
  )
  var shape: Shape = .advisory

  func run() throws {
    if shape == .singleTemplate {
      let files = SingleTemplate.Files(folder: URL(fileURLWithPath: out))
      let written = try files.write(rules: rules, seed: seed, repository: URL(fileURLWithPath: repository))
      print(
        "wrote \(written.rules) rules and \(written.situations) situations to \(out) (run: clips -f2 \(files.run.path))"
      )
      return
    }
    let files = SyntheticFiles(folder: URL(fileURLWithPath: out), repository: URL(fileURLWithPath: repository))
    let written = try files.write(rules: rules, situations: situations, seed: seed)
    print("wrote \(written.rules) rules and \(written.situations) situations to \(out)")
  }
}
