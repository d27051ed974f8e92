import Testing

@testable import MycoRules

@Suite struct EngineTests {
  typealias F = RuleFixture

  private func evaluate(_ base: RuleBase, _ facts: [String: Value]) -> Evaluation {
    Engine(base).evaluate(facts.mapValues { Fact($0) })
  }

  @Test func forwardChainingReachesAFixpoint() throws {
    // Given a rule that derives `risk` and a rule that reads it
    let base = try F.load(
      F.document(
        F.rule(
          "reads-risk", priority: 90, "<when><fact name=\"risk\" is=\"high\"/></when><then>\(F.advise("care"))</then>"),
        F.rule(
          "derives-risk",
          "<when><fact name=\"temp\" above=\"25\"/></when><then><derive fact=\"risk\" value=\"high\"/></then>")))
    // When it is hot
    let result = evaluate(base, ["temp": .number(30)])
    // Then the derived fact fires the second rule, even though it has higher priority and was tried first
    #expect(result.fired.map(\.rule) == ["derives-risk", "reads-risk"])
    #expect(result.facts["risk"] == Fact(.symbol("high"), origin: .derived(rule: "derives-risk")))
    #expect(result.advice.map(\.rule) == ["reads-risk"])
  }

  @Test func missingFactsAreUnknownNotFalse() throws {
    let base = try F.load(
      F.document(
        F.rule(
          "hot",
          "<when><fact name=\"crop\" is=\"a\"/><fact name=\"temp\" above=\"25\"/></when><then>\(F.advise("t"))</then>"),
        F.rule("not-hot", "<when><not><fact name=\"temp\" above=\"25\"/></not></when><then>\(F.advise("u"))</then>")))
    let result = evaluate(base, ["crop": .symbol("a")])
    #expect(result.fired.isEmpty)
    #expect(result.failed.isEmpty)
    #expect(result.undecided["hot"] == ["temp"])
    #expect(result.missing == [MissingFact(fact: "temp", rules: ["hot", "not-hot"])])
  }

  @Test func falseShortCircuitsUnknown() throws {
    let base = try F.load(
      F.document(
        F.rule(
          "hot-b",
          "<when><fact name=\"crop\" is=\"b\"/><fact name=\"temp\" above=\"25\"/></when><then>\(F.advise("t"))</then>"))
    )
    let result = evaluate(base, ["crop": .symbol("a")])
    #expect(result.failed.map(\.rule) == ["hot-b"])
    #expect(result.failed.first?.test == "crop is b")
    #expect(result.missing.isEmpty)
  }

  @Test func conflictsResolveByPriorityThenSpecificity() throws {
    // Given three rules advising on one topic
    let base = try F.load(
      F.document(
        F.rule("general", "<when><fact name=\"crop\" is=\"a\"/></when><then>\(F.advise("timing", "general"))</then>"),
        F.rule(
          "specific",
          "<when><fact name=\"crop\" is=\"a\"/><fact name=\"temp\" above=\"20\"/></when><then>\(F.advise("timing", "specific"))</then>"
        ),
        F.rule(
          "urgent", priority: 80,
          "<when><fact name=\"temp\" above=\"28\"/></when><then>\(F.advise("timing", "urgent"))</then>")))
    // When only the first two fire, the more specific wins
    let warm = evaluate(base, ["crop": .symbol("a"), "temp": .number(22)])
    #expect(warm.advice.map(\.rule) == ["specific"])
    #expect(warm.overridden.map(\.rule) == ["general"])
    #expect(warm.overridden.first?.overriddenBy == "specific")
    // When all three fire, priority beats specificity, and both losers are kept
    let hot = evaluate(base, ["crop": .symbol("a"), "temp": .number(30)])
    #expect(hot.advice.map(\.rule) == ["urgent"])
    #expect(Set(hot.overridden.map(\.rule)) == ["general", "specific"])
    #expect(hot.outcome(of: "general") == .overridden(by: "urgent"))
  }

  @Test func warningsAreNeverOverridden() throws {
    let warn = "<warn topic=\"heat\"><text lang=\"zh\">热</text><text lang=\"en\">hot</text></warn>"
    let base = try F.load(
      F.document(
        F.rule("w1", "<when><fact name=\"temp\" above=\"20\"/></when><then>\(warn)</then>"),
        F.rule("w2", priority: 90, "<when><fact name=\"temp\" above=\"25\"/></when><then>\(warn)</then>")))
    #expect(evaluate(base, ["temp": .number(30)]).warnings.map(\.rule) == ["w2", "w1"])
  }

  @Test func unitsAreConvertedAtLoad() throws {
    let base = try F.load(
      F.document(
        F.rule("long", "<when><fact name=\"length\" at-least=\"550\" unit=\"mm\"/></when><then>\(F.advise("t"))</then>")
      ))
    // Lengths are stored in metres: 55 cm = 550 mm.
    #expect(evaluate(base, ["length": .number(0.55)]).fired.map(\.rule) == ["long"])
    #expect(evaluate(base, ["length": .number(0.54)]).fired.isEmpty)
  }

  @Test func factToFactComparisonWithOffset() throws {
    let base = try F.load(
      F.document(
        F.rule("warmer", "<when><fact name=\"temp\" above-fact=\"room\" by=\"3\"/></when><then>\(F.advise("t"))</then>")
      ))
    #expect(evaluate(base, ["temp": .number(28), "room": .number(24)]).fired.map(\.rule) == ["warmer"])
    #expect(evaluate(base, ["temp": .number(27), "room": .number(24)]).fired.isEmpty)
    #expect(evaluate(base, ["temp": .number(28)]).undecided["warmer"] == ["room"])
  }

  @Test func setsFlagsRangesAndAny() throws {
    let base = try F.load(
      F.document(
        F.rule("spots", "<when><fact name=\"seen\" has=\"spots\"/></when><then>\(F.advise("a"))</then>"),
        F.rule("wet", "<when><fact name=\"wet\" is=\"true\"/></when><then>\(F.advise("b"))</then>"),
        F.rule("mild", "<when><fact name=\"temp\" from=\"10\" to=\"20\"/></when><then>\(F.advise("c"))</then>"),
        F.rule(
          "either",
          "<when><any><fact name=\"crop\" in=\"b\"/><fact name=\"wet\" is=\"true\"/></any></when><then>\(F.advise("d"))</then>"
        )))
    let result = evaluate(
      base, ["seen": .set(["spots"]), "wet": .flag(true), "temp": .number(20), "crop": .symbol("a")])
    #expect(Set(result.fired.map(\.rule)) == ["spots", "wet", "mild", "either"])
    let either = result.fired.first { $0.rule == "either" }
    #expect(either?.matched.map(\.fact) == ["wet"])
  }

  @Test func eachRuleFiresOnceAndOutputIsDeterministic() throws {
    let base = try F.load(
      F.document(
        F.rule(
          "d1",
          "<when><fact name=\"temp\" above=\"0\"/></when><then><derive fact=\"risk\" value=\"high\"/>\(F.advise("x"))</then>"
        ),
        F.rule(
          "d2", "<when><fact name=\"risk\" is=\"high\"/></when><then><derive fact=\"level\" value=\"two\"/></then>")))
    let first = evaluate(base, ["temp": .number(5)])
    let second = evaluate(base, ["temp": .number(5)])
    #expect(first.fired == second.fired)
    #expect(first.fired.map(\.rule) == ["d1", "d2"])
  }

  @Test func whyNotExplainsEachOutcome() throws {
    let base = try F.load(
      F.document(
        F.rule("fires", "<when><fact name=\"crop\" is=\"a\"/></when><then>\(F.advise("x"))</then>"),
        F.rule("fails", "<when><fact name=\"crop\" is=\"b\"/></when><then>\(F.advise("y"))</then>"),
        F.rule("waits", "<when><fact name=\"temp\" below=\"5\"/></when><then>\(F.advise("z"))</then>")))
    let result = evaluate(base, ["crop": .symbol("a")])
    #expect(result.outcome(of: "fires") == .fired)
    #expect(
      result.outcome(of: "fails")
        == .failed(Failure(rule: "fails", test: "crop is b", fact: "crop", seen: .symbol("a"))))
    #expect(result.outcome(of: "waits") == .undecided(missing: ["temp"]))
    #expect(result.outcome(of: "nope") == nil)
  }

  @Test func manyRulesReadingOneDerivedFactAllFireOrFail() throws {
    // Given one rule deriving `risk` and 300 rules reading it, half of them for a value it does not get
    let readers = (0..<300).map { index in
      F.rule(
        String(format: "reader-%03d", index),
        "<when><fact name=\"risk\" is=\"\(index.isMultiple(of: 2) ? "high" : "low")\"/></when><then>\(F.advise("t\(index)"))</then>"
      )
    }
    let deriver = F.rule(
      "deriver", "<when><fact name=\"temp\" above=\"25\"/></when><then><derive fact=\"risk\" value=\"high\"/></then>")
    let base = try F.load(F.document(([deriver] + readers).joined(separator: "\n")))
    // When it is hot, every reader is decided once `risk` is derived
    let result = evaluate(base, ["temp": .number(30)])
    let high = (0..<300).filter { $0.isMultiple(of: 2) }.map { String(format: "reader-%03d", $0) }
    let low = (0..<300).filter { !$0.isMultiple(of: 2) }.map { String(format: "reader-%03d", $0) }
    #expect(result.fired.map(\.rule) == ["deriver"] + high)
    #expect(result.failed == low.map { Failure(rule: $0, test: "risk is low", fact: "risk", seen: .symbol("high")) })
    #expect(result.undecided.isEmpty)
    // And when it is not, every reader waits for `risk`
    let cool = evaluate(base, ["temp": .number(20)])
    #expect(cool.fired.isEmpty)
    #expect(cool.missing == [MissingFact(fact: "risk", rules: (high + low).sorted())])
  }

  @Test func compiledConditionsAgreeWithTheConditionTree() throws {
    let conditions = [
      "<fact name=\"crop\" is=\"a\"/>", "<fact name=\"crop\" in=\"a b\"/>", "<fact name=\"seen\" has=\"flies\"/>",
      "<fact name=\"wet\" is=\"false\"/>", "<fact name=\"temp\" from=\"10\" to=\"20\"/>",
      "<fact name=\"temp\" above-fact=\"room\" by=\"3\"/>", "<not><fact name=\"crop\" is=\"b\"/></not>",
      "<any><fact name=\"crop\" is=\"b\"/><fact name=\"temp\" below=\"5\"/></any>",
      "<fact name=\"crop\" is=\"a\"/><not><any><fact name=\"wet\" is=\"true\"/><fact name=\"seen\" has=\"spots\"/></any></not>",
    ]
    let base = try F.load(
      F.document(
        conditions.enumerated().map { index, condition in
          F.rule("c\(index)", "<when>\(condition)</when><then>\(F.advise("t\(index)"))</then>")
        }.joined(separator: "\n")))
    let situations: [[String: Value]] = [
      [:],
      [
        "crop": .symbol("a"), "seen": .set(["flies", "unheard-of"]), "wet": .flag(false), "temp": .number(15),
        "room": .number(11),
      ],
      ["crop": .symbol("b"), "seen": .set(["spots"]), "wet": .flag(true), "temp": .number(4), "room": .number(2)],
      ["crop": .symbol("c"), "seen": .set([]), "temp": .number(20)],
    ]
    for facts in situations {
      var values = [Value?](repeating: nil, count: base.slotNames.count)
      for (name, value) in facts { values[base.slotOf[name]!] = value }
      let known = values.map { base.conditions.known($0) }
      for (index, rule) in base.rules.enumerated() {
        let compiled = base.conditions.truth(Int(base.conditions.roots[index]), known, values)
        #expect(compiled == Engine.truth(of: rule.condition, values), "\(rule.id) over \(facts)")
      }
    }
    // Failures name the first false test; a `not` names its first test
    let result = evaluate(base, situations[2])
    #expect(
      result.outcome(of: "c6")
        == .failed(Failure(rule: "c6", test: "not (crop is b)", fact: "crop", seen: .symbol("b"))))
    #expect(
      result.outcome(of: "c8")
        == .failed(Failure(rule: "c8", test: "crop is a", fact: "crop", seen: .symbol("b"))))
  }
}
