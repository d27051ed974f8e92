import MycoDiagnostics
import Testing

@testable import MycoRules

@Suite struct RuleLoaderTests {
  typealias F = RuleFixture

  @Test func aLargeFileParsedInChunksKeepsItsRulesAndMessagesInFileOrder() throws {
    // Given one file with more rules than one chunk holds, every 97th naming an unknown fact
    let count = RuleLoader.rulesPerChunk * 4 + 17
    let rules = (0..<count).map { index in
      F.rule(
        "r\(index)",
        "<when><fact name=\"\(index % 97 == 0 ? "nope" : "wet")\" is=\"true\"/></when><then>\(F.advise("t"))</then>")
    }
    let text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rules xmlns=\"urn:myco:rules:1\" id=\"t\" version=\"1\">\n"
      + rules.joined(separator: "\n") + "\n</rules>\n"
    // Then every message comes, in the file's order, once
    let problems = F.problems(text)
    #expect(problems.map { $0.rules } == stride(from: 0, to: count, by: 97).map { ["r\($0)"] })
    let lines = problems.compactMap { $0.location?.line }
    #expect(lines == lines.sorted() && problems.count == (count + 96) / 97)
    // And without the broken rules, all of them load, each once
    let clean = text.replacingOccurrences(of: "name=\"nope\"", with: "name=\"wet\"")
    let base = try F.load(clean)
    #expect(Set(base.rules.map(\.id)) == Set((0..<count).map { "r\($0)" }) && base.rules.count == count)
  }

  @Test func permuteInPlaceGivesEachPositionItsSource() {
    // RuleBase puts rules into evaluation order by swaps; every permutation must come out as
    // `order.map { elements[$0] }`, including cycles of every length and the identity.
    var generator = SystemRandomNumberGenerator()
    for count in [0, 1, 2, 3, 7, 100] {
      for _ in 0..<20 {
        let elements = (0..<count).map { "rule-\($0)" }
        let order = Array(0..<count).shuffled(using: &generator)
        var permuted = elements
        RuleBase.permute(&permuted, into: order)
        #expect(permuted == order.map { elements[$0] })
      }
    }
  }

  @Test func unknownFactIsAnErrorAtTheTest() {
    let problems = F.problems(
      F.document(F.rule("r1", "<when><fact name=\"tmp\" above=\"1\"/></when><then>\(F.advise("t"))</then>")))
    #expect(problems.count == 1)
    #expect(problems.first?.kind == .unknownFact)
    #expect(problems.first?.rules == ["r1"])
    #expect(problems.first?.description == "rules/r.xml:5:11: error: unknown fact 'tmp'")
  }

  @Test func unknownValueNamesTheAllowedOnes() {
    let problems = F.problems(
      F.document(F.rule("r1", "<when><fact name=\"crop\" is=\"c\"/></when><then>\(F.advise("t"))</then>")))
    #expect(problems.map(\.kind) == [.unknownValue])
    #expect(problems.first?.message.english == "'c' is not a value of fact 'crop' (allowed: a, b)")
  }

  @Test func wrongUnitDimensionIsAnError() {
    let problems = F.problems(
      F.document(
        F.rule("r1", "<when><fact name=\"temp\" above=\"5\" unit=\"cm\"/></when><then>\(F.advise("t"))</then>")))
    #expect(problems.map(\.kind) == [.wrongUnit])
    #expect(problems.first?.message.english == "unit 'cm' measures length, but 'temp' is a temperature")
  }

  @Test func unknownUnitIsAnError() {
    #expect(
      F.problems(
        F.document(
          F.rule("r1", "<when><fact name=\"temp\" above=\"5\" unit=\"F\"/></when><then>\(F.advise("t"))</then>"))
      ).map(\.kind) == [.unknownUnit])
  }

  @Test func duplicateIdAcrossFilesIsAnError() {
    let one = F.document(F.rule("same", "<when><fact name=\"crop\" is=\"a\"/></when><then>\(F.advise("t"))</then>"))
    do {
      _ = try F.load(["a.xml": one, "b.xml": one])
      Issue.record("expected a duplicate-id error")
    } catch {
      #expect(error.diagnostics.map(\.kind) == [.duplicateID])
      #expect(error.diagnostics.first?.location?.file == "rules/b.xml")
      #expect(error.diagnostics.first?.message.english == "rule id 'same' is already used at rules/a.xml:3:3")
    }
  }

  @Test func missingEnglishTextIsAnError() {
    let text = F.document(
      F.rule(
        "r1",
        "<when><fact name=\"crop\" is=\"a\"/></when><then><advise topic=\"t\"><text lang=\"zh\">只有中文</text></advise></then>"
      ))
    #expect(F.problems(text).map(\.kind) == [.missingText])
  }

  @Test func missingSourceIsAnError() {
    let text = F.document(F.rule("r1", "<when><fact name=\"crop\" is=\"a\"/></when><then>\(F.advise("t"))</then>"))
      .replacingOccurrences(of: "<source ref=\"test\"/>", with: "")
    let problems = F.problems(text)
    #expect(problems.map(\.kind) == [.missingSource])
    #expect(problems.first?.message.english == "rule 'r1' needs a <source ref=…> for its advice")
  }

  @Test func schemaViolationIsReportedWithLine() {
    let text = F.document(
      F.rule("r1", certainty: "maybe", "<when><fact name=\"crop\" is=\"a\"/></when><then>\(F.advise("t"))</then>"))
    let problems = F.problems(text)
    #expect(problems.map(\.kind) == [.xmlSchema])
    #expect(problems.first?.location?.line == 3)
    #expect(problems.first?.message.english.contains("maybe") == true)
  }

  @Test func malformedXMLIsReportedWithLineAndColumn() {
    let problems = F.problems("<rules xmlns=\"urn:myco:rules:1\" id=\"t\" version=\"1\">\n<rule>\n</rules>")
    #expect(problems.map(\.kind) == [.xmlMalformed])
    #expect(problems.first?.location?.line == 3)
  }

  @Test func derivationCycleIsRefused() {
    let problems = F.problems(
      F.document(
        F.rule(
          "up", "<when><fact name=\"risk\" is=\"high\"/></when><then><derive fact=\"level\" value=\"two\"/></then>"),
        F.rule(
          "down", "<when><fact name=\"level\" is=\"two\"/></when><then><derive fact=\"risk\" value=\"high\"/></then>")))
    #expect(problems.map(\.kind) == [.cycle])
    #expect(Set(problems.first?.rules ?? []) == ["up", "down"])
  }

  @Test func nothingLoadsWhenOneFileIsBad() {
    let good = F.document(F.rule("good", "<when><fact name=\"crop\" is=\"a\"/></when><then>\(F.advise("t"))</then>"))
    #expect(throws: Diagnostics.self) { try F.load(["a.xml": good, "b.xml": "<rules"]) }
  }
}
