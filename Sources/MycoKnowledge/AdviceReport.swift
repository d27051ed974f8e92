import MycoCalendar
import MycoRules

/// The advice for one situation, with everything needed to explain and print it.
public struct AdviceReport: Sendable {
  /// The situation as the grower gave it.
  public var situation: Situation
  /// What the engine made of it: facts, advice, warnings, firings and missing facts.
  public var evaluation: Evaluation
  /// The knowledge base the facts came from (for labels, tables and sources).
  public var knowledge: KnowledgeBase
  /// The rules evaluated (for explanations and `--why-not`).
  public var rules: RuleBase

  /// `knowledge-VERSION+rules-VERSION`, or one of them when they agree.
  public var version: String { Self.version(knowledge: knowledge, rules: rules) }

  static func version(knowledge: KnowledgeBase, rules: RuleBase) -> String {
    knowledge.version == rules.version ? knowledge.version : "knowledge \(knowledge.version), rules \(rules.version)"
  }

  /// Missing facts that a grower can be asked about (facts with a question), in the order of the
  /// importance the vocabulary declares (stage, measured temperatures, strain, symptoms …); facts
  /// without a declared importance come last, most-waited-for first.
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
        let key = declaration.question.text(in: .en)
        if rulesByQuestion[key] == nil { order.append(declaration) }
        rulesByQuestion[key, default: []] += missing.rules
      }
    }
    let questions = order.map { declaration in
      (fact: declaration, rules: Array(Set(rulesByQuestion[declaration.question.text(in: .en)] ?? [])).sorted())
    }
    return questions.enumerated().sorted { a, b in
      let rankA = a.element.fact.importance ?? Int.max
      let rankB = b.element.fact.importance ?? Int.max
      if rankA != rankB { return rankA < rankB }
      if a.element.rules.count != b.element.rules.count { return a.element.rules.count > b.element.rules.count }
      return a.offset < b.offset
    }.map(\.element)
  }

  /// Notes on how Myco read the situation, for the grower: the place that gave the elevation, a
  /// strain the table does not know (and the question that follows), and inputs outside the usual
  /// range the vocabulary declares (e.g. an elevation outside Wushan County).
  public func notes(language: Language) -> [String] {
    let zh = language == .zh
    var notes: [String] = []
    if let place = situation.place, situation.elevation == nil, let fact = evaluation.facts["elevation"] {
      let name = Places(knowledge: knowledge).find(place)?.name.text(in: language) ?? place
      notes.append(
        zh
          ? "海拔按地点「\(name)」取 \(display("elevation", fact.value, language: language))（地名表中有出处的海拔；您的菇棚可能更高或更低，知道的话请直接给海拔）。"
          : "Elevation taken from the place \(name): \(display("elevation", fact.value, language: language)) (a sourced elevation from the places table; your farm may lie higher or lower — give the elevation if you know it)."
      )
    }
    if let strain = situation.strain, let variety = knowledge.variety(situation.variety),
      variety.strain(named: strain) == nil
    {
      let types = knowledge.vocabulary["strain-type"]?.values.map { $0.label.text(in: language) } ?? []
      let known = variety.strains.map(\.id).joined(separator: zh ? "、" : ", ")
      let typeGiven = situation.strainType != nil
      if zh {
        notes.append(
          "菌株「\(strain)」不在\(variety.name.text(in: language))菌株表里" + (known.isEmpty ? "" : "（表里有：\(known)）")
            + (typeGiven ? "；按您说的温型给建议。" : "。请告诉我它是哪种温型：\(types.joined(separator: "、"))（菌种袋或购种单上一般会写）。"))
      } else {
        notes.append(
          "The strain \(strain) is not in the \(variety.name.text(in: language)) strain table"
            + (known.isEmpty ? "" : " (it lists \(known))")
            + (typeGiven
              ? "; the advice uses the temperature type you gave."
              : ". Which temperature type is it: \(types.joined(separator: ", "))? (The spawn bag or receipt usually says.)")
        )
      }
    }
    if situation.stage == nil, evaluation.warnings.contains(where: { $0.rule.hasPrefix("limits.") }) {
      notes.append(
        zh
          ? "您没有说现在到了哪个阶段：超限警告按这个品种最耐受的阶段判断（警告里写明按的是哪个阶段），告诉我阶段会更准。"
          : "You did not say which stage you are at: limit warnings assume the stage this variety tolerates best (each warning names it); give the stage for sharper advice."
      )
    }
    for (name, fact) in evaluation.facts.sorted(by: { $0.key < $1.key }) {
      guard case .given = fact.origin, case .number(let value) = fact.value,
        let declaration = knowledge.vocabulary[name]
      else { continue }
      let low = declaration.usualMinimum ?? -.infinity
      let high = declaration.usualMaximum ?? .infinity
      guard value < low || value > high else { continue }
      let shown = display(name, fact.value, language: language)
      let label = declaration.label.text(in: language)
      let caveat = declaration.caveat.text(in: language)
      let bounds =
        "\(display(name, .number(low), language: language))–\(display(name, .number(high), language: language))"
      notes.append(
        (zh
          ? "\(label) \(shown) 不在通常范围（\(bounds)）内。" : "The \(label) \(shown) is outside the usual range (\(bounds)). ")
          + caveat)
    }
    return notes
  }

  /// A topic's label in a language, from the `topics` table (falls back to the topic id).
  public func topicLabel(_ topic: String, language: Language) -> String {
    let rows = knowledge.table("topics")?.rows ?? []
    let head = String(topic.split(separator: ".").first ?? "")
    let row = rows.first { $0.id == topic } ?? rows.first { $0.id == head }
    return row?.cells["label.\(language.rawValue)"] ?? topic
  }

  /// A fact's label in a language.
  public func factLabel(_ name: String, language: Language) -> String {
    knowledge.vocabulary[name]?.label.text(in: language) ?? name
  }

  /// A fact's value as people read it.
  public func display(_ name: String, _ value: Value, language: Language) -> String {
    knowledge.vocabulary[name]?.display(value, language: language) ?? value.description
  }
}

extension AdviceReport {
  /// Replaces each `{fact-name}` in an advice text with the fact's value as people read it.
  ///
  /// Nothing is invented: a fact that is not known prints as what to ask for — the fact's
  /// question, else its name — e.g. `(unknown: ask "How warm is the shed?")`. Braced text that
  /// is not a fact name is printed as written (the rule loader refuses unknown fact names).
  public func fill(_ text: String, language: Language) -> String {
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
  static func unknown(_ declaration: FactDeclaration, language: Language) -> String {
    let question = declaration.question.text(in: language)
    let label = declaration.label.text(in: language)
    if language == .zh {
      return question.isEmpty ? "（未知：\(label.isEmpty ? declaration.name : label)）" : "（未知，请问：\(question)）"
    }
    return question.isEmpty
      ? "(unknown: \(label.isEmpty ? declaration.name : label))" : "(unknown: ask \"\(question)\")"
  }

  /// The order topics are shown in: the order of the `topics` table, unknown topics last.
  public func topicRank(_ topic: String) -> Int {
    let rows = knowledge.table("topics")?.rows ?? []
    let head = String(topic.split(separator: ".").first ?? "")
    return rows.firstIndex { $0.id == topic } ?? rows.firstIndex { $0.id == head } ?? rows.count
  }

  /// The winning advice in display order: by topic rank, then as the engine ordered it.
  public var advice: [Advice] {
    evaluation.advice.enumerated().sorted {
      (topicRank($0.element.topic), $0.offset) < (topicRank($1.element.topic), $1.offset)
    }
    .map(\.element)
  }
}
