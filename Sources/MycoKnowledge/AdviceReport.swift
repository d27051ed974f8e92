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
  ///
  /// A missing fact that Myco estimates rather than asks (a start window, an estimated temperature,
  /// a bag class) is traced back to the grower's inputs it is computed from (elevation, date, bag).
  public var questions: [(fact: FactDeclaration, rules: [String])] {
    var rulesByQuestion: [String: [String]] = [:]
    var order: [FactDeclaration] = []
    for missing in evaluation.missing {
      let asked = SituationFacts.inputs(for: missing.fact).filter { evaluation.facts[$0] == nil }
      for name in asked.isEmpty ? [missing.fact] : asked {
        guard let declaration = knowledge.vocabulary[name], !declaration.question.isEmpty else { continue }
        let key = declaration.question.text(in: "en")
        if rulesByQuestion[key] == nil { order.append(declaration) }
        rulesByQuestion[key, default: []] += missing.rules
      }
    }
    return order.map { declaration in
      (declaration, Array(Set(rulesByQuestion[declaration.question.text(in: "en")] ?? [])).sorted())
    }.enumerated().sorted { ($0.element.1.count, -$0.offset) > ($1.element.1.count, -$1.offset) }.map(\.element)
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
