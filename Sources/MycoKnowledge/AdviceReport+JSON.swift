import Foundation
import MycoCalendar
import MycoRules

extension AdviceReport {
  /// The advice as one JSON object: `situation`, `version`, `notes`, `better_fits`, `advice`,
  /// `warnings`, `overridden`, `missing`, `facts` (with origin) and `trace`. Keys are sorted, so output is deterministic.
  public func json(language: Language) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(document(language: language))) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  struct Item: Encodable {
    var rule, topic, certainty, kind, title, text, because: String
    var priority, specificity: Int
    var sources: [Citation]
    var overridden_by: String?
  }

  struct Question: Encodable {
    var fact, question: String
    var rules: [String]
  }

  struct FactEntry: Encodable {
    var value: Value
    var display: String
    var origin: String
    var rule: String?
    var note: String?
    var sources: [Citation]?
  }

  struct Trace: Encodable {
    var fired: [Firing]
    var failed: [Failure]
    var undecided: [String: [String]]
  }

  struct Document: Encodable {
    var situation: Situation
    var version: String
    var language: Language
    /// How the situation was read: the place that gave the elevation, an unknown strain, caveats.
    var notes: [String]
    /// A better-fitting variety or strain type (the same data as `myco suggest`).
    var better_fits: [BetterFit]
    var advice, warnings, overridden: [Item]
    var missing: [Question]
    var facts: [String: FactEntry]
    var trace: Trace
  }

  func document(language: Language) -> Document {
    func item(_ advice: Advice) -> Item {
      Item(
        rule: advice.rule, topic: advice.topic, certainty: advice.certainty.rawValue, kind: advice.kind.rawValue,
        title: advice.title.text(in: language), text: fill(advice.text.text(in: language), language: language),
        because: advice.because.text(in: language), priority: advice.priority, specificity: advice.specificity,
        sources: advice.sources, overridden_by: advice.overriddenBy)
    }
    var facts: [String: FactEntry] = [:]
    for (name, fact) in evaluation.facts {
      var entry = FactEntry(value: fact.value, display: display(name, fact.value, language: language), origin: "given")
      switch fact.origin {
      case .given: break
      case .estimated(let note): (entry.origin, entry.note) = ("estimated", note)
      case .derived(let rule): (entry.origin, entry.rule) = ("derived", rule)
      case .reference(let note): (entry.origin, entry.note) = ("reference", note)
      }
      if !fact.sources.isEmpty { entry.sources = fact.sources }
      facts[name] = entry
    }
    return Document(
      situation: situation, version: version, language: language, notes: notes(language: language),
      better_fits: betterFits(language: language), advice: advice.map(item),
      warnings: evaluation.warnings.map(item), overridden: evaluation.overridden.map(item),
      missing: questions.map {
        Question(fact: $0.fact.name, question: $0.fact.question.text(in: language), rules: $0.rules)
      },
      facts: facts,
      trace: Trace(fired: evaluation.fired, failed: evaluation.failed, undecided: evaluation.undecided))
  }
}
