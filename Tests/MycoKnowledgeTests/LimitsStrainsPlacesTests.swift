import MycoDiagnostics
import Foundation
import MycoKnowledge
import MycoRules
import MycoUnits
import Testing

/// Issue #11 items 2, 4, 9, 10 and 11: limits, strains, question order, farmer words, places.
@Suite struct LimitsStrainsPlacesTests {
  // MARK: limits (item 2)

  @Test func limitFactsComeFromTheRangesWithTheirSources() throws {
    let report = try Bundled.advise(Situation(variety: "lingzhi", stage: "spawn-run", bagTemperature: 36))
    let maximum = try #require(report.evaluation.facts["bag-temp-max"])
    #expect(maximum.value == .number(35))
    #expect(!maximum.sources.isEmpty)
    guard case .reference = maximum.origin else { Issue.record("limit is not a reference fact"); return }
    let warning = try #require(report.evaluation.warnings.first { $0.rule == "limits.bag-temp.too-hot.spawn-run" })
    // The warning cites the publication the limit came from, before the rule's own sources.
    #expect(warning.sources.first == maximum.sources.first)
    let text = report.text(language: .zh)
    #expect(text.contains("菌袋中心 36 ℃，已到发菌阶段的上限 35 ℃"))
    #expect(text.contains("依据：菌袋中心温度 36 ℃；发菌阶段菌袋中心温度上限 35 ℃"))
  }

  @Test func aReadingAtTheLimitWarnsAndOneInsideDoesNot() throws {
    let at = try Bundled.advise(Situation(variety: "shiitake", stage: "fruiting", humidity: 60))
    #expect(at.evaluation.warnings.contains { $0.rule == "limits.air-humidity.too-dry.fruiting" })
    let inside = try Bundled.advise(Situation(variety: "shiitake", stage: "fruiting", humidity: 61))
    #expect(!inside.evaluation.warnings.contains { $0.rule.hasPrefix("limits.") })
  }

  @Test func unknownStageUsesTheWidestLimitAndSaysSo() throws {
    let variety = try #require(Bundled.advisor.knowledge.variety("shiitake"))
    let widest = try #require(SituationFacts.widestLimit(of: "air-temp", upper: true, variety: variety, strain: nil))
    let fruiting = try #require(
      SituationFacts.limit(of: "air-temp", upper: true, at: "fruiting", variety: variety, strain: nil))
    #expect(widest.value > fruiting.value)
    let report = try Bundled.advise(Situation(variety: "shiitake", temperature: widest.value))
    #expect(report.evaluation.facts["air-temp-max-stage"]?.value == .symbol(widest.stage))
    #expect(report.evaluation.warnings.contains { $0.rule == "limits.air-temp.too-hot.spawn-run" })
    #expect(report.text(language: .en).contains("You did not say which stage you are at"))
    let mild = try Bundled.advise(Situation(variety: "shiitake", temperature: fruiting.value + 1))
    #expect(!mild.evaluation.warnings.contains { $0.rule.hasPrefix("limits.") })
  }

  @Test func estimatesNeverFillMeasuredReadings() throws {
    let report = try Bundled.advise(
      Situation(variety: "shiitake", elevation: 300, date: Bundled.date("2026-07-20"), stage: "fruiting"))
    #expect(report.evaluation.facts["air-temp"] == nil)
    #expect(report.evaluation.facts["ten-day-mean-temp"] != nil)
    #expect(!report.evaluation.warnings.contains { $0.topic.hasPrefix("fruiting.temperature") })
  }

  @Test func everyVarietyHasLimitsAtEveryGrowingStage() throws {
    let knowledge = Bundled.advisor.knowledge
    for variety in knowledge.varieties {
      for stage in ["spawn-run", "fruiting"] {
        let high = SituationFacts.limit(of: "air-temp", upper: true, at: stage, variety: variety, strain: nil)
        #expect(high != nil, "\(variety.id) has no air upper limit at \(stage)")
        #expect(high.map { !$0.sources.isEmpty } ?? false)
      }
    }
  }

  @Test func limitsListingHasEveryVarietyInEveryFormat() throws {
    let listing = KnowledgeListing(Bundled.advisor.knowledge)
    let text = try #require(listing.text("limits", language: .en))
    let markdown = listing.limitsMarkdown()
    let json = try #require(listing.json("limits"))
    for variety in Bundled.advisor.knowledge.varieties {
      #expect(text.contains("\n\(variety.id) ") || text.hasPrefix("\(variety.id) "))
      #expect(markdown.contains("## \(variety.name.text(in: .en))"))
      #expect(json.contains("\"variety\" : \"\(variety.id)\""))
    }
    #expect(!markdown.contains("fungi-facts"))
    #expect(text.contains("strain 931"))
  }

  @Test func docsLimitsTableIsUpToDate() throws {
    let file = Bundled.repository.appendingPathComponent("Docs/limits.md")
    let stored = try String(contentsOf: file, encoding: .utf8)
    #expect(stored == KnowledgeListing(Bundled.advisor.knowledge).limitsMarkdown(), "regenerate Docs/limits.md")
  }

  // MARK: strains (item 4)

  @Test func strainFruitingRangeReplacesTheVarietys() throws {
    let report = try Bundled.advise(Situation(variety: "shiitake", strain: "931", stage: "fruiting", temperature: 26))
    #expect(report.evaluation.facts["strain-type"]?.value == .symbol("high"))
    #expect(report.evaluation.facts["air-temp-max"]?.value == .number(32))
    #expect(report.evaluation.warnings.isEmpty)
    #expect(report.evaluation.advice.contains { $0.rule == "shiitake.strain.high" })
  }

  @Test func strainAliasesAndSpellings() throws {
    let variety = try #require(Bundled.advisor.knowledge.variety("shiitake"))
    #expect(variety.strain(named: "808")?.id == "L808")
    #expect(variety.strain(named: "l-808")?.id == "L808")
    #expect(variety.strain(named: "135")?.id == "L135")
    #expect(variety.strain(named: "cr 04")?.id == "Cr04")
    #expect(variety.strain(named: "0912") == nil)
  }

  @Test func unknownStrainGetsAMessageAndTheTypeQuestionWithAllFiveTypes() throws {
    let report = try Bundled.advise(
      Situation(variety: "shiitake", strain: "0912", elevation: 800, date: Bundled.date("2026-08-10")))
    let zh = report.text(language: .zh)
    #expect(zh.contains("菌株「0912」不在香菇菌株表里"))
    for type in ["低温型", "中低温型", "中温型", "中高温型", "高温型"] { #expect(zh.contains(type)) }
    #expect(report.questions.contains { $0.fact.name == "strain-type" })
    #expect(!report.questions.contains { $0.fact.name == "strain" })
    let asked = try Bundled.advise(Situation(variety: "shiitake", elevation: 800, date: Bundled.date("2026-08-10")))
    // Without a strain, Myco asks for its name, not its type.
    #expect(asked.questions.contains { $0.fact.name == "strain" })
    #expect(!asked.questions.contains { $0.fact.name == "strain-type" })
  }

  @Test func aBadStrainTypeIsRefused() {
    #expect(throws: Diagnostic.self) {
      try Bundled.advise(Situation(variety: "shiitake", strain: "0912", strainType: "warm"))
    }
  }

  // MARK: questions (item 9)

  @Test func questionsFollowDeclaredImportance() throws {
    let report = try Bundled.advise(Situation(variety: "shiitake", elevation: 500, date: Bundled.date("2026-08-10")))
    let order = report.questions.map(\.fact.name)
    #expect(order.first == "stage")
    let spawnRun = try Bundled.advise(
      Situation(variety: "shiitake", elevation: 500, date: Bundled.date("2026-08-10"), stage: "spawn-run"))
    let asked = spawnRun.questions.map(\.fact.name)
    #expect(Array(asked.prefix(2)) == ["air-temp", "bag-temp"])
    let ranks = spawnRun.questions.map { $0.fact.importance ?? Int.max }
    #expect(ranks == ranks.sorted())
  }

  @Test func bedCropsAskForSoilNotBagCentres() throws {
    for variety in ["morel", "wine-cap"] {
      let report = try Bundled.advise(
        Situation(variety: variety, elevation: 800, date: Bundled.date("2026-11-10"), stage: "spawn-run"))
      let asked = report.questions.map(\.fact.name)
      #expect(asked.first == "soil-temp", "\(variety): \(asked)")
      #expect(!asked.contains("bag-temp"), "\(variety): \(asked)")
    }
  }

  // MARK: words (item 10)

  @Test func chineseTextUsesChineseUnitsAndNoInternalLabels() throws {
    let report = try Bundled.advise(
      Situation(
        variety: "shiitake", elevation: 300, date: Bundled.date("2026-08-15"), bag: BagDimensions(parsing: "18x60"),
        temperature: 30, bagTemperature: 33))
    // Citations keep their publication's language; everything else is in the reader's.
    let zh = report.text(language: .zh).split(separator: "\n").filter { !$0.contains("来源：") }.joined(separator: "\n")
    #expect(!zh.contains("°C"))
    #expect(zh.contains("℃"))
    #expect(!zh.contains(" kg"))
    #expect(!zh.contains("开始时机 偏早"))
    #expect(!zh.contains("fungi-facts"))
    #expect(!zh.contains("(stage;"))
    #expect(zh.contains("海拔 300 米"))
    let en = report.text(language: .en).split(separator: "\n").filter { !$0.contains("Source: ") }.joined(
      separator: "\n")
    #expect(!en.contains("℃"))
    #expect(!en.contains("公斤"))
  }

  @Test func limitWarningTextsHaveNoEnglishInChinese() throws {
    let rules = Bundled.advisor.rules.rules.filter { $0.id.hasPrefix("limits.") }
    #expect(rules.count >= 20)
    for rule in rules {
      for conclusion in rule.conclusions {
        guard case .warn(_, let text) = conclusion else { continue }
        let zh = text.text(in: .zh).replacingOccurrences(of: #"\{[a-z-]+\}"#, with: "", options: .regularExpression)
        #expect(zh.range(of: "[A-Za-z]", options: .regularExpression) == nil, "\(rule.id): \(zh)")
      }
    }
  }

  @Test func chineseRuleTextsDoNotNameTheProgram() {
    // timing.xml's start-window texts are being rewritten on the timing branch (helper H4).
    for rule in Bundled.advisor.rules.rules where !rule.location.file.hasSuffix("timing.xml") {
      var texts = [rule.title.text(in: .zh), rule.because.text(in: .zh)]
      for conclusion in rule.conclusions {
        switch conclusion {
        case .advise(_, let text), .warn(_, let text): texts.append(text.text(in: .zh))
        case .derive: break
        }
      }
      for text in texts { #expect(!text.contains("Myco"), "\(rule.id): \(text)") }
    }
  }

  @Test func elevationOutsideWushanGetsACaveat() throws {
    let low = try Bundled.advise(Situation(variety: "shiitake", elevation: 50, date: Bundled.date("2026-08-15")))
    #expect(low.notes(language: .zh).contains { $0.contains("73 米") && $0.contains("2680 米") })
    let high = try Bundled.advise(Situation(variety: "shiitake", elevation: 3000, date: Bundled.date("2026-08-15")))
    #expect(high.text(language: .en).contains("outside the usual range"))
    let inside = try Bundled.advise(Situation(variety: "shiitake", elevation: 1200, date: Bundled.date("2026-08-15")))
    #expect(inside.notes(language: .en).isEmpty)
  }

  @Test func readingsOutsideTheDeclaredRangeAreRefusedWithTheRange() {
    for situation in [
      Situation(variety: "shiitake", temperature: 60), Situation(variety: "shiitake", bagTemperature: -20),
      Situation(variety: "shiitake", humidity: 120), Situation(variety: "shiitake", elevation: 9500),
      Situation(variety: "morel", soilMoisture: -1), Situation(variety: "shiitake", temperature: .nan),
      Situation(variety: "shiitake", bag: BagDimensions(parsing: "80x55")),
    ] {
      #expect(throws: Diagnostic.self) { try Bundled.advise(situation) }
    }
    do {
      _ = try Bundled.advise(Situation(variety: "shiitake", temperature: 60))
    } catch let error as Diagnostic {
      #expect(error.message.english.contains("allowed: -30–50 °C"))
    } catch {
      Issue.record("unexpected \(error)")
    }
    do {
      _ = try Bundled.advise(Situation(variety: "shiitake", bag: BagDimensions(parsing: "80x55")))
    } catch let error as Diagnostic {
      #expect(
        error.message.english.contains(
          "bag 80x55 cm is outside the sizes accepted (folded width 5–60 cm, length 10–120 cm)"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  // MARK: places (item 11)

  @Test func placeSuppliesTheElevationAndSaysSo() throws {
    for name in ["guanyang", "Guanyang", "官阳镇", "官阳"] {
      let report = try Bundled.advise(Situation(variety: "shiitake", date: Bundled.date("2026-08-01"), place: name))
      #expect(report.evaluation.facts["elevation"]?.value == .number(1200), "\(name)")
      #expect(report.evaluation.facts["elevation"]?.sources.isEmpty == false)
      #expect(report.text(language: .zh).contains("海拔按地点「官阳镇」取 1200 米"))
    }
    let json = try Bundled.advise(Situation(variety: "shiitake", date: Bundled.date("2026-08-01"), place: "guanyang"))
      .json(language: .en)
    #expect(json.contains("Elevation taken from the place Guanyang town"))
    #expect(json.contains("\"origin\" : \"reference\""))
    // A given elevation wins over the place.
    let given = try Bundled.advise(
      Situation(variety: "shiitake", elevation: 700, date: Bundled.date("2026-08-01"), place: "guanyang"))
    #expect(given.evaluation.facts["elevation"]?.value == .number(700))
  }

  @Test func unknownPlaceListsTheNearestNames() {
    do {
      _ = try Bundled.advise(Situation(variety: "shiitake", place: "guanyan"))
      Issue.record("an unknown place was accepted")
    } catch let error as Diagnostic {
      #expect(error.kind == .unknownPlace && error.location == nil)
      #expect(error.description.hasPrefix("error: unknown place 'guanyan'"))
      #expect(error.message.english.contains("unknown place 'guanyan'"))
      #expect(error.message.english.contains("官阳镇"))
    } catch {
      Issue.record("unexpected \(error)")
    }
    do {
      _ = try Bundled.advise(Situation(variety: "shiitake", place: "骡坪"))
      Issue.record("a place without one elevation was accepted")
    } catch let error as Diagnostic {
      #expect(error.message.english.contains("spans 300–2061 m"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func editDistanceAndKeys() {
    #expect(Places.editDistance("guanyang", "guanyan") == 1)
    #expect(Places.editDistance("", "abc") == 3)
    #expect(Places.key("官阳镇") == "官阳")
    #expect(Places.key("Guanyang town") == "guanyang")
    #expect(Places.key("培石（长江岸边，建库前）") == "培石")
  }
}
