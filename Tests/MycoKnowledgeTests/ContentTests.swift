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
    let text = try #require(listing.text(subject, language: "zh"))
    #expect(!text.isEmpty)
    let json = try #require(listing.json(subject))
    #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [Any])
  }

  @Test func midElevationWindowIsTheLateSummerOneNotEarlyJuly() throws {
    let knowledge = Bundled.advisor.knowledge
    let shiitake = try #require(knowledge.variety("shiitake"))
    let window = try #require(SituationFacts(knowledge: knowledge).startWindow(shiitake, Bundled.date("2026-07-15"), 800))
    #expect(window.position == "too-early")
    #expect(try #require(window.opens).month == 8)
  }
}
