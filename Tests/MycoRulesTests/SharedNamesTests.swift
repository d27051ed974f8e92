import MycoCalendar
import MycoDiagnostics
import MycoUnits
import Testing

@testable import MycoRules

/// The rule language uses the shared `Language` and the one 斤 factor of MycoUnits.
@Suite struct SharedNamesTests {
  @Test func jinInRulesIsTheRecordsJin() throws {
    for symbol in ["斤", "jin"] {
      let unit = try #require(UnitOfMeasure.named(symbol))
      #expect(unit.dimension == .mass)
      #expect(unit.factor == WeightUnit.jin.kilograms)
    }
  }

  @Test func localizedTextIsLookedUpByLanguage() {
    let text = LocalizedText(["zh": "出菇", "en": "fruiting"])
    #expect(text.text(in: .zh) == "出菇")
    #expect(text.text(in: .en) == "fruiting")
    #expect(LocalizedText(["zh": "出菇"]).text(in: .en) == "出菇")
  }

  @Test func rulesMustBeWrittenInEveryLanguageMycoSpeaks() {
    #expect(RuleParser.requiredLanguages == Language.allCases)
  }

  @Test func unitSymbolsFollowTheReadersLanguage() throws {
    let celsius = try #require(UnitOfMeasure.named("°C"))
    #expect(celsius.symbol(in: .zh) == "℃")
    #expect(celsius.symbol(in: .en) == "°C")
  }
}
