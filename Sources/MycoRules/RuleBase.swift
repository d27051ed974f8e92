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
  public init(vocabulary: Vocabulary, rules: consuming [Rule], version: String = "") {
    var slots = SlotTable()
    var rules = rules
    // Sorting indices rather than rules moves no `Rule` (each move of one retains and releases its
    // fields); the rules are then put in that order in place, by swaps, which move them bitwise.
    let order = rules.indices.sorted { Self.precedes(rules[$0], rules[$1]) }
    Self.permute(&rules, into: order)
    for index in rules.indices {
      rules[index].condition = Self.compile(rules[index].condition) { slots.slot($0) }
      for fact in rules[index].derivedFacts { _ = slots.slot(fact) }
    }
    self.init(vocabulary: vocabulary, compiled: rules, slots: slots, version: version)
  }

  /// Reorders `elements` so that position `i` holds what was at `order[i]` (`order` is a
  /// permutation of the indices), following each cycle of the permutation with swaps.
  static func permute<Element>(_ elements: inout [Element], into order: [Int]) {
    var placed = [Bool](repeating: false, count: elements.count)
    for start in order.indices where !placed[start] {
      var position = start
      while true {
        placed[position] = true
        let source = order[position]
        if source == start { break }
        elements.swapAt(position, source)
        position = source
      }
    }
  }

  /// A rule base from rules already in evaluation order whose tests carry their slots, numbered
  /// as `slots` numbered them (a fresh compile, or a cache file's rules once checked).
  init(vocabulary: Vocabulary, compiled: [Rule], slots: SlotTable, version: String) {
    self.vocabulary = vocabulary
    self.version = version
    self.rules = compiled
    self.slotNames = slots.names
    self.slotOf = slots.index
    // Three independent passes over the rules, on as many cores as there are (a cached load of
    // 100,000 rules spends a third of its time here).
    let (readersAndSummaries, (conditions, ruleIndex), indexOfID) = inParallel(
      { Self.readersAndSummaries(compiled, slotCount: slots.names.count) },
      {
        let conditions = CompiledConditions(compiled.map(\.condition))
        return (conditions, RuleIndex(conditions))
      },
      { Dictionary(compiled.indices.map { (compiled[$0].id, $0) }, uniquingKeysWith: { a, _ in a }) })
    (self.readers, self.testSummaries) = readersAndSummaries
    self.conditions = conditions
    self.ruleIndex = ruleIndex
    self.indexOfID = indexOfID
  }

  /// Whether `rule` comes before `other` in evaluation order: higher priority first, then by id.
  static func precedes(_ rule: Rule, _ other: Rule) -> Bool {
    (rule.priority, other.id) > (other.priority, rule.id)
  }

  /// For each slot, the rules that read it; and the summary of every test, in rule order.
  private static func readersAndSummaries(_ rules: [Rule], slotCount: Int) -> ([[Int]], [String]) {
    // Each rule's tests are listed once; rules are visited in order, so a slot's readers come
    // sorted and a rule reading a slot twice is next to itself.
    var readers = [[Int]](repeating: [], count: slotCount)
    var testSummaries: [String] = []
    for index in rules.indices {
      rules[index].condition.forEachTest { test in
        if readers[test.slot].last != index { readers[test.slot].append(index) }
        if test.otherSlot >= 0, readers[test.otherSlot].last != index { readers[test.otherSlot].append(index) }
        testSummaries.append(test.summary)
      }
    }
    return (readers, testSummaries)
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

/// The engine's numbering of fact names: each name gets the next slot when first seen.
struct SlotTable {
  private(set) var names: [String] = []
  private(set) var index: [String: Int] = [:]

  /// The slot of `name`, a new one if it has none yet.
  mutating func slot(_ name: String) -> Int {
    if let slot = index[name] { return slot }
    index[name] = names.count
    names.append(name)
    return names.count - 1
  }
}
