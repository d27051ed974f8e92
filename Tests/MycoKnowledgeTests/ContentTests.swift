import Foundation
import MycoKnowledge
import MycoRules
import Testing

/// The content of issue 3: eleven varieties, the listings, sourced rules and elevation-aware windows.
@Suite struct ContentTests {
  @Test func elevenVarietiesAndEightyRulesEachSourced() {
    #expect(Bundled.advisor.knowledge.varieties.count == 11)
    #expect(Bundled.advisor.rules.rules.count >= 80)
    #expect(Bundled.advisor.rules.rules.allSatisfy { !$0.sources.isEmpty })
  }

  @Test(arguments: ["substrates", "pesticides", "places", "pests", "bags", "varieties"])
  func listingsExistInTextAndJSON(subject: String) throws {
    let listing = KnowledgeListing(Bundled.advisor.knowledge)
    let text = try #require(listing.text(subject, language: .zh))
    #expect(!text.isEmpty)
    let json = try #require(listing.json(subject))
    #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [Any])
  }

  @Test func midElevationWindowIsTheLateSummerOneNotEarlyJuly() throws {
    let knowledge = Bundled.advisor.knowledge
    let shiitake = try #require(knowledge.variety("shiitake"))
    let window = try #require(
      SituationFacts(knowledge: knowledge).startWindow(shiitake, Bundled.date("2026-07-15"), 800))
    #expect(window.position == "too-early-warm")
    #expect(try #require(window.opens).month == 8)
  }
}

@Suite struct RealisticSituationTests {
  /// Each variety's realistic Wushan planning case (Rules/tests/content.xml) gets advice in at least
  /// four topics, in Chinese and in English, each with a reason and a source.
  @Test func everyVarietyGetsFourTopicsInBothLanguages() throws {
    let suite = try RuleTestSuite.load(rulesDirectory: Bundled.rulesURL, displayName: "Rules")
    let cases = suite.cases.filter { $0.id.hasSuffix(".realistic.planning-four-topics") }
    #expect(Set(cases.map(\.situation.variety)) == Set(Bundled.advisor.knowledge.varieties.map(\.id)))
    for testCase in cases {
      let report = try Bundled.advise(testCase.situation)
      let topics = Set(report.evaluation.advice.map { String($0.topic.split(separator: ".")[0]) })
      #expect(topics.count >= 4, "\(testCase.id): topics \(topics.sorted())")
      for advice in report.evaluation.advice {
        for language in ["zh", "en"] {
          #expect(!(advice.text.byLanguage[language] ?? "").isEmpty, "\(advice.rule) has no \(language) text")
          #expect(!(advice.because.byLanguage[language] ?? "").isEmpty, "\(advice.rule) has no \(language) reason")
        }
        #expect(!advice.sources.isEmpty)
      }
      #expect(report.text(language: .zh).contains("来源："))
      #expect(report.text(language: .en).contains("Source: "))
    }
  }
}
