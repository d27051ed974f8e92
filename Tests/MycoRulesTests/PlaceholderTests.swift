import Testing

@testable import MycoRules

/// `{fact}` placeholders in advice texts must name facts of the vocabulary.
@Suite struct PlaceholderTests {
  typealias F = RuleFixture

  private static func rule(_ text: String) -> String {
    F.document(F.rule("r1", "<when><fact name=\"crop\" is=\"a\"/></when><then>\(F.advise("t", text))</then>"))
  }

  @Test func anUnknownFactInATextIsALoadErrorAtTheText() {
    let problems = F.problems(Self.rule("It is {no-such-fact} today, {temp} and {no-such-fact}."))
    #expect(problems.map(\.kind) == [.unknownPlaceholder, .unknownPlaceholder])
    // One per <text> element (zh and en), at the text's start tag
    #expect(
      problems.first?.description
        == "rules/r.xml:5:68: error: rule 'r1': placeholder '{no-such-fact}' names no fact of the vocabulary")
    #expect(problems.first?.rules == ["r1"])
  }

  @Test func severalUnknownFactsAreNamedTogether() {
    let problems = F.problems(Self.rule("{tmp} and {lenght}"))
    #expect(
      problems.first?.message.english == "rule 'r1': placeholders '{tmp}', '{lenght}' name no fact of the vocabulary")
  }

  @Test func knownFactsAndBracedWordsThatAreNoFactNamesLoad() throws {
    #expect(F.problems(Self.rule("At {temp}, {length} long; {注意} {Not A Name} { } {")).isEmpty)
  }

  @Test func piecesSplitTextAndFactNames() {
    #expect(
      Placeholder.pieces(of: "a {temp} b {x y} {{crop}} c")
        == [.literal("a "), .fact("temp"), .literal(" b {x y} {"), .fact("crop"), .literal("} c")])
    #expect(Placeholder.facts(in: "{temp}{crop}") == ["temp", "crop"])
    #expect(Placeholder.pieces(of: "no braces") == [.literal("no braces")])
    #expect(Placeholder.pieces(of: "open { only") == [.literal("open { only")])
  }
}
