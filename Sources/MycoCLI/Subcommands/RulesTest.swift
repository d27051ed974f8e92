import ArgumentParser
import MycoKnowledge

extension Myco.Rules {
  /// `myco rules test`: run the test cases in RULES/tests against the rules.
  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "test",
      abstract: "Run the rule test cases (Rules/tests/*.xml); exit 1 if any fails.")

    @OptionGroup var folders: KnowledgeOptions

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    func run() throws {
      let advisor = try folders.advisor()
      let rulesFolder = try folders.rulesFolder()
      let (rulesURL, rulesName) = (rulesFolder.url, rulesFolder.shown)
      let suite: RuleTestSuite
      do { suite = try RuleTestSuite.load(rulesDirectory: rulesURL, displayName: rulesName) } catch {
        throw Console.failure(error.diagnostics)
      }
      let run = RuleTestRun(suite: suite, advisor: advisor)
      Console.out(format == .json ? run.json : run.text)
      if run.failedCount > 0 { throw ExitCode.failure }
    }
  }
}
