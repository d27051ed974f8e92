/// A loaded, checked and compiled set of rules over a vocabulary, ready to evaluate.
///
/// Rules are kept in evaluation order: higher priority first, then by id. Fact names are
/// compiled to array slots so evaluation does no string hashing in its inner loop.
public struct RuleBase: Sendable {
  /// The facts the rules may test and derive.
  public let vocabulary: Vocabulary
  /// The rules in evaluation order.
  public let rules: [Rule]
  /// A version label (e.g. `2026.11`), from the rule files.
  public let version: String
  let slotNames: [String]
  let slotOf: [String: Int]
  /// For each slot, the indices of the rules that read it.
  let readers: [[Int]]
  /// The rules' conditions in the flat form the engine evaluates (same order as `rules`).
  let conditions: CompiledConditions
  /// The summary of every test, in the order of `conditions.tests`.
  let testSummaries: [String]
  /// Which rules a situation needs to try (see `RuleIndex`).
  let ruleIndex: RuleIndex
  private let indexOfID: [String: Int]

  /// Sorts `rules` into evaluation order and compiles their conditions; the rules must already be checked.
  public init(vocabulary: Vocabulary, rules: [Rule], version: String = "") {
    self.vocabulary = vocabulary
    self.version = version
    var slotOf: [String: Int] = [:]
    var slotNames: [String] = []
    func slot(_ name: String) -> Int {
      if let slot = slotOf[name] { return slot }
      slotOf[name] = slotNames.count
      slotNames.append(name)
      return slotNames.count - 1
    }
    // Sorting indices rather than rules moves no `Rule` (each move of one retains and releases its fields).
    let order = rules.indices.sorted { (rules[$0].priority, rules[$1].id) > (rules[$1].priority, rules[$0].id) }
    var compiled: [Rule] = []
    compiled.reserveCapacity(rules.count)
    for original in order {
      var rule = rules[original]
      rule.condition = Self.compile(rule.condition, slot: slot)
      for fact in rule.derivedFacts { _ = slot(fact) }
      compiled.append(rule)
    }
    // Each rule's tests are listed once; rules are visited in order, so a slot's readers come
    // sorted and a rule reading a slot twice is next to itself.
    var readers = [[Int]](repeating: [], count: slotNames.count)
    var testSummaries: [String] = []
    for index in compiled.indices {
      compiled[index].condition.forEachTest { test in
        if readers[test.slot].last != index { readers[test.slot].append(index) }
        if test.otherSlot >= 0, readers[test.otherSlot].last != index { readers[test.otherSlot].append(index) }
        testSummaries.append(test.summary)
      }
    }
    self.rules = compiled
    self.slotNames = slotNames
    self.slotOf = slotOf
    self.readers = readers
    self.conditions = CompiledConditions(compiled.map(\.condition))
    self.ruleIndex = RuleIndex(self.conditions)
    self.testSummaries = testSummaries
    self.indexOfID = Dictionary(compiled.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// The rule with this id, if any.
  public func rule(id: String) -> Rule? { indexOfID[id].map { rules[$0] } }

  func index(of id: String) -> Int? { indexOfID[id] }

  private static func compile(_ condition: Condition, slot: (String) -> Int) -> Condition {
    switch condition {
    case .all(let parts): return .all(parts.map { compile($0, slot: slot) })
    case .any(let parts): return .any(parts.map { compile($0, slot: slot) })
    case .not(let part): return .not(compile(part, slot: slot))
    case .test(var test):
      test.slot = slot(test.fact)
      if let other = test.otherFact { test.otherSlot = slot(other) }
      return .test(test)
    }
  }
}
