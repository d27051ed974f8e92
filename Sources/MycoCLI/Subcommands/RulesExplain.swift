import ArgumentParser
import Foundation
import MycoCalendar
import MycoKnowledge

extension Myco.Rules {
  /// `myco rules explain RULE-ID`: one rule in plain words.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "explain",
      abstract:
        "Explain a rule in plain words: when it applies, what it advises and why, its source, what it overrides, which test cases cover it."
    )

    @Argument(help: "The rule id, e.g. shiitake.timing.wait-for-cool.")
    var ruleID: String

    @OptionGroup var folders: KnowledgeOptions

    @Option(help: "Language of the explanation (zh or en).")
    var lang: Language = .en

    func run() throws {
      let advisor = try folders.advisor()
      let rulesFolder = try folders.rulesFolder()
      let (rulesURL, rulesName) = (rulesFolder.url, rulesFolder.shown)
      let hasTests = FileManager.default.fileExists(atPath: rulesURL.appendingPathComponent("tests").path)
      let suite: RuleTestSuite?
      do { suite = hasTests ? try RuleTestSuite.load(rulesDirectory: rulesURL, displayName: rulesName) : nil } catch {
        throw Console.failure(error.diagnostics)
      }
      guard let explanation = RuleExplanation(ruleID, advisor: advisor, suite: suite) else {
        throw Console.failure(.badOptions, "no rule '\(ruleID)' in \(rulesName) (see: myco rules list)")
      }
      Console.out(explanation.text(language: lang))
    }
  }
}
