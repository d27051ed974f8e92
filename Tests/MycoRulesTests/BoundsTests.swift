import MycoDiagnostics
import Foundation
import MycoXML
import Testing

@testable import MycoRules

/// Every number a rule file or a vocabulary holds is bounded, so none can crash or hang the engine.
@Suite struct BoundsTests {
  typealias F = RuleFixture

  private static let body = "<when><fact name=\"crop\" is=\"a\"/></when><then>\(F.advise("t"))</then>"

  private static func rule(priority: String) -> String {
    F.document(F.rule("r1", Self.body)).replacingOccurrences(of: "priority=\"50\"", with: "priority=\"\(priority)\"")
  }

  @Test func theLowestIntegerAsAPriorityIsRefusedByTheSchemaWithItsPlace() {
    // Given the priority that crashed the engine (issue #10, item 9)
    let problems = F.problems(Self.rule(priority: "-9223372036854775808"))
    // Then the schema refuses it at the rule's start tag, naming the rule
    #expect(problems.map(\.kind) == [.xmlSchema])
    #expect(problems.first?.location?.description == "rules/r.xml:3:3")
    #expect(problems.first?.message.english.contains("-9223372036854775808") == true)
    #expect(problems.first?.rules == ["r1"])
  }

  @Test func thePriorityBoundsAreInclusive() throws {
    #expect(F.problems(Self.rule(priority: "0")).isEmpty)
    #expect(F.problems(Self.rule(priority: "1000")).isEmpty)
    #expect(F.problems(Self.rule(priority: "1001")).map(\.kind) == [.xmlSchema])
    #expect(F.problems(Self.rule(priority: "-1")).map(\.kind) == [.xmlSchema])
  }

  @Test func withoutTheSchemaTheLoaderRefusesAPriorityOutOfRange() {
    for priority in ["-9223372036854775808", "1001", "99999999999999999999999", "5.5"] {
      let problems = F.problemsWithoutSchema(Self.rule(priority: priority))
      #expect(problems.map(\.kind) == [.badNumber], "priority \(priority)")
      #expect(
        problems.first?.description
          == "rules/r.xml:3:3: error: rule 'r1': priority '\(priority)' is not a whole number from 0 to 1000")
    }
  }

  @Test func theEngineOrdersTheExtremePrioritiesOfRulesBuiltInCode() {
    // Given two rules built in code (not bounded by a loader) on one topic, at Int.min and Int.max
    let location = SourceLocation(file: "code", line: 1, column: 1)
    func rule(_ id: String, _ priority: Int) -> Rule {
      Rule(
        id: id, title: .init(["en": id]), priority: priority, certainty: .should,
        condition: .test(
          FactTest(fact: "crop", comparison: .equals(.symbol("a")), summary: "crop is a", location: location)),
        conclusions: [.advise(topic: "t", text: .init(["en": id]))], because: .init(["en": "b"]), sources: [],
        location: location)
    }
    let base = RuleBase(vocabulary: F.vocabulary, rules: [rule("low", .min), rule("high", .max)], version: "1")
    // When they both fire
    let evaluation = Engine(base).evaluate(["crop": Fact(.symbol("a"))])
    // Then the higher priority wins and nothing traps
    #expect(evaluation.advice.map(\.rule) == ["high"])
    #expect(evaluation.overridden.map(\.rule) == ["low"])
  }

  /// A vocabulary whose `height` is declared 0–9000 m.
  private static let declared = Vocabulary([
    FactDeclaration(
      name: "height", type: .number, dimension: .length, displayUnit: UnitOfMeasure.named("m"), minimum: 0,
      maximum: 9000,
      location: F.location),
    FactDeclaration(
      name: "ceiling", type: .number, dimension: .length, displayUnit: UnitOfMeasure.named("m"), minimum: 0,
      maximum: 9000,
      location: F.location),
  ])

  private static func test(_ attributes: String) -> String {
    F.document(F.rule("r1", "<when><fact name=\"height\" \(attributes)/></when><then>\(F.advise("t"))</then>"))
  }

  @Test func aNumberOutsideTheFactsDeclaredRangeIsRefusedWithItsPlace() {
    // Given a bound in the wrong unit: 18 km is meant as 18 m
    let problems = F.problemsWithoutSchema(Self.test("above=\"18\" unit=\"km\""), vocabulary: Self.declared)
    #expect(
      problems.map(\.description) == ["rules/r.xml:5:11: error: '18' is outside the range of 'height' (0 m to 9000 m)"])
    #expect(problems.first?.kind == .outOfRange)
    // And inside the range it loads
    #expect(F.problemsWithoutSchema(Self.test("above=\"9000\""), vocabulary: Self.declared).isEmpty)
    #expect(F.problemsWithoutSchema(Self.test("from=\"0\" to=\"9\" unit=\"km\""), vocabulary: Self.declared).isEmpty)
  }

  @Test func everyNumericAttributeIsBounded() {
    for attributes in [
      "below=\"-1\"", "at-least=\"1e300\"", "at-most=\"100000\"", "is=\"-0.5\"", "from=\"0\" to=\"10\" unit=\"km\"",
      "above-fact=\"ceiling\" by=\"9001\"", "above-fact=\"ceiling\" by=\"-9001\"",
    ] {
      let problems = F.problemsWithoutSchema(Self.test(attributes), vocabulary: Self.declared)
      #expect(problems.map(\.kind) == [.outOfRange], "\(attributes)")
    }
    #expect(
      F.problemsWithoutSchema(Self.test("above-fact=\"ceiling\" by=\"-9000\""), vocabulary: Self.declared).isEmpty)
  }

  @Test func aDerivedNumberIsBoundedToo() {
    let text = F.document(
      F.rule(
        "r1",
        "<when><fact name=\"ceiling\" above=\"1\"/></when><then><derive fact=\"height\" value=\"1000000\"/></then>"))
    #expect(F.problemsWithoutSchema(text, vocabulary: Self.declared).map(\.kind) == [.outOfRange])
  }

  @Test func aFactWithoutDeclaredRangeIsBoundedByTheNumberLimit() {
    // `length` (cm) declares no range: ±1e9 m is the limit, so 1e9 km (1e12 m) is refused
    let far = F.document(
      F.rule("r1", "<when><fact name=\"length\" above=\"1000000000\" unit=\"km\"/></when><then>\(F.advise("t"))</then>")
    )
    #expect(F.problems(far).map(\.kind) == [.outOfRange])
    // And the schema refuses a number of more than ten digits before any unit is applied
    let huge = F.document(
      F.rule(
        "r1",
        "<when><fact name=\"length\" above=\"\(String(repeating: "9", count: 400))\"/></when><then>\(F.advise("t"))</then>"
      ))
    #expect(F.problems(huge).map(\.kind) == [.xmlSchema])
    #expect(F.problemsWithoutSchema(huge).map(\.kind) == [.badNumber])
  }

  private static func vocabularyProblems(_ fact: String) -> [Diagnostic] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("myco-facts-\(UUID().uuidString).xml")
    defer { try? FileManager.default.removeItem(at: url) }
    let text =
      "<?xml version=\"1.0\"?>\n<vocabulary xmlns=\"urn:myco:vocabulary:1\" version=\"1\">\n\(fact)\n</vocabulary>\n"
    try? text.write(to: url, atomically: true, encoding: .utf8)
    do {
      _ = try VocabularyLoader(schema: nil).load(file: url, displayName: "facts.xml")
      return []
    } catch {
      return error.diagnostics
    }
  }

  @Test func vocabularyRangesAreFiniteBoundedAndInOrder() {
    func fact(_ range: String) -> String {
      "  <fact name=\"h\" type=\"number\" dimension=\"length\" unit=\"km\" \(range)><label lang=\"en\">H</label></fact>"
    }
    #expect(Self.vocabularyProblems(fact("min=\"0\" max=\"9\"")).isEmpty)
    #expect(
      Self.vocabularyProblems(fact("min=\"9\" max=\"0\"")).map(\.description)
        == ["facts.xml:3:3: error: fact 'h': min='9' is larger than max='0'"])
    #expect(Self.vocabularyProblems(fact("max=\"1e400\"")).map(\.kind) == [.outOfRange])
    #expect(Self.vocabularyProblems(fact("max=\"nan\"")).map(\.kind) == [.outOfRange])
    // 1e7 km is 1e10 m: beyond the number limit once converted
    #expect(Self.vocabularyProblems(fact("min=\"-10000000\"")).map(\.kind) == [.outOfRange])
  }
}
