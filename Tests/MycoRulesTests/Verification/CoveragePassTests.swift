import MycoDiagnostics
import MycoRules
import MycoXML
import Testing

@Suite struct CoveragePassTests {
  static let axes = CoverageAxes(
    rowName: "variety",
    rows: [
      .init(id: "oyster", constraints: ["variety": .symbols(["oyster"])]),
      .init(id: "shiitake", constraints: ["variety": .symbols(["shiitake"])]),
    ],
    topics: ["timing", "heat"], detailTopic: "timing",
    detailRows: [
      .init(
        id: "low",
        constraints: ["elevation": .interval(Interval(lower: 0, lowerOpen: false, upper: 500, upperOpen: true))]),
      .init(id: "high", constraints: ["elevation": .interval(Interval(lower: 500, lowerOpen: false))]),
    ],
    detailColumns: (1...12).map {
      .init(id: String($0), constraints: ["month": .interval(Interval(.equals, Double($0)))])
    },
    location: SourceLocation(file: "facts.xml", line: 3, column: 3))

  static let covering = [
    rule("g.timing", when: #"<fact name="month" from="1" to="12"/>"#),
    rule("g.heat-oyster", topic: "heat", when: #"<fact name="variety" is="oyster"/>"#),
    rule("g.heat-shiitake", topic: "heat.stacks", when: #"<fact name="variety" is="shiitake"/>"#),
  ]

  @Test func fullyCoveredBaseHasNoGaps() throws {
    let report = try VerificationFixture(Self.covering.joined()).check(VerificationContext(coverage: Self.axes))
    #expect(report.findings.isEmpty)
    #expect(report.coverage?.rows.map(\.covered) == [["timing", "heat"], ["timing", "heat"]])
  }

  @Test func missingTopicIsOneGap() throws {
    // Given no heat rule for shiitake
    let report = try VerificationFixture(Self.covering[0] + Self.covering[1]).check(
      VerificationContext(coverage: Self.axes))
    // Then one info finding naming shiitake and heat, at the axis declaration
    #expect(report.findings.count == 1)
    #expect(report.findings.first?.kind == .gap)
    #expect(report.findings.first?.severity == .info)
    #expect(report.findings.first?.message.english == "variety shiitake: no rule gives advice on heat")
    #expect(report.findings.first?.location.line == 3)
    #expect(report.hasErrors == false)
  }

  @Test func timingGapByBandAndMonth() throws {
    // Given timing only for months 9–11 below 500 m (and all year above)
    let timing =
      rule("g.timing-low", when: #"<fact name="elevation" below="500"/> <fact name="month" from="9" to="11"/>"#)
      + rule("g.timing-high", text: "High.", when: #"<fact name="elevation" at-least="500"/>"#)
    let report = try VerificationFixture(timing + Self.covering[1] + Self.covering[2]).check(
      VerificationContext(coverage: Self.axes))
    let gaps = report.findings.map(\.message.english)
    #expect(
      gaps == [
        "variety oyster, low: no timing rule covers months 1 2 3 4 5 6 7 8 12",
        "variety shiitake, low: no timing rule covers months 1 2 3 4 5 6 7 8 12",
      ])
    #expect(report.coverage?.detailRows.first { $0.row == "oyster" && $0.detail == "high" }?.gaps == [])
  }
}
