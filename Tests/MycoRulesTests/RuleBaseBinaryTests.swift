import MycoDiagnostics
import Testing

@testable import MycoRules

/// A rule base read from its binary form (the compiled rule-base cache) must be exactly the one
/// compiling its rules gives: the rules with their slots, the slot table, the readers, the
/// compiled conditions and the rule index. Anything a compile would not give is refused.
@Suite struct RuleBaseBinaryTests {
  static let location = SourceLocation(file: "rules/r.xml", line: 3, column: 5)

  static func test(_ fact: String, _ comparison: Comparison) -> Condition {
    .test(FactTest(fact: fact, comparison: comparison, summary: "\(fact) \(comparison)", location: location))
  }

  /// `count` rules of every shape: `all`, `any`, `not`, `in=`, a set, a fact against a fact, facts
  /// derived by some rules and read by others, several priorities (so sorting moves them).
  static func rules(_ count: Int) -> [Rule] {
    (0..<count).map { index in
      let condition: Condition
      switch index % 5 {
      case 0:
        condition = .all([
          test("variety", .equals(.symbol("v\(index % 7)"))), test("elevation", .compare(.below, Double(index))),
        ])
      case 1: condition = .all([test("variety", .oneOf(["v1", "v2"])), .not(test("wet", .equals(.flag(true))))])
      case 2: condition = .any([test("seen", .contains("spots")), test("risk", .equals(.symbol("high")))])
      case 3:
        condition = .all([
          test("temp", .versusFact(.above, "room", offset: 2)), test("derived\(index % 3)", .equals(.flag(true))),
        ])
      default: condition = test("tags", .equals(.set(["a", "b"])))
      }
      let conclusions: [Conclusion] =
        index % 5 == 0
        ? [.derive(fact: "derived\(index % 3)", value: .flag(true))]
        : [.advise(topic: "t\(index % 9)", text: LocalizedText(["en": "Do \(index)", "zh": "做 \(index)"]))]
      return Rule(
        id: "r\(index)", title: LocalizedText(["en": "T\(index)"]), priority: index % 4 * 10, certainty: .should,
        condition: condition, conclusions: conclusions, because: LocalizedText(["en": "Because"]),
        sources: [Citation(reference: "ref")], location: location)
    }
  }

  static func encoded(_ rules: [Rule], version: String = "v") -> [UInt8] {
    var writer = BinaryWriter()
    RuleBase.write(rules, version: version, to: &writer)
    return writer.finished()
  }

  static func decoded(_ bytes: [UInt8]) throws(BinaryCodingError) -> RuleBase {
    var reader = try BinaryReader(bytes)
    let base = try RuleBase(from: &reader, vocabulary: Vocabulary([]))
    guard reader.isAtEnd else { throw BinaryCodingError("trailing bytes") }
    return base
  }

  /// Every field of `read` equals `base`'s.
  static func expectSame(_ read: RuleBase, _ base: RuleBase, sourceLocation: Testing.SourceLocation = #_sourceLocation)
  {
    #expect(read.rules == base.rules, sourceLocation: sourceLocation)
    #expect(read.version == base.version, sourceLocation: sourceLocation)
    #expect(read.slotNames == base.slotNames, sourceLocation: sourceLocation)
    #expect(read.slotOf == base.slotOf, sourceLocation: sourceLocation)
    #expect(read.readers == base.readers, sourceLocation: sourceLocation)
    #expect(read.testSummaries == base.testSummaries, sourceLocation: sourceLocation)
    #expect(read.conditions == base.conditions, sourceLocation: sourceLocation)
    #expect(read.ruleIndex == base.ruleIndex, sourceLocation: sourceLocation)
    #expect(base.rules.allSatisfy { read.index(of: $0.id) == base.index(of: $0.id) }, sourceLocation: sourceLocation)
  }

  @Test func aRuleBaseReadBackIsTheCompiledOneFieldByField() throws {
    // None, a few, and more than one section (sections are decoded in parallel).
    for count in [0, 1, 12, RuleBase.rulesPerSection + 3] {
      let base = RuleBase(vocabulary: Vocabulary([]), rules: Self.rules(count).reversed(), version: "v\(count)")
      #expect(base.rules.count == count)
      var writer = BinaryWriter()
      base.write(to: &writer)
      let read = try Self.decoded(writer.finished())
      Self.expectSame(read, base)
      if count >= 12 {
        #expect(!base.slotNames.isEmpty && !base.ruleIndex.keys.isEmpty && !base.conditions.members.isEmpty)
      }
    }
  }

  /// `rules` with `change` applied to every fact test of rule `index`.
  static func changing(_ rules: [Rule], rule index: Int, _ change: (inout FactTest) -> Void) -> [Rule] {
    func changed(_ condition: Condition) -> Condition {
      switch condition {
      case .all(let parts): return .all(parts.map(changed))
      case .any(let parts): return .any(parts.map(changed))
      case .not(let part): return .not(changed(part))
      case .test(var test):
        change(&test)
        return .test(test)
      }
    }
    var rules = rules
    rules[index].condition = changed(rules[index].condition)
    return rules
  }

  @Test func slotsOrOrderThatACompileWouldNotGiveAreRefused() throws {
    let base = RuleBase(vocabulary: Vocabulary([]), rules: Self.rules(20), version: "v")
    Self.expectSame(try Self.decoded(Self.encoded(base.rules)), base)
    let versus = try #require(base.rules.firstIndex { $0.condition.tests.contains { $0.otherFact != nil } })
    let swapped = { (slot: Int) in slot == 0 ? 1 : slot == 1 ? 0 : slot }
    let damaged: [(String, [Rule])] = [
      ("another fact's slot", Self.changing(base.rules, rule: 5) { $0.slot = ($0.slot + 1) % base.slotNames.count }),
      ("slot -1", Self.changing(base.rules, rule: 0) { $0.slot = -1 }),
      ("slot Int.max", Self.changing(base.rules, rule: 3) { $0.slot = Int.max }),
      ("slot Int.min", Self.changing(base.rules, rule: 3) { $0.slot = Int.min }),
      ("slot past the table", Self.changing(base.rules, rule: 19) { $0.slot = base.slotNames.count + 1 }),
      ("another slot for the other fact", Self.changing(base.rules, rule: versus) { $0.otherSlot = $0.slot }),
      ("an other slot without another fact", Self.changing(base.rules, rule: 0) { $0.otherSlot = 0 }),
      // Consistent, but not the numbering a compile gives (each name the next slot when first seen).
      (
        "slots 0 and 1 swapped everywhere",
        base.rules.indices.reduce(base.rules) { rules, index in
          Self.changing(rules, rule: index) {
            $0.slot = swapped($0.slot)
            $0.otherSlot = swapped($0.otherSlot)
          }
        }
      ),
      ("out of evaluation order", [base.rules[1], base.rules[0]] + base.rules.dropFirst(2)),
    ]
    for (label, rules) in damaged {
      #expect(rules != base.rules, "\(label)")
      #expect(throws: BinaryCodingError.self, "\(label)") { _ = try Self.decoded(Self.encoded(rules)) }
    }
  }

  @Test func everyTruncationIsRefusedAndEveryDamagedByteRefusedOrReadAsACompileWouldGive() throws {
    let base = RuleBase(vocabulary: Vocabulary([]), rules: Self.rules(6), version: "v")
    let bytes = Self.encoded(base.rules)
    for length in 0..<bytes.count {
      #expect(throws: BinaryCodingError.self, "length \(length)") { _ = try Self.decoded(Array(bytes[..<length])) }
    }
    var refused = 0
    for offset in bytes.indices {
      for value in [0, 1, 2, 0x7F, 0x80, 0xFF] as [UInt8] where bytes[offset] != value {
        var damaged = bytes
        damaged[offset] = value
        guard let read = try? Self.decoded(damaged) else {
          refused += 1
          continue
        }
        // Read: then it is exactly what compiling the rules it holds gives (a damaged text is
        // another valid text; never a rule base whose slots or index disagree with its rules).
        Self.expectSame(read, RuleBase(vocabulary: Vocabulary([]), rules: read.rules, version: read.version))
      }
    }
    #expect(refused > 0)
  }
}
