import Foundation
import MycoKnowledge
import MycoRules
import Testing

/// `myco rules check`, `explain` and `diff` on the bundled rules and on small changed copies.
@Suite struct RuleToolsTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let knowledge = repository.appendingPathComponent("Knowledge")
  static let rules = repository.appendingPathComponent("Rules")

  /// A copy of a bundled folder in a temporary folder.
  static func copy(_ folder: URL) throws -> URL {
    let target = FileManager.default.temporaryDirectory.appendingPathComponent("myco-tools-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: folder, to: target)
    return target
  }

  static func advisor() throws -> Advisor {
    try Advisor.load(knowledge: knowledge, knowledgeName: "Knowledge", rules: rules, rulesName: "Rules")
  }

  @Test func bundledRulesHaveNoErrors() {
    let report = RuleCheck.run(
      knowledge: Self.knowledge, knowledgeName: "Knowledge", rules: Self.rules, rulesName: "Rules")
    #expect(!report.hasErrors, "\(report.findings.filter { $0.severity == .error }.map { $0.line(language: .en) })")
    #expect(report.ruleCount > 0)
    #expect(report.coverage?.rows.contains { $0.id == "shiitake" && $0.covered.contains("timing") } == true)
  }

  @Test func pesticideTablesDriveTheGuard() throws {
    // Given knowledge with a never-use list and an unregistered product, and a rule naming each
    let knowledge = try Self.copy(Self.knowledge)
    let rules = try Self.copy(Self.rules)
    defer { try? FileManager.default.removeItem(at: knowledge); try? FileManager.default.removeItem(at: rules) }
    try? FileManager.default.removeItem(at: knowledge.appendingPathComponent("pesticides.xml"))
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <knowledge xmlns="urn:myco:knowledge:1" version="test">
      <table id="pesticides-registered">
        <title lang="en">Registered</title>
        <row id="beta-cyfluthrin"><cell name="name" lang="zh">高效氟氯氰菊酯</cell><cell name="name" lang="en">beta-cyfluthrin</cell><source ref="royse-2008"/></row>
      </table>
      <table id="pesticides-banned">
        <title lang="en">Never use</title>
        <row id="dichlorvos"><cell name="name" lang="zh">敌敌畏</cell><cell name="name" lang="en">dichlorvos</cell><source ref="royse-2008"/></row>
      </table>
      <table id="pesticides-unconfirmed">
        <title lang="en">Not registered for edible fungi</title>
        <row id="deltamethrin"><cell name="name" lang="zh">溴氰菊酯</cell><cell name="name" lang="en">deltamethrin</cell><source ref="royse-2008"/></row>
      </table>
    </knowledge>
    """.write(to: knowledge.appendingPathComponent("pesticides-test.xml"), atomically: true, encoding: .utf8)
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <rules xmlns="urn:myco:rules:1" id="pests" version="test">
      <rule id="test.pests.fumigate" certainty="should">
        <title lang="zh">熏蒸</title><title lang="en">Fumigate</title>
        <when><fact name="symptoms" has="small-flies"/></when>
        <then><advise topic="pests"><text lang="zh">用敌敌畏熏蒸。</text><text lang="en">Fumigate with dichlorvos.</text></advise></then>
        <because lang="zh">测试</because><because lang="en">test</because>
        <source ref="royse-2008"/>
      </rule>
      <rule id="test.pests.spray" certainty="consider" priority="40">
        <title lang="zh">喷药</title><title lang="en">Spray</title>
        <when><fact name="symptoms" has="mites"/></when>
        <then><advise topic="pests"><text lang="zh">喷溴氰菊酯。</text><text lang="en">Spray deltamethrin.</text></advise></then>
        <because lang="zh">测试</because><because lang="en">test</because>
        <source ref="royse-2008"/>
      </rule>
    </rules>
    """.write(to: rules.appendingPathComponent("pests-test.xml"), atomically: true, encoding: .utf8)
    // When checked
    let report = RuleCheck.run(knowledge: knowledge, knowledgeName: "K", rules: rules, rulesName: "R")
    // Then one error for the banned product and one warning for the unregistered one, and nothing else new
    let guarded = report.findings.filter { $0.kind.rawValue.hasSuffix("-pesticide") }
    #expect(guarded.map(\.kind) == [.bannedPesticide, .unregisteredPesticide])
    #expect(guarded.map(\.rules) == [["test.pests.fumigate"], ["test.pests.spray"]])
    #expect(guarded.map(\.location.line) == [3, 10])
    #expect(report.findings.filter { $0.severity != .info }.count == 2)
    #expect(report.hasErrors)
  }

  @Test func explainNamesConditionsCompetitorsAndCases() throws {
    let advisor = try Self.advisor()
    let suite = try RuleTestSuite.load(rulesDirectory: Self.rules, displayName: "Rules")
    let explanation = try #require(RuleExplanation("shiitake.timing.wait-for-cool", advisor: advisor, suite: suite))
    let text = explanation.text(language: .en)
    #expect(text.contains("  • variety is shiitake\n"))
    // Sticks too warm to inoculate take the topic only in the window: wait-for-cool is never overridden.
    #expect(text.contains("Overridden by (when both apply, the other rule wins):\n  (none)\n"))
    // A measured reading beats the estimate: start-now loses to the measured-temperature rules.
    let startNow = try #require(RuleExplanation("shiitake.timing.start-now", advisor: advisor, suite: suite)).text(
      language: .en)
    #expect(
      startNow.contains(
        "Overridden by (when both apply, the other rule wins):\n  • shiitake.timing.sticks-too-warm [timing]\n"
          + "  • timing.measured-too-cold [timing]\n  • timing.measured-too-hot [timing]\n"
      ))
    #expect(
      text.contains(
        "  • shiitake.seed.valley-august-large-bags (named in an expectation, fires) Rules/tests/core.xml:4:3\n"))
    #expect(explanation.text(language: .zh).contains("品种是香菇"))
    #expect(RuleExplanation("no.such.rule", advisor: advisor, suite: suite) == nil)
  }

  @Test func diffFindsChangedRuleAndAffectedCases() throws {
    // Given a copy of the rules where start-now becomes a must at priority 65 and late-cold-run is gone
    let rules = try Self.copy(Self.rules)
    defer { try? FileManager.default.removeItem(at: rules) }
    let timing = rules.appendingPathComponent("timing.xml")
    var text = try String(contentsOf: timing, encoding: .utf8)
    text = text.replacingOccurrences(
      of: #"id="shiitake.timing.start-now" priority="60" certainty="should""#,
      with: #"id="shiitake.timing.start-now" priority="65" certainty="must""#)
    try text.write(to: timing, atomically: true, encoding: .utf8)
    // When compared
    let changes = try AdviceChanges.load(
      knowledge: Self.knowledge, knowledgeName: "Knowledge", old: Self.rules, oldName: "Rules", new: rules,
      newName: "New")
    // Then one changed rule and exactly the case that sees it
    #expect(changes.rules.added.isEmpty && changes.rules.removed.isEmpty)
    #expect(changes.rules.changed.map(\.rule) == ["shiitake.timing.start-now"])
    #expect(changes.rules.changed.first?.parts == ["certainty", "priority"])
    #expect(changes.cases.map(\.testCase).contains("shiitake.timing.valley-in-window"))
    #expect(changes.cases.allSatisfy { $0.lines == ["~ shiitake.timing.start-now [timing] should → must"] })
    // At priority 65 start-now ties with sticks-too-warm, which keeps the topic on its extra condition:
    // sticks measured too warm to inoculate still get "wait", so their advice does not change.
    #expect(changes.cases.map(\.testCase).contains("shiitake.measured.cool-sticks-keep-start"))
    #expect(!changes.cases.map(\.testCase).contains("shiitake.measured.warm-sticks-block-start"))
    #expect(changes.cases.count < changes.caseCount)
  }

  @Test func identicalFoldersHaveNoDiff() throws {
    let changes = try AdviceChanges.load(
      knowledge: Self.knowledge, knowledgeName: "Knowledge", old: Self.rules, oldName: "Rules", new: Self.rules,
      newName: "Rules")
    #expect(changes.rules.isEmpty)
    #expect(changes.cases.isEmpty)
  }
}
