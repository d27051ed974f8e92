import MycoDiagnostics
import Foundation
import MycoRules
import MycoXML

/// Gives advice for a situation: knowledge tables turn it into facts, the rule engine does the rest.
public struct Advisor: Sendable {
  /// The knowledge tables and vocabulary.
  public let knowledge: KnowledgeBase
  /// The rules, checked against the knowledge's vocabulary.
  public let rules: RuleBase
  private let engine: Engine

  /// An advisor over loaded knowledge and rules (use ``load(knowledge:knowledgeName:rules:rulesName:)`` to read folders).
  public init(knowledge: KnowledgeBase, rules: RuleBase) {
    self.knowledge = knowledge
    self.rules = rules
    self.engine = Engine(rules)
  }

  /// Loads a knowledge folder and a rules folder, each validated with Myco's bundled schemas.
  ///
  /// - Parameters:
  ///   - knowledgeName, rulesName: how the folders are named in messages.
  public static func load(
    knowledge knowledgeDirectory: URL, knowledgeName: String, rules rulesDirectory: URL, rulesName: String
  ) throws(Diagnostics) -> Advisor {
    let knowledge = try KnowledgeBase.load(directory: knowledgeDirectory, displayName: knowledgeName)
    let rules = try loadRules(
      rulesDirectory, name: rulesName, vocabulary: knowledge.vocabulary, sources: knowledge.sources)
    return Advisor(knowledge: knowledge, rules: rules)
  }

  /// Loads a rules folder against a vocabulary, validating with the bundled ``BundledSchema/rules``.
  public static func loadRules(
    _ directory: URL, name: String, vocabulary: Vocabulary, sources: SourceRegistry? = nil
  ) throws(Diagnostics) -> RuleBase {
    let schema = try BundledSchema.rules.compiled()
    return try RuleLoader(vocabulary: vocabulary, schema: schema, sources: sources).load(
      directory: directory, displayName: name)
  }

  /// The advice for `situation`.
  public func advise(_ situation: Situation) throws(Diagnostic) -> AdviceReport {
    try situation.checkLimits(knowledge.vocabulary)
    let facts = try SituationFacts(knowledge: knowledge).facts(for: situation)
    return AdviceReport(
      situation: situation, evaluation: engine.evaluate(facts), knowledge: knowledge, rules: rules)
  }

  /// The knowledge-base version: knowledge and rules versions together.
  public var version: String { AdviceReport.version(knowledge: knowledge, rules: rules) }
}
