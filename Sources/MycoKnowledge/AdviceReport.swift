import MycoRules

/// The advice for one situation, with everything needed to explain and print it.
public struct AdviceReport: Sendable {
  public var situation: Situation
  public var evaluation: Evaluation
  public var knowledge: KnowledgeBase
  public var rules: RuleBase

  /// `knowledge-VERSION+rules-VERSION`, or one of them when they agree.
  public var version: String { Self.version(knowledge: knowledge, rules: rules) }

  static func version(knowledge: KnowledgeBase, rules: RuleBase) -> String {
    knowledge.version == rules.version ? knowledge.version : "knowledge \(knowledge.version), rules \(rules.version)"
  }

  /// Missing facts that a grower can be asked about (facts with a question), most-needed first.
  public var questions: [(fact: FactDeclaration, rules: [String])] {
    var seenQuestions = Set<String>()
    return evaluation.missing.compactMap { missing in
      guard let declaration = knowledge.vocabulary[missing.fact], !declaration.question.isEmpty,
        !seenQuestions.contains(declaration.question.text(in: "en"))
      else { return nil }
      seenQuestions.insert(declaration.question.text(in: "en"))
      return (declaration, missing.rules)
    }
  }

  /// A topic's label in a language, from the `topics` table (falls back to the topic id).
  public func topicLabel(_ topic: String, language: String) -> String {
    let rows = knowledge.table("topics")?.rows ?? []
    let head = String(topic.split(separator: ".").first ?? "")
    let row = rows.first { $0.id == topic } ?? rows.first { $0.id == head }
    return row?.cells["label.\(language)"] ?? topic
  }

  /// A fact's label in a language.
  public func factLabel(_ name: String, language: String) -> String {
    knowledge.vocabulary[name]?.label.text(in: language) ?? name
  }

  /// A fact's value as people read it.
  public func display(_ name: String, _ value: Value, language: String) -> String {
    knowledge.vocabulary[name]?.display(value, language: language) ?? value.description
  }
}

extension AdviceReport {
  /// Replaces each `{fact-name}` in an advice text with the fact's value as people read it.
  /// A fact that is not known prints as `?` so nothing is invented.
  public func fill(_ text: String, language: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      result += rest[..<open]
      let name = String(rest[rest.index(after: open)..<close])
      if let fact = evaluation.facts[name] {
        result += display(name, fact.value, language: language)
      } else if knowledge.vocabulary[name] != nil {
        result += "?"
      } else {
        result += rest[open...close]
      }
      rest = rest[rest.index(after: close)...]
    }
    return result + rest
  }

  /// The order topics are shown in: the order of the `topics` table, unknown topics last.
  public func topicRank(_ topic: String) -> Int {
    let rows = knowledge.table("topics")?.rows ?? []
    let head = String(topic.split(separator: ".").first ?? "")
    return rows.firstIndex { $0.id == topic } ?? rows.firstIndex { $0.id == head } ?? rows.count
  }

  /// The winning advice in display order: by topic rank, then as the engine ordered it.
  public var advice: [Advice] {
    evaluation.advice.enumerated().sorted { (topicRank($0.element.topic), $0.offset) < (topicRank($1.element.topic), $1.offset) }
      .map(\.element)
  }
}
