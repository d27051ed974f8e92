import MycoRules
import Testing

@Suite struct ConflictPassTests {
  static let two = [
    rule(
      "c.cool", text: "Start now.", when: #"<fact name="variety" is="shiitake"/> <fact name="air-temp" at-most="25"/>"#),
    rule(
      "c.warm", text: "Wait.", when: #"<fact name="variety" in="shiitake oyster"/> <fact name="air-temp" above="20"/>"#),
  ]

  @Test func overlappingRulesWithDifferentAdvice() throws {
    // Given two timing rules at priority 50 that both hold for shiitake at 20–25 °C
    let fixture = try VerificationFixture(Self.two.joined())
    // When checked
    let findings = try fixture.check().findings
    // Then one conflict on the later rule, with a situation that triggers both
    #expect(findings.count == 1)
    let finding = try #require(findings.first)
    #expect(finding.kind == .conflict)
    #expect(finding.severity == .warning)
    #expect(finding.rules == ["c.cool", "c.warm"])
    #expect(finding.location.line == fixture.line(of: #"<rule id="c.warm""#))
    #expect(finding.witness.map(\.fact) == ["air-temp", "variety"])
    #expect(finding.witness.map(\.shown) == ["23 °C", "shiitake"])
  }

  @Test func differentPrioritiesDoNotConflict() throws {
    let fixture = try VerificationFixture(
      Self.two[0] + rule("c.warm", priority: 60, text: "Wait.", when: #"<fact name="air-temp" above="20"/>"#))
    #expect(try fixture.check().findings.isEmpty)
  }

  @Test func disjointRulesDoNotConflict() throws {
    let fixture = try VerificationFixture(
      Self.two[0] + rule("c.warm", text: "Wait.", when: #"<fact name="air-temp" above="25"/>"#))
    #expect(try fixture.check().findings.isEmpty)
  }

  @Test func sameTextDifferentCertaintyConflicts() throws {
    let fixture = try VerificationFixture(
      rule("c.one", certainty: "must", when: #"<fact name="stage" is="bagging"/>"#)
        + rule("c.two", certainty: "consider", when: #"<fact name="variety" is="oyster"/>"#))
    let findings = try fixture.check().findings
    #expect(findings.map(\.kind) == [.conflict])
    #expect(findings.first?.witness.map(\.shown) == ["bagging", "oyster"])
  }
}
