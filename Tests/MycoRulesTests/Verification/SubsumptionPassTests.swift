import MycoRules
import Testing

@Suite struct SubsumptionPassTests {
  @Test func narrowerRuleWithTheSameAdviceIsSubsumed() throws {
    // Given a wide rule and a narrower one with the same advice, certainty and priority
    let fixture = try VerificationFixture(
      rule("s.wide", when: #"<fact name="variety" is="shiitake"/>"#)
        + rule("s.narrow", when: #"<fact name="variety" is="shiitake"/> <fact name="elevation" from="500" to="1000"/>"#)
    )
    // When checked
    let findings = try fixture.check().findings
    // Then the narrow one is reported, pointing at the wide one
    #expect(findings.count == 1)
    #expect(findings.first?.kind == .subsumed)
    #expect(findings.first?.rules == ["s.narrow", "s.wide"])
    #expect(findings.first?.location.line == fixture.line(of: #"<rule id="s.narrow""#))
  }

  @Test func duplicateIsRedundant() throws {
    let fixture = try VerificationFixture(
      rule("s.first", when: #"<fact name="stage" in="bagging spawn-run"/>"#)
        + rule("s.second", when: #"<fact name="stage" in="spawn-run bagging"/>"#))
    let findings = try fixture.check().findings
    #expect(findings.map(\.kind) == [.redundant])
    #expect(findings.first?.rules == ["s.second", "s.first"])
    #expect(findings.first?.location.line == fixture.line(of: #"<rule id="s.second""#))
  }

  @Test func differentAdviceIsNotSubsumed() throws {
    let fixture = try VerificationFixture(
      rule("s.wide", priority: 40, when: #"<fact name="variety" is="shiitake"/>"#)
        + rule(
          "s.narrow", priority: 60, text: "Other.",
          when: #"<fact name="variety" is="shiitake"/> <fact name="month" is="8"/>"#))
    #expect(try fixture.check().findings.isEmpty)
  }

  @Test func undecidableNotInTheWiderRuleIsNotClaimed() throws {
    let fixture = try VerificationFixture(
      rule(
        "s.wide",
        when: #"<fact name="variety" is="shiitake"/> <not><fact name="bag-temp" above-fact="air-temp"/></not>"#)
        + rule("s.narrow", when: #"<fact name="variety" is="shiitake"/> <fact name="month" is="8"/>"#))
    #expect(try fixture.check().findings.isEmpty)
  }
}
