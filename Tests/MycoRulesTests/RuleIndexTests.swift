import Testing

@testable import MycoRules

/// The rule index (`RuleIndex`) must leave out only rules the engine would find false: each test
/// checks which key a rule got, then that the indexed engine gives what trying every rule gives.
@Suite struct RuleIndexTests {
  typealias F = RuleFixture

  private func advise(_ id: String, priority: Int = 50, _ when: String, then: String = "") -> String {
    F.rule(id, priority: priority, "<when>\(when)</when><then>\(then)\(F.advise("t-\(id)"))</then>")
  }

  /// The fact each rule is keyed on (nil: always tried), by rule id.
  private func keys(_ base: RuleBase) -> [String: String?] {
    var keys: [String: String?] = [:]
    for rule in base.ruleIndex.always { keys[base.rules[Int(rule)].id] = .some(nil) }
    for key in base.ruleIndex.keys {
      for rule in key.rules { keys[base.rules[Int(rule)].id] = base.slotNames[key.slot] }
    }
    return keys
  }

  /// Evaluates with and without the index, expects the same everything, and returns the indexed result.
  private func evaluate(
    _ base: RuleBase, _ facts: [String: Value], sourceLocation: SourceLocation = #_sourceLocation
  ) -> Evaluation {
    let given = facts.mapValues { Fact($0) }
    let indexed = Engine(base).evaluate(given, indexed: true)
    let every = Engine(base).evaluate(given, indexed: false)
    #expect(indexed.fired == every.fired, "\(facts)", sourceLocation: sourceLocation)
    #expect(indexed.failed == every.failed, "\(facts)", sourceLocation: sourceLocation)
    #expect(indexed.undecided == every.undecided, "\(facts)", sourceLocation: sourceLocation)
    #expect(indexed.missing == every.missing, "\(facts)", sourceLocation: sourceLocation)
    #expect(indexed.advice == every.advice, "\(facts)", sourceLocation: sourceLocation)
    #expect(indexed.warnings == every.warnings, "\(facts)", sourceLocation: sourceLocation)
    #expect(indexed.overridden == every.overridden, "\(facts)", sourceLocation: sourceLocation)
    #expect(indexed.facts == every.facts, "\(facts)", sourceLocation: sourceLocation)
    return indexed
  }

  @Test func aRuleKeyedOnADerivedFactStillFires() throws {
    // Given rules keyed on `risk`, before and after the rule that derives it
    let base = try F.load(
      F.document(
        advise("high-early", priority: 90, "<fact name=\"risk\" is=\"high\"/><fact name=\"temp\" above=\"20\"/>"),
        advise("low-early", priority: 90, "<fact name=\"risk\" is=\"low\"/>"),
        F.rule(
          "deriver",
          "<when><fact name=\"temp\" above=\"25\"/></when><then><derive fact=\"risk\" value=\"high\"/></then>"
        ),
        advise("high-late", priority: 10, "<fact name=\"risk\" is=\"high\"/>"),
        advise("low-late", priority: 10, "<fact name=\"risk\" is=\"low\"/>")))
    #expect(keys(base)["high-early"] == "risk")
    #expect(keys(base)["high-late"] == "risk")
    // When it is hot, `risk` is derived in the first pass: the later rule fires in that pass,
    // the earlier one (tried while `risk` was unknown) in the next
    let hot = evaluate(base, ["temp": .number(30)])
    #expect(hot.fired.map(\.rule) == ["deriver", "high-late", "high-early"])
    #expect(hot.failed.map(\.rule) == ["low-early", "low-late"])
    // And when it is not, the keyed rules wait for `risk`
    let cool = evaluate(base, ["temp": .number(22)])
    #expect(cool.fired.isEmpty)
    #expect(cool.missing == [MissingFact(fact: "risk", rules: ["high-early", "high-late", "low-early", "low-late"])])
    // And a given `risk` is read as given (the deriver fires but derives nothing)
    #expect(
      evaluate(base, ["temp": .number(30), "risk": .symbol("low")]).fired.map(\.rule)
        == ["low-early", "deriver", "low-late"])
  }

  @Test func aValueUnderAnyOrNotIsNoKey() throws {
    // Given rules testing `crop` only under `any` or `not`, beside rules keyed on it
    let base = try F.load(
      F.document(
        advise("is-a", "<fact name=\"crop\" is=\"a\"/>"),
        advise("is-b", "<fact name=\"crop\" is=\"b\"/>"),
        advise("either", "<any><fact name=\"crop\" is=\"b\"/><fact name=\"wet\" is=\"true\"/></any>"),
        advise("not-b", "<not><fact name=\"crop\" is=\"b\"/></not>"),
        advise("warm-not-b", "<fact name=\"temp\" above=\"5\"/><not><any><fact name=\"crop\" is=\"b\"/></any></not>")))
    #expect(keys(base)["is-a"] == "crop")
    #expect(keys(base)["either"] == .some(nil))
    #expect(keys(base)["not-b"] == .some(nil))
    #expect(keys(base)["warm-not-b"] == .some(nil))
    // When the crop is a and it is wet, the rules under `any` and `not` fire
    let result = evaluate(base, ["crop": .symbol("a"), "wet": .flag(true), "temp": .number(10)])
    #expect(result.fired.map(\.rule) == ["either", "is-a", "not-b", "warm-not-b"])
    #expect(result.failed.map(\.rule) == ["is-b"])
  }

  @Test func membershipKeysAndValuesNoKeyAccepts() throws {
    // Given a rule keyed on `crop in a`, one on `crop is b`, and one whose `in` accepts every value tested
    let base = try F.load(
      F.document(
        advise("in-a", "<fact name=\"crop\" in=\"a\"/><fact name=\"wet\" is=\"true\"/>"),
        advise("is-b", "<fact name=\"crop\" is=\"b\"/>"),
        advise("in-all", "<fact name=\"crop\" in=\"a b\"/>")))
    let expected: [String: String?] = ["in-a": "crop", "is-b": "crop", "in-all": String?.none]
    #expect(keys(base) == expected)
    #expect(evaluate(base, ["crop": .symbol("a"), "wet": .flag(true)]).fired.map(\.rule) == ["in-a", "in-all"])
    // A symbol no rule names, a number given for a choice, and an unknown crop
    let other = evaluate(base, ["crop": .symbol("c"), "wet": .flag(true)])
    #expect(other.fired.isEmpty)
    #expect(other.failed.map(\.rule) == ["in-a", "in-all", "is-b"])
    #expect(other.failed.first == Failure(rule: "in-a", test: "crop in a", fact: "crop", seen: .symbol("c")))
    #expect(evaluate(base, ["crop": .number(1)]).failed.count == 3)
    let unknown = evaluate(base, ["wet": .flag(true)])
    #expect(unknown.undecided == ["in-a": ["crop"], "is-b": ["crop"], "in-all": ["crop"]])
    // The failures are read again the same, and can be replaced
    var copy = other
    #expect(copy.failed == other.failed)
    copy.failed = []
    #expect(copy.failed.isEmpty && copy.outcome(of: "is-b") == nil)
    #expect(
      other.outcome(of: "is-b") == .failed(Failure(rule: "is-b", test: "crop is b", fact: "crop", seen: .symbol("c"))))
  }

  /// A small deterministic generator (SplitMix64).
  private struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
  }

  @Test func randomRuleBasesGiveTheSameResultWithAndWithoutTheIndex() throws {
    // Three layers: the first reads base facts and may derive `risk`, the second also reads
    // `risk` and may derive `level`, the third reads everything (no cycles, as the loader wants)
    let baseTests = [
      "<fact name=\"crop\" is=\"a\"/>", "<fact name=\"crop\" is=\"b\"/>", "<fact name=\"crop\" in=\"a\"/>",
      "<fact name=\"crop\" in=\"a b\"/>", "<fact name=\"temp\" above=\"20\"/>", "<fact name=\"temp\" below=\"10\"/>",
      "<fact name=\"wet\" is=\"true\"/>", "<fact name=\"seen\" has=\"spots\"/>",
    ]
    let riskTests = [
      "<fact name=\"risk\" is=\"high\"/>", "<fact name=\"risk\" is=\"low\"/>", "<fact name=\"risk\" in=\"low\"/>",
    ]
    let levelTests = ["<fact name=\"level\" is=\"one\"/>", "<fact name=\"level\" is=\"two\"/>"]
    var random = Random(state: 17)
    func part(_ tests: [String]) -> String {
      switch random.next(6) {
      case 0: "<not>\(random.pick(tests))</not>"
      case 1: "<any>\(random.pick(tests))\(random.pick(tests))</any>"
      default: random.pick(tests)
      }
    }
    for round in 0..<12 {
      var rules: [String] = []
      for number in 0..<40 {
        let layer = random.next(3)
        let tests = baseTests + (layer >= 1 ? riskTests : []) + (layer == 2 ? levelTests : [])
        let when = (0...random.next(3)).map { _ in part(tests) }.joined()
        var then = ""
        if layer == 0, random.next(3) == 0 {
          then = "<derive fact=\"risk\" value=\"\(random.pick(["low", "high"]))\"/>"
        }
        if layer == 1, random.next(3) == 0 {
          then = "<derive fact=\"level\" value=\"\(random.pick(["one", "two"]))\"/>"
        }
        rules.append(advise("r\(round)-\(number)", priority: random.pick([10, 50, 90]), when, then: then))
      }
      let base = try F.load(F.document(rules.joined(separator: "\n")))
      #expect(!base.ruleIndex.keys.isEmpty)
      for _ in 0..<12 {
        var facts: [String: Value] = [:]
        if random.next(4) > 0 { facts["crop"] = .symbol(random.pick(["a", "b", "c"])) }
        if random.next(4) > 0 { facts["temp"] = .number(Double(random.next(30))) }
        if random.next(4) > 0 { facts["wet"] = .flag(random.next(2) == 0) }
        if random.next(4) > 0 { facts["seen"] = .set(random.next(2) == 0 ? ["spots"] : []) }
        if random.next(5) == 0 { facts["risk"] = .symbol(random.pick(["low", "high"])) }
        _ = evaluate(base, facts)
      }
    }
  }
}
