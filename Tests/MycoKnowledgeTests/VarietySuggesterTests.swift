import MycoDiagnostics
import Foundation
import MycoCalendar
import MycoKnowledge
import MycoRules
import Testing

/// `myco suggest`: which varieties fit an elevation and a date, and the line `myco advise` adds.
@Suite struct VarietySuggesterTests {
  static let knowledge = Bundled.advisor.knowledge

  static func report(_ elevation: Double, _ date: String, facility: String? = nil) throws -> SuggestionReport {
    try SuggestionReport(
      knowledge: knowledge, elevation: elevation, place: nil, date: Bundled.date(date), facility: facility)
  }

  static func rank(_ id: String, in report: SuggestionReport) -> Int {
    report.suggestions.first { $0.variety.id == id }!.rank
  }

  @Test func warmValleyInJulyDoesNotRankEnokiNearTheTop() throws {
    // Given a farm at 200 m in mid-July (estimated daily mean near 30 °C)
    let report = try Self.report(200, "2026-07-15")
    // Then enoki, a low-temperature crop, is far from the top and too hot now
    let enoki = report.suggestions.first { $0.variety.id == "enoki" }!
    #expect(enoki.rank > report.suggestions.count / 2)
    #expect(enoki.reason == .tooHotNow)
    #expect(!enoki.fitsNow)
    // and the crops above it open their windows sooner
    for better in report.suggestions.prefix(enoki.rank - 1) {
      #expect((better.daysToStart ?? .max) <= enoki.daysToStart!)
    }
  }

  @Test func mountainFarmInAugustRanksShiitakeNearTheTop() throws {
    // Given a farm at 1,200 m in mid-August
    let report = try Self.report(1200, "2026-08-15")
    // Then shiitake is in its start window and ranked in the top three
    let shiitake = report.suggestions.first { $0.variety.id == "shiitake" }!
    #expect(shiitake.rank <= 3)
    #expect(shiitake.fitsNow)
    #expect(shiitake.window?.position == "in-window")
    // and the window is the one `myco advise` computes for the same situation
    let advice = try Bundled.advise(Situation(variety: "shiitake", elevation: 1200, date: Bundled.date("2026-08-15")))
    #expect(advice.evaluation.facts["window-closes"]?.value == .symbol(shiitake.window!.closes!.description))
  }

  @Test func rankingPutsStartNowFirstAndNoWindowLast() throws {
    let report = try Self.report(2000, "2026-08-15")
    let groups = report.suggestions.map { $0.fitsNow ? 0 : $0.reason == .noWindow ? 2 : 1 }
    #expect(groups == groups.sorted())
    #expect(report.suggestions.map(\.rank) == Array(1...report.suggestions.count))
    let lingzhi = report.suggestions.first { $0.variety.id == "lingzhi" }!
    #expect(lingzhi.reason == .noWindow)
    #expect(lingzhi.nearestElevation != nil && lingzhi.nearestElevation! < 2000)
  }

  @Test func everySuggestionNamesItsReasonInBothLanguages() throws {
    for (elevation, date) in [(200.0, "2026-07-15"), (1200, "2026-08-15"), (2000, "2026-01-10"), (600, "2026-04-01")] {
      let report = try Self.report(elevation, date)
      for language in Language.allCases {
        let text = report.text(language: language)
        let why = language == .zh ? "   原因：" : "   Why: "
        let reasons = text.split(separator: "\n").filter { $0.hasPrefix(why) }
        #expect(reasons.count == report.suggestions.count, "\(elevation) m \(date) \(language)")
        // each reason gives a temperature figure, and names no internal note
        for reason in reasons { #expect(reason.contains(language == .zh ? "℃" : "°C"), "\(reason)") }
        #expect(!text.contains("fungi-facts"))
      }
    }
  }

  @Test func jsonHasTheSameContentAsTheText() throws {
    let report = try Self.report(1200, "2026-08-15")
    let text = report.text(language: .en)
    let json = try JSONSerialization.jsonObject(with: Data(report.json(language: .en).utf8)) as! [String: Any]
    let items = json["suggestions"] as! [[String: Any]]
    #expect(items.count == report.suggestions.count)
    for item in items {
      let rank = item["rank"] as! Int
      let verdict = item["verdict"] as! String
      let reason = item["reason_text"] as! String
      #expect(text.contains("\(rank). ") && text.contains(verdict))
      #expect(text.contains("Why: " + reason))
      let needs = item["needs"] as! [String]
      #expect(!needs.isEmpty)
      #expect(text.contains("Needs: " + needs.joined(separator: "; ")))
      #expect(!(item["reason"] as! String).isEmpty)
      #expect(!(item["sources"] as! [Any]).isEmpty)
    }
    let shiitake = items.first { $0["variety"] as? String == "shiitake" }!
    let types = shiitake["strain_types"] as! [[String: Any]]
    #expect(types.count == 5)
    for type in types { #expect(text.contains(type["text"] as! String)) }
    #expect(!report.json(language: .en).contains("fungi-facts"))
  }

  @Test func strainTypesAreRankedByTheEstimatedFruitingTemperatures() throws {
    // At 1,200 m a mid-August start fruits from mid-October into the winter: cold.
    let mountain = try Self.report(1200, "2026-08-15").suggestions.first { $0.variety.id == "shiitake" }!
    #expect(mountain.strainTypes.first?.type == "low")
    #expect(mountain.strainTypes.last?.type == "mid-high")
    let shares = mountain.strainTypes.map(\.shareInRange)
    #expect(shares == shares.sorted(by: >))
  }

  @Test func anInsulatedFacilityIsNamedOnlyWhereColdStopsTheStart() throws {
    let plain = try Self.report(1200, "2026-08-15")
    let insulated = try Self.report(1200, "2026-08-15", facility: "insulated-shed")
    // Lingzhi at 1,200 m in mid-August: the spawn run would meet the autumn cold
    let lingzhi = insulated.suggestions.first { $0.variety.id == "lingzhi" }!
    #expect(lingzhi.reason == .tooColdAhead)
    #expect(lingzhi.facilityHelps)
    #expect(!plain.suggestions.contains { $0.facilityHelps })
    #expect(
      !insulated.suggestions.contains { $0.facilityHelps && ($0.reason == .tooHotNow || $0.reason == .tooHotAhead) })
    // A crop sown in field beds is not helped by a shed
    let spring = try Self.report(1200, "2026-03-15", facility: "insulated-shed")
    let wineCap = spring.suggestions.first { $0.variety.id == "wine-cap" }!
    #expect(wineCap.reason == .tooColdNow && wineCap.window?.trigger.stage == "sowing")
    #expect(!wineCap.facilityHelps)
    #expect(spring.suggestions.first { $0.variety.id == "wood-ear" }!.facilityHelps)
    #expect(insulated.text(language: .en).contains("With your facility (insulated shed)"))
    #expect(!plain.text(language: .en).contains("With your facility"))
  }

  @Test func badInputIsRefusedWithAClearMessage() throws {
    let today = Bundled.date("2026-05-01")
    #expect(throws: Diagnostic(kind: .outOfRange, "--month 13 is out of range (allowed: 1–12)")) {
      try SuggestionReport.date(nil, month: 13, today: today)
    }
    #expect(throws: Diagnostic(kind: .badOptions, "give either --date or --month, not both")) {
      try SuggestionReport.date(Bundled.date("2026-08-01"), month: 8, today: today)
    }
    #expect(try SuggestionReport.date(nil, month: 8, today: today) == Bundled.date("2026-08-15"))
    #expect(throws: Diagnostic.self) { try Self.report(-5, "2026-08-15") }
    #expect(throws: Diagnostic.self) { try Self.report(1200, "2026-08-15", facility: "castle") }
    #expect(throws: Diagnostic(kind: .badOptions, "give --elevation M or --place NAME")) {
      try SuggestionReport(knowledge: Self.knowledge, elevation: nil, place: nil, date: today, facility: nil)
    }
  }

  @Test func aPlaceSuppliesTheElevation() throws {
    let report = try SuggestionReport(
      knowledge: Self.knowledge, elevation: nil, place: "guanyang", date: Bundled.date("2026-08-15"), facility: nil)
    #expect(report.elevation == 1200)
    #expect(report.text(language: .en).contains("Elevation taken from the place"))
  }

  // MARK: - The line in `myco advise`

  @Test func adviceNamesBetterVarietiesWhenTheChosenOneHasNoWindowHere() throws {
    // Given lingzhi at 2,000 m, where no day of the year qualifies for its start
    let report = try Bundled.advise(Situation(variety: "lingzhi", elevation: 2000, date: Bundled.date("2026-04-15")))
    #expect(report.evaluation.facts["start-window"]?.value == .symbol("none"))
    // Then the advice names varieties that have a window here, text and JSON alike
    let fits = report.betterFits(language: .en)
    let variety = try #require(fits.first { $0.kind == "variety" })
    #expect(!variety.choices.isEmpty && !variety.choices.contains("lingzhi"))
    let suggested = try SuggestionReport(
      knowledge: Self.knowledge, elevation: 2000, place: nil, date: Bundled.date("2026-04-15"), facility: nil)
    for id in variety.choices {
      #expect(suggested.suggestions.first { $0.variety.id == id }!.window != nil)
      #expect(suggested.suggestions.first { $0.variety.id == id }!.reason != .noWindow)
    }
    #expect(report.text(language: .en).contains("  ➜ " + variety.text))
    let json = try JSONSerialization.jsonObject(with: Data(report.json(language: .en).utf8)) as! [String: Any]
    let listed = json["better_fits"] as! [[String: Any]]
    #expect(listed.first?["text"] as? String == variety.text)
    #expect(report.text(language: .zh).contains("这个海拔没有灵芝的开始适期"))
  }

  @Test func adviceNamesABetterStrainTypeWhenTheGrowersFitsClearlyWorse() throws {
    // L808 (mid-high, fruits at 12–28 °C) started at 1,200 m in August fruits into a cold winter
    let report = try Bundled.advise(
      Situation(variety: "shiitake", strain: "L808", elevation: 1200, date: Bundled.date("2026-08-15")))
    let fit = try #require(report.betterFits(language: .en).first { $0.kind == "strain-type" })
    #expect(fit.choices.first == "low")
    #expect(!fit.choices.contains("mid-high"))
    #expect(report.text(language: .en).contains("  ➜ Your strain is mid-high-temperature"))
    // A low-temperature strain there gets no such line, nor does a crop already in spawn run
    let low = try Bundled.advise(
      Situation(variety: "shiitake", strain: "L135", elevation: 1200, date: Bundled.date("2026-08-15")))
    #expect(low.betterFits(language: .en).isEmpty)
    let started = try Bundled.advise(
      Situation(
        variety: "shiitake", strain: "L808", elevation: 1200, date: Bundled.date("2026-08-15"), stage: "spawn-run"))
    #expect(started.betterFits(language: .en).isEmpty)
  }
}
