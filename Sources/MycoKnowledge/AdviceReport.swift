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
  ///
  /// Nothing is invented: a fact that is not known prints as what to ask for — the fact's
  /// question, else its name — e.g. `(unknown: ask "How warm is the shed?")`. Braced text that
  /// is not a fact name is printed as written (the rule loader refuses unknown fact names).
  public func fill(_ text: String, language: String) -> String {
    var result = ""
    for piece in Placeholder.pieces(of: text) {
      switch piece {
      case .literal(let words): result += words
      case .fact(let name):
        if let fact = evaluation.facts[name] {
          result += display(name, fact.value, language: language)
        } else if let declaration = knowledge.vocabulary[name] {
          result += Self.unknown(declaration, language: language)
        } else {
          result += "{\(name)}"
        }
      }
    }
    return result
  }

  /// How a missing fact reads inside an advice text.
  static func unknown(_ declaration: FactDeclaration, language: String) -> String {
    let question = declaration.question.text(in: language)
    let label = declaration.label.text(in: language)
    if language == "zh" {
      return question.isEmpty ? "（未知：\(label.isEmpty ? declaration.name : label)）" : "（未知，请问：\(question)）"
    }
    return question.isEmpty ? "(unknown: \(label.isEmpty ? declaration.name : label))" : "(unknown: ask \"\(question)\")"
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
