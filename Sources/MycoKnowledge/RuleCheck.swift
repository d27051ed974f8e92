import Foundation
import MycoRules
import MycoXML

/// `myco rules check`: load the knowledge and the rules, and verify the rules.
///
/// Loading is all-or-nothing, so a base with schema or reference errors (or a cycle) is reported
/// by its load problems alone; a base that loads goes through every ``Verifier`` pass.
public enum RuleCheck {
  /// The report for a knowledge folder and a rules folder (names as shown in messages).
  public static func run(knowledge: URL, knowledgeName: String, rules: URL, rulesName: String) -> VerificationReport {
    let knowledgeBase: KnowledgeBase
    do { knowledgeBase = try KnowledgeBase.load(directory: knowledge, displayName: knowledgeName) } catch {
      return VerificationReport(loadFailure: error)
    }
    let base: RuleBase
    do {
      base = try Advisor.loadRules(
        rules, name: rulesName, vocabulary: knowledgeBase.vocabulary, sources: knowledgeBase.sources)
    } catch {
      return VerificationReport(loadFailure: error)
    }
    return Verifier(context: VerificationContext(knowledge: knowledgeBase)).check(base)
  }
}
