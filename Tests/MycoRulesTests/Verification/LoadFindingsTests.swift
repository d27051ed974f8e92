import MycoDiagnostics
import MycoDiagnostics
import Foundation
import MycoRules
import Testing

/// Schema and reference errors, duplicate ids and cycles: the loader refuses the base, and check
/// reports each planted problem as exactly one finding with the rule id and place.
@Suite struct LoadFindingsTests {
  private func expectOne(
    _ rules: String, kind: Diagnostic.Kind, rule id: String, at marker: String, occurrence: Int = 1,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let fixture = try VerificationFixture(rule("ok.rule", when: #"<fact name="variety" is="oyster"/>"#) + rules)
    let report = try fixture.check()
    #expect(
      report.findings.count == 1, "\(report.findings.map { $0.line(language: .en) })", sourceLocation: sourceLocation)
    let finding = try #require(report.findings.first, sourceLocation: sourceLocation)
    #expect(finding.kind == kind, sourceLocation: sourceLocation)
    #expect(finding.severity == .error, sourceLocation: sourceLocation)
    #expect(finding.rules == [id], sourceLocation: sourceLocation)
    #expect(finding.location.file == "rules.xml", sourceLocation: sourceLocation)
    #expect(finding.location.line == fixture.line(of: marker, occurrence: occurrence), sourceLocation: sourceLocation)
    #expect(report.hasErrors, sourceLocation: sourceLocation)
  }

  @Test func unknownFact() throws {
    try expectOne(
      rule("r.bad", when: #"<fact name="altitude" above="100"/>"#), kind: .unknownFact, rule: "r.bad", at: "altitude")
  }

  @Test func unknownValue() throws {
    try expectOne(
      rule("r.bad", when: #"<fact name="variety" is="enoki"/>"#), kind: .unknownValue, rule: "r.bad", at: "enoki")
  }

  @Test func wrongUnitDimension() throws {
    try expectOne(
      rule("r.bad", when: #"<fact name="elevation" from="1" to="2" unit="kg"/>"#), kind: .wrongUnit, rule: "r.bad",
      at: #"unit="kg""#)
  }

  @Test func duplicateID() throws {
    try expectOne(
      rule("ok.rule", when: #"<fact name="variety" is="shiitake"/>"#), kind: .duplicateID, rule: "ok.rule",
      at: #"<rule id="ok.rule""#, occurrence: 2)
  }

  @Test func missingSource() throws {
    try expectOne(
      rule("r.bad", when: #"<fact name="month" is="3"/>"#, source: ""), kind: .missingSource, rule: "r.bad",
      at: #"<rule id="r.bad""#)
  }

  @Test func missingEnglishText() throws {
    let text = rule("r.bad", when: #"<fact name="month" is="3"/>"#).replacingOccurrences(
      of: "<text lang=\"en\">Wait.</text>", with: "")
    try expectOne(text, kind: .missingText, rule: "r.bad", at: #"<advise topic="timing">"#, occurrence: 2)
  }

  @Test func cycleAmongDerivedFacts() throws {
    let rules =
      rule("r.risk", when: #"<fact name="alarm" is="on"/>"#, then: #"<derive fact="risk" value="high"/>"#)
      + rule("r.alarm", when: #"<fact name="risk" is="high"/>"#, then: #"<derive fact="alarm" value="on"/>"#)
    let fixture = try VerificationFixture(rules)
    let findings = try fixture.check().findings
    #expect(findings.map(\.kind) == [.cycle])
    #expect(findings.first?.rules == ["r.risk", "r.alarm"])
    #expect(findings.first?.location.line == fixture.line(of: #"<rule id="r.risk""#))
  }
}
