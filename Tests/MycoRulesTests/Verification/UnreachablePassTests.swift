import MycoRules
import Testing

@Suite struct UnreachablePassTests {
  @Test func contradictoryRangesOnOneFact() throws {
    // Given a rule that needs elevation below 100 m and above 500 m
    let fixture = try VerificationFixture(
      rule("a.ok", when: #"<fact name="variety" is="shiitake"/>"#)
        + rule(
          "a.never", text: "Never.",
          when: #"<fact name="elevation" below="100"/> <fact name="elevation" above="500" unit="m"/>"#))
    // When it is checked
    let findings = try fixture.check().findings
    // Then exactly that rule is unreachable, at the test that closes the range
    #expect(findings.count == 1)
    #expect(findings.first?.kind == .unreachable)
    #expect(findings.first?.severity == .error)
    #expect(findings.first?.rules == ["a.never"])
    #expect(findings.first?.location.line == fixture.line(of: #"above="500""#))
    #expect(findings.first?.message.english.contains("elevation < 100 m and elevation > 500 m") == true)
  }

  @Test func valueOutsideTheDeclaredRange() throws {
    let fixture = try VerificationFixture(rule("a.month-13", when: #"<fact name="month" above="12"/>"#))
    let findings = try fixture.check().findings
    #expect(findings.map(\.kind) == [.unreachable])
    #expect(findings.first?.rules == ["a.month-13"])
    #expect(findings.first?.location.line == fixture.line(of: #"above="12""#))
    #expect(findings.first?.message.english.contains("outside the allowed range of month (1 – 12)") == true)
  }

  @Test func monthOutsideTheVarietyCalendar() throws {
    // Given shiitake months 8–11 and a shiitake rule for June
    let context = VerificationContext(links: [
      FactLink(
        fact: "variety", value: "shiitake", linkedFact: "month",
        allowed: [Interval(lower: 8, lowerOpen: false, upper: 11, upperOpen: false)],
        name: .init(zh: "月历", en: "calendar"))
    ])
    let fixture = try VerificationFixture(
      rule("a.june", when: #"<fact name="variety" is="shiitake"/> <fact name="month" is="6"/>"#)
        + rule("a.june-oyster", when: #"<fact name="variety" is="oyster"/> <fact name="month" is="6"/>"#))
    let findings = try fixture.check(context).findings
    #expect(findings.map(\.rules) == [["a.june"]])
    #expect(findings.first?.location.line == fixture.line(of: #"<fact name="month" is="6"/>"#))
  }

  @Test func undecidableNotIsNotClaimed() throws {
    // A fact-to-fact test under `not` cannot be represented: no claim, even with a tight range.
    let fixture = try VerificationFixture(
      rule(
        "a.not",
        when:
          #"<not><fact name="bag-temp" above-fact="air-temp" by="5"/></not> <fact name="air-temp" from="20" to="20"/>"#)
    )
    #expect(try fixture.check().findings.isEmpty)
  }

  @Test func decidableNotIsComplemented() throws {
    // not (stage is bagging) and stage is bagging: never.
    let fixture = try VerificationFixture(
      rule("a.not-stage", when: #"<not><fact name="stage" is="bagging"/></not> <fact name="stage" in="bagging"/>"#))
    let findings = try fixture.check().findings
    #expect(findings.map(\.kind) == [.unreachable])
    #expect(findings.first?.rules == ["a.not-stage"])
  }

  @Test func anyNeedsEveryAlternativeEmpty() throws {
    let fixture = try VerificationFixture(
      rule("a.any", when: #"<any><fact name="month" above="12"/><fact name="month" is="3"/></any>"#))
    #expect(try fixture.check().findings.isEmpty)
  }
}
