import Foundation
import MycoKnowledge
import MycoRules
import Testing

/// Issue 12, item 2: the rest of the season (harvest, after harvest, water, fruiting induction,
/// hygiene, weather hazards and facilities, resting). The cases themselves are in
/// Rules/tests/season.xml; these tests check the rule base as a whole.
@Suite struct SeasonTopicsTests {
  static let topics = ["harvest", "post-harvest", "water", "induction", "hygiene", "hazards", "resting"]

  /// The rules whose advice or warning is on `topic` (or one of its sub-topics).
  static func rules(on topic: String) -> [Rule] {
    Bundled.advisor.rules.rules.filter { rule in
      rule.conclusions.contains { conclusion in
        switch conclusion {
        case .advise(let head, _), .warn(let head, _): head == topic || head.hasPrefix(topic + ".")
        case .derive: false
        }
      }
    }
  }

  /// The varieties a rule names in a `variety` test.
  static func varieties(of rule: Rule) -> Set<String> {
    var names: Set<String> = []
    for test in rule.condition.tests where test.fact == "variety" {
      switch test.comparison {
      case .equals(let value): names.insert(value.description)
      case .oneOf(let values): names.formUnion(values)
      default: break
      }
    }
    return names
  }

  /// Every new topic is declared, and has rules for shiitake, oyster and wood ear; taken together the
  /// new topics reach at least six varieties each in at least four topics.
  @Test func everyNewTopicCoversTheMainVarieties() throws {
    let declared = Set(Bundled.advisor.knowledge.table("topics")?.rows.map(\.id) ?? [])
    var topicsByVariety: [String: Set<String>] = [:]
    for topic in Self.topics {
      #expect(declared.contains(topic), "topic \(topic) is not in Knowledge/topics.xml")
      let covered = Self.rules(on: topic).reduce(into: Set<String>()) { $0.formUnion(Self.varieties(of: $1)) }
      for variety in ["shiitake", "oyster", "wood-ear"] {
        #expect(covered.contains(variety), "no \(topic) rule for \(variety)")
      }
      for variety in covered { topicsByVariety[variety, default: []].insert(topic) }
    }
    let wellCovered = topicsByVariety.filter { $0.value.count >= 4 }.keys
    #expect(wellCovered.count >= 6, "\(topicsByVariety.mapValues { $0.sorted() })")
  }

  /// Farmer words: the Chinese texts of the new rules hold no Latin letters and write ℃, not °C;
  /// every rule cites a source, and no source names an internal note.
  @Test func chineseTextsAndSources() throws {
    let rules = Self.topics.flatMap { Self.rules(on: $0) }
    #expect(rules.count >= 45)
    for rule in rules {
      var texts = [rule.title.text(in: .zh), rule.because.text(in: .zh)]
      for conclusion in rule.conclusions {
        switch conclusion {
        case .advise(_, let text), .warn(_, let text): texts.append(text.text(in: .zh))
        case .derive: break
        }
      }
      for text in texts {
        let bare = text.replacingOccurrences(of: #"\{[a-z-]+\}"#, with: "", options: .regularExpression)
        #expect(bare.range(of: "[A-Za-z]", options: .regularExpression) == nil, "\(rule.id): \(bare)")
        #expect(!bare.contains("°C"), "\(rule.id): write ℃ in Chinese")
      }
      #expect(!rule.sources.isEmpty, "\(rule.id) has no source")
      for source in rule.sources {
        #expect(
          !source.reference.contains("fungi-facts") && !source.reference.contains("shared/"),
          "\(rule.id): \(source.reference)")
      }
    }
  }

  /// `--facility` changes the advice: the same shiitake sticks in July at 300 m get extra shade advice in
  /// a simple shed, not in an insulated one (before issue 12 no rule read the facility).
  @Test func facilityChangesTheAdvice() throws {
    func advice(_ facility: String) throws -> Set<String> {
      let situation = Situation(
        variety: "shiitake", elevation: 300, date: Bundled.date("2026-07-10"), stage: "spawn-run", facility: facility)
      let report = try Bundled.advise(situation)
      return Set((report.evaluation.advice + report.evaluation.warnings).map(\.rule))
    }
    let simple = try advice("simple-shed")
    let insulated = try advice("insulated-shed")
    #expect(simple.contains("shiitake.hazards.summer-plastic-shed"))
    #expect(!insulated.contains("shiitake.hazards.summer-plastic-shed"))
    #expect(simple != insulated)
    let readers = Bundled.advisor.rules.rules.filter { $0.condition.tests.contains { $0.fact == "facility" } }
    #expect(readers.count >= 5)
  }
}
