import MycoDiagnostics
import Foundation
import MycoKnowledge
import MycoRules
import MycoUnits
import Testing

@Suite struct AdviseTests {
  @Test func bundledKnowledgeAndRulesLoad() throws {
    let advisor = Bundled.advisor
    #expect(advisor.knowledge.variety("shiitake") != nil)
    #expect(advisor.knowledge.variety("oyster") != nil)
    #expect(advisor.knowledge.variety("wood-ear") != nil)
    #expect(advisor.knowledge.climate.monthlyMeans.count == 12)
    #expect(advisor.rules.rules.count >= 10)
    #expect(advisor.rules.rules.allSatisfy { !$0.sources.isEmpty })
  }

  @Test func seedCaseWaitsForCoolWeatherAndSmallerBags() throws {
    // Given shiitake in a warm low valley in August with large bags
    let report = try Bundled.advise(
      Situation(
        variety: "shiitake", elevation: 300, date: Bundled.date("2026-08-15"), bag: BagDimensions(parsing: "18x60")))
    let rules = report.evaluation.advice.map(\.rule)
    // Then it is told to wait for cooler weather and to use smaller bags, with reasons
    #expect(rules.contains("shiitake.timing.wait-for-cool"))
    #expect(rules.contains("shiitake.bag.smaller-bags-in-heat"))
    let text = report.text(language: .en)
    #expect(text.contains("Wait") || text.contains("still too warm"))
    #expect(text.contains("Use 15 × 55 cm bags"))
    #expect(text.contains("Why: Inoculating in the warm season raises contamination"))
    #expect(!text.contains("{"))
    #expect(report.evaluation.facts["start-window"]?.value == .symbol("too-early-warm"))
  }

  @Test func mountainTimingDiffersFromTheValley() throws {
    let valley = try Bundled.advise(
      Situation(
        variety: "shiitake", elevation: 300, date: Bundled.date("2026-08-15"), bag: BagDimensions(parsing: "15x55")))
    let mountain = try Bundled.advise(
      Situation(
        variety: "shiitake", elevation: 1200, date: Bundled.date("2026-09-20"), bag: BagDimensions(parsing: "15x55")))
    let timing = { (report: AdviceReport) in report.evaluation.advice.first { $0.topic == "timing" }?.rule }
    #expect(timing(valley) == "shiitake.timing.wait-for-cool")
    #expect(timing(mountain) == "shiitake.timing.late-cold-run")
    // The mountain's window opens earlier in the year than the valley's.
    let opens = { (report: AdviceReport) in report.evaluation.facts["window-opens"]?.value.description ?? "" }
    #expect(opens(mountain) < opens(valley))
  }

  @Test func missingFactBecomesAQuestion() throws {
    let report = try Bundled.advise(
      Situation(
        variety: "shiitake", elevation: 300, date: Bundled.date("2026-08-15"), bag: BagDimensions(parsing: "18x60")))
    #expect(report.questions.map(\.fact.name).contains("stage"))
    #expect(report.text(language: .en).contains("Tell me these to refine the advice:"))
    #expect(report.text(language: .zh).contains("告诉我这些，建议会更准确："))
  }

  @Test func measuredTemperatureOverridesTheEstimateAndKeepsTheLoser() throws {
    // Issue #11: a 35 °C shed reading in the estimated window is not "start now"; the loser is kept.
    let report = try Bundled.advise(
      Situation(variety: "shiitake", elevation: 600, date: Bundled.date("2026-09-05"), temperature: 35))
    #expect(report.evaluation.facts["air-temp"] == Fact(.number(35)))
    #expect(report.evaluation.advice.map(\.rule).contains("timing.measured-too-hot"))
    #expect(report.evaluation.outcome(of: "shiitake.timing.start-now") == .overridden(by: "timing.measured-too-hot"))
    #expect(report.text(language: .en).contains("overridden by [timing.measured-too-hot]"))
  }

  @Test func oneCoolReadingInTheHotSeasonDoesNotOpenTheWindow() throws {
    let report = try Bundled.advise(
      Situation(variety: "shiitake", elevation: 300, date: Bundled.date("2026-08-01"), temperature: 22))
    let rules = report.evaluation.advice.map(\.rule)
    #expect(rules.contains("shiitake.timing.wait-for-cool"))
    #expect(rules.contains("timing.measured-cool-in-hot-season"))
    #expect(!rules.contains("shiitake.timing.start-now"))
    let zh = report.text(language: .zh)
    #expect(zh.contains("一次读数只代表当时"))
    #expect(!zh.contains("可以开始装袋接种"))
  }

  @Test func whyNotExplainsAFailedRule() throws {
    let report = try Bundled.advise(
      Situation(
        variety: "shiitake", elevation: 300, date: Bundled.date("2026-08-15"), bag: BagDimensions(parsing: "15x55")))
    let text = report.whyNot("shiitake.bag.smaller-bags-in-heat", language: .en)
    #expect(
      text
        == "[shiitake.bag.smaller-bags-in-heat] Use smaller bags when it is warm: did not fire because \"bag-class is large\" is false (bag size class is standard bag)."
    )
    #expect(report.whyNot("no.such.rule", language: .en) == nil)
  }

  @Test func unknownVarietyIsRejected() {
    #expect { try Bundled.advise(Situation(variety: "truffle")) } throws: {
      ($0 as? Diagnostic)?.kind == .unknownVariety
    }
  }

  @Test func jsonHasTheDocumentedKeys() throws {
    let report = try Bundled.advise(
      Situation(
        variety: "shiitake", elevation: 300, date: Bundled.date("2026-08-15"), bag: BagDimensions(parsing: "18x60")))
    let object = try JSONSerialization.jsonObject(with: Data(report.json(language: .en).utf8)) as? [String: Any]
    for key in ["advice", "overridden", "missing", "facts", "trace", "warnings", "version"] {
      #expect(object?[key] != nil, "missing key \(key)")
    }
    let first = (object?["advice"] as? [[String: Any]])?.first
    for key in ["rule", "topic", "certainty", "text"] { #expect(first?[key] != nil) }
    let facts = object?["facts"] as? [String: [String: Any]]
    #expect(facts?["elevation"]?["origin"] as? String == "given")
    #expect(facts?["ten-day-mean-temp"]?["origin"] as? String == "estimated")
    #expect(facts?["heat-risk"]?["origin"] as? String == "derived")
    // Same input, same bytes.
    #expect(report.json(language: .en) == (try Bundled.advise(report.situation)).json(language: .en))
  }

  @Test func bundledTestCasesPass() throws {
    let suite = try RuleTestSuite.load(rulesDirectory: Bundled.rulesURL, displayName: "Rules")
    let run = RuleTestRun(suite: suite, advisor: Bundled.advisor)
    #expect(!suite.cases.isEmpty)
    #expect(run.failedCount == 0, "\(run.text)")
  }
}

@Suite struct QuestionTests {
  @Test func estimatedFactsAreAskedThroughTheirInputs() throws {
    // Given only the variety and a date: the start window cannot be estimated without an elevation
    let report = try Bundled.advise(Situation(variety: "shiitake", date: Bundled.date("2026-08-15")))
    let asked = report.questions.map(\.fact.name)
    // Then the grower is asked for the elevation and the bag size, not for "start-window" or "bag-class"
    #expect(asked.contains("elevation"))
    #expect(asked.contains("bag-width"))
    #expect(!asked.contains("start-window"))
    #expect(!asked.contains("bag-class"))
    let elevation = report.questions.first { $0.fact.name == "elevation" }
    #expect(elevation?.rules.contains("shiitake.timing.wait-for-cool") == true)
  }
}
