import MycoDiagnostics
import Foundation
import MycoRules
import MycoXML
import Testing

@Suite struct VerifierTests {
  @Test func cleanBaseHasNoFindings() throws {
    let fixture = try VerificationFixture(
      rule("v.wait", when: #"<fact name="variety" is="shiitake"/> <fact name="air-temp" above="25"/>"#)
        + rule(
          "v.start", text: "Start.", when: #"<fact name="variety" is="shiitake"/> <fact name="air-temp" at-most="25"/>"#
        )
        + rule(
          "v.oyster", priority: 60, text: "Oyster.",
          when: #"<any><fact name="variety" is="oyster"/><fact name="month" below="3"/></any>"#))
    let report = try fixture.check()
    #expect(report.findings.isEmpty)
    #expect(report.text(language: .en) == "\n3 rules checked: 0 errors, 0 warnings, 0 info\n")
  }

  @Test func loadProblemKeepsItsKindAndGainsAChineseMessage() {
    // Given a loader's diagnostic in English only, and one that already has its Chinese text
    let place = SourceLocation(file: "Rules/x.xml", line: 2, column: 5)
    let english = Diagnostic(kind: .unknownFact, at: place, "fact 'altitude' is not declared")
    let both = Diagnostic(kind: .badValue, at: place, LocalizedText(zh: "值不对", en: "bad value"))
    // When they become findings
    let first = Finding(english)
    let second = Finding(both)
    // Then the kind is the same enum case, and the Chinese text names the kind or is the message's own
    #expect(first.kind == .unknownFact)
    #expect(first.message.text(in: .zh) == "未声明的事实：fact 'altitude' is not declared")
    #expect(first.message.english == "fact 'altitude' is not declared")
    #expect(second.message == LocalizedText(zh: "值不对", en: "bad value"))
  }

  @Test func verifierKindsHaveTheirMachineNames() {
    let kinds: [Diagnostic.Kind] = [
      .conflict, .redundant, .subsumed, .unreachable, .gap, .weakSources, .bannedPesticide,
      .registeredPesticide, .unregisteredPesticide, .pesticideCrop, .productScope,
    ]
    #expect(
      kinds.map(\.rawValue) == [
        "conflict", "redundant", "subsumed", "unreachable", "gap", "weak-sources", "banned-pesticide",
        "registered-pesticide", "unregistered-pesticide", "pesticide-crop", "product-scope",
      ])
  }

  @Test func textLineFormat() {
    let finding = Finding(
      .warning, kind: .conflict, rules: ["a", "b"], at: SourceLocation(file: "Rules/x.xml", line: 4, column: 3),
      .init(zh: "冲突", en: "they conflict"))
    #expect(finding.line(language: .en) == "Rules/x.xml:4:3: warning: [conflict] they conflict (rules: a, b)")
    #expect(finding.line(language: .zh) == "Rules/x.xml:4:3: warning: [conflict] 冲突 (rules: a, b)")
  }

  /// 10,000 generated rules (11 varieties × 10 topics, bands of elevation and months, two
  /// priorities) check without trouble; `Docs/verification.md` has the measured time.
  @Test func tenThousandRulesComplete() {
    let base = Self.generated(10_000)
    let report = Verifier().check(base)
    #expect(report.ruleCount == 10_000)
    #expect(!report.hasErrors)
  }

  static func generated(_ count: Int) -> RuleBase {
    let varieties = (0..<11).map { "v\($0)" }
    let vocabulary = Vocabulary([
      FactDeclaration(
        name: "variety", type: .choice, values: varieties.map { AllowedValue(id: $0, label: LocalizedText()) },
        location: SourceLocation(file: "facts.xml", line: 1, column: 1)),
      FactDeclaration(
        name: "elevation", type: .number, dimension: .length, minimum: 0, maximum: 3000,
        location: SourceLocation(file: "facts.xml", line: 2, column: 1)),
      FactDeclaration(
        name: "month", type: .number, dimension: .count, minimum: 1, maximum: 12,
        location: SourceLocation(file: "facts.xml", line: 3, column: 1)),
    ])
    let location = SourceLocation(file: "gen.xml", line: 1, column: 1)
    func test(_ fact: String, _ comparison: Comparison) -> Condition {
      .test(FactTest(fact: fact, comparison: comparison, summary: fact, location: location))
    }
    let rules = (0..<count).map { index in
      let variety = varieties[index % 11]
      let topic = "topic\((index / 11) % 10)"
      let band = Double((index / 110) % 30) * 100
      let month = Double((index / 3300) % 12 + 1)
      return Rule(
        id: "gen.\(index)", title: LocalizedText(["en": "r\(index)", "zh": "r\(index)"]), priority: 50 + index % 2,
        certainty: .should,
        condition: .all([
          test("variety", .equals(.symbol(variety))), test("elevation", .compare(.atLeast, band)),
          test("elevation", .compare(.below, band + 100)), test("month", .compare(.equals, month)),
        ]),
        conclusions: [.advise(topic: topic, text: LocalizedText(["en": "advice \(index)", "zh": "建议 \(index)"]))],
        because: LocalizedText(["en": "b", "zh": "b"]), sources: [Citation(reference: "generated")],
        location: SourceLocation(file: "gen.xml", line: index + 1, column: 3))
    }
    return RuleBase(vocabulary: vocabulary, rules: rules)
  }
}
