import MycoCalendar
import MycoDiagnostics
import MycoXML

/// Turns one `<rule>` element into a ``Rule``, collecting every problem it finds.
struct RuleParser {
  private var conditions: ConditionParser
  private(set) var diagnostics: [Diagnostic] = []

  /// Languages every text must have.
  static let requiredLanguages: [Language] = [.zh, .en]

  /// The source registry citations are resolved against; nil accepts any `ref` text.
  private let registry: SourceRegistry?

  init(vocabulary: Vocabulary, sources: SourceRegistry? = nil) {
    conditions = ConditionParser(vocabulary: vocabulary)
    registry = sources
  }

  mutating func parse(_ element: ParsedElement) -> Rule? {
    let before = diagnostics.count
    let id = element["id"] ?? ""
    if id.isEmpty { report(element, .missingID, "rule has no id") }
    let certainty = Certainty(rawValue: element["certainty"] ?? "")
    if certainty == nil {
      report(element, .badCertainty, "rule '\(id)': certainty must be must, should, consider or avoid")
    }
    let priorityText = element["priority"] ?? "50"
    let priority = Int(priorityText).flatMap { Rule.priorities.contains($0) ? $0 : nil }
    if priority == nil {
      report(
        element, .badNumber,
        "rule '\(id)': priority '\(priorityText)' is not a whole number from \(Rule.priorities.lowerBound) to \(Rule.priorities.upperBound)"
      )
    }
    let title = element.localized("title")
    let because = element.localized("because")
    requireLanguages(title, "title", element, id)
    requireLanguages(because, "because", element, id)
    var sources: [Citation] = []
    for child in element.children where child.name == "source" {
      sources.append(SourceRegistry.citation(child, registry: registry, diagnostics: &diagnostics, rule: id))
    }
    if sources.isEmpty || sources.contains(where: { $0.id.isEmpty }) {
      report(element, .missingSource, "rule '\(id)' needs a <source ref=…> for its advice")
    }
    var condition: Condition?
    if let when = element.child(named: "when") {
      condition = conditions.parse(when: when)
    } else {
      report(element, .missingCondition, "rule '\(id)' has no <when>")
    }
    let conclusions = parseConclusions(element.child(named: "then"), id: id)
    diagnostics += conditions.diagnostics
    conditions.diagnostics = []
    Self.settle(&diagnostics, from: before, rule: id)
    guard diagnostics.count == before, let condition, let certainty, let priority else { return nil }
    return Rule(
      id: id, title: title, priority: priority, certainty: certainty, condition: condition,
      conclusions: conclusions, because: because, sources: sources, location: element.location)
  }

  private mutating func parseConclusions(_ then: ParsedElement?, id: String) -> [Conclusion] {
    guard let then, !then.children.isEmpty else {
      diagnostics.append(
        Diagnostic(
          kind: .missingConclusion, at: then?.location ?? SourceLocation(file: "", line: 1, column: 1),
          "rule '\(id)' has no conclusion in <then>", rules: [id]))
      return []
    }
    var conclusions: [Conclusion] = []
    for child in then.children {
      switch child.name {
      case "advise", "warn":
        let topic = child["topic"] ?? ""
        let text = child.localized("text")
        requireLanguages(text, "text", child, id)
        if topic.isEmpty { report(child, .missingTopic, "rule '\(id)': <\(child.name)> needs a topic") }
        checkPlaceholders(in: child, id: id)
        conclusions.append(child.name == "advise" ? .advise(topic: topic, text: text) : .warn(topic: topic, text: text))
      case "derive":
        let name = child["fact"] ?? ""
        guard let declaration = conditions.vocabulary[name] else {
          report(child, .unknownFact, "unknown fact '\(name)'")
          continue
        }
        if let value = conditions.value(child["value"] ?? "", for: declaration, at: child) {
          conclusions.append(.derive(fact: name, value: value))
        }
      default:
        report(child, .unknownElement, "unknown conclusion <\(child.name)>")
      }
    }
    return conclusions
  }

  /// Every `{fact}` in the texts of an `<advise>` or `<warn>` must name a fact of the vocabulary.
  private mutating func checkPlaceholders(in message: ParsedElement, id: String) {
    for text in message.children where text.name == "text" {
      var unknown: [String] = []
      for name in Placeholder.facts(in: text.text) where conditions.vocabulary[name] == nil && !unknown.contains(name) {
        unknown.append(name)
      }
      guard !unknown.isEmpty else { continue }
      let names = unknown.map { "'{\($0)}'" }.joined(separator: ", ")
      report(
        text, .unknownPlaceholder,
        "rule '\(id)': \(unknown.count == 1 ? "placeholder \(names) names" : "placeholders \(names) name") no fact of the vocabulary"
      )
    }
  }

  /// Names the rule on this rule's diagnostics and keeps one diagnostic per kind and place
  /// (a `from=`/`to=` range with a wrong unit is one problem, not two).
  private static func settle(_ diagnostics: inout [Diagnostic], from start: Int, rule id: String) {
    var seen = Set<String>()
    var kept: [Diagnostic] = []
    for var diagnostic in diagnostics[start...] {
      if diagnostic.rules.isEmpty, !id.isEmpty { diagnostic.rules = [id] }
      if seen.insert("\(diagnostic.kind)@\(diagnostic.location)").inserted { kept.append(diagnostic) }
    }
    diagnostics.replaceSubrange(start..., with: kept)
  }

  private mutating func requireLanguages(_ text: LocalizedText, _ what: String, _ element: ParsedElement, _ id: String)
  {
    for language in Self.requiredLanguages where (text.byLanguage[language.rawValue] ?? "").isEmpty {
      report(
        element, .missingText,
        "rule '\(id)': <\(what)> has no \(language == .zh ? "Chinese (zh)" : "English (en)") text")
    }
  }

  private mutating func report(_ element: ParsedElement, _ kind: Diagnostic.Kind, _ message: String) {
    diagnostics.append(Diagnostic(kind: kind, at: element.location, message))
  }
}
