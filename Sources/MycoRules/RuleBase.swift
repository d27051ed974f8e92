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
    var compiled = rules.sorted { ($0.priority, $1.id) > ($1.priority, $0.id) }
    for index in compiled.indices {
      compiled[index].condition = Self.compile(compiled[index].condition, slot: slot)
      for fact in compiled[index].derivedFacts { _ = slot(fact) }
    }
    var readers = [[Int]](repeating: [], count: slotNames.count)
    for (index, rule) in compiled.enumerated() {
      for test in rule.condition.tests {
        readers[test.slot].append(index)
        if test.otherSlot >= 0 { readers[test.otherSlot].append(index) }
      }
    }
    self.rules = compiled
    self.slotNames = slotNames
    self.slotOf = slotOf
    self.readers = readers.map { Array(Set($0)).sorted() }
    self.conditions = CompiledConditions(compiled.map(\.condition))
    self.ruleIndex = RuleIndex(self.conditions)
    self.testSummaries = compiled.flatMap { $0.condition.tests.map(\.summary) }
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
