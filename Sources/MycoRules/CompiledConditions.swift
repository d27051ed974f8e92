/// The rules' conditions compiled for the engine's inner loop: flat arrays of plain values, and
/// symbols interned to integers.
///
/// Why: evaluating `Condition` trees copied each `Rule` and each `FactTest` (strings, sets,
/// source locations), and every copy retains reference-counted storage. At 10,000 rules that
/// storage no longer fits in the caches, so each retain was a cache miss: `swift_retain` took
/// half of the evaluation time and the time per rule grew with the number of rules
/// (see Docs/benchmarks.md). Here a condition is a run of `Node`s and a fact test a `Test`,
/// neither holding any reference, so trying a rule reads a few contiguous bytes.
struct CompiledConditions: Sendable, Equatable {
  enum Kind: UInt8, Sendable, Equatable { case all, any, not, test }

  /// One node of a condition tree, in pre-order. The children of `all`, `any` and `not` follow
  /// the node; `end` is the index just past its subtree.
  struct Node: Sendable, Equatable {
    var kind: Kind
    var end: Int32
    /// The first fact test in the subtree (the test itself for `.test`), or -1 if none.
    var firstTest: Int32
  }

  enum Check: Sendable, Equatable {
    case equalsNumber(Double)
    case equalsSymbol(Int32)
    case equalsFlag(Bool)
    /// Equality with a value that is not a number, symbol or flag: `otherValues[index]`.
    case equalsValue(Int32)
    /// The symbol is one of `members[start..<end]`.
    case oneOf(start: Int32, end: Int32)
    case contains(Int32)
    case compare(Relation, Double)
    case between(Double, Double)
    case versusFact(Relation, offset: Double)
  }

  struct Test: Sendable, Equatable {
    var slot: Int32
    var otherSlot: Int32
    var check: Check
  }

  /// A fact's value as the compiled tests read it.
  enum Known: Sendable {
    case unknown
    case number(Double)
    /// An interned symbol; -1 for a symbol no test mentions.
    case symbol(Int32)
    case flag(Bool)
    /// The interned members (members no test mentions are left out).
    case set([Int32])
  }

  private(set) var nodes: [Node] = []
  /// The root node of each rule's condition.
  private(set) var roots: [Int32] = []
  /// Each rule's tests are `tests[testStart[rule]..<testStart[rule + 1]]`, in document order.
  private(set) var testStart: [Int32] = [0]
  private(set) var tests: [Test] = []
  private(set) var members: [Int32] = []
  private var otherValues: [Value] = []
  private var symbols: [String: Int32] = [:]

  /// Compiles conditions whose tests already carry their slots (see `RuleBase`).
  init(_ conditions: [Condition]) {
    for condition in conditions {
      roots.append(Int32(nodes.count))
      append(condition)
      testStart.append(Int32(tests.count))
    }
  }

  private mutating func append(_ condition: Condition) {
    let index = nodes.count
    nodes.append(Node(kind: .test, end: 0, firstTest: -1))
    let testsBefore = tests.count
    switch condition {
    case .all(let parts):
      nodes[index].kind = .all
      for part in parts { append(part) }
    case .any(let parts):
      nodes[index].kind = .any
      for part in parts { append(part) }
    case .not(let part):
      nodes[index].kind = .not
      append(part)
    case .test(let test):
      tests.append(Test(slot: Int32(test.slot), otherSlot: Int32(test.otherSlot), check: check(test.comparison)))
    }
    nodes[index].end = Int32(nodes.count)
    nodes[index].firstTest = tests.count > testsBefore ? Int32(testsBefore) : -1
  }

  private mutating func check(_ comparison: Comparison) -> Check {
    switch comparison {
    case .equals(.number(let number)): return .equalsNumber(number)
    case .equals(.symbol(let symbol)): return .equalsSymbol(intern(symbol))
    case .equals(.flag(let flag)): return .equalsFlag(flag)
    case .equals(let value):
      otherValues.append(value)
      return .equalsValue(Int32(otherValues.count - 1))
    case .oneOf(let symbols):
      let start = Int32(members.count)
      // Sorted: a set's order differs from one process (hash seed) or one build of it to another,
      // and the symbols' numbers must not (a cached rule base is compared with a fresh one).
      members += symbols.sorted().map { intern($0) }
      return .oneOf(start: start, end: Int32(members.count))
    case .contains(let member): return .contains(intern(member))
    case .compare(let relation, let bound): return .compare(relation, bound)
    case .between(let low, let high): return .between(low, high)
    case .versusFact(let relation, _, let offset): return .versusFact(relation, offset: offset)
    }
  }

  private mutating func intern(_ symbol: String) -> Int32 {
    if let id = symbols[symbol] { return id }
    let id = Int32(symbols.count)
    symbols[symbol] = id
    return id
  }

  /// `value` as the compiled tests read it.
  func known(_ value: Value?) -> Known {
    switch value {
    case nil: .unknown
    case .number(let number): .number(number)
    case .symbol(let symbol): .symbol(symbols[symbol] ?? -1)
    case .flag(let flag): .flag(flag)
    case .set(let members): .set(members.compactMap { symbols[$0] })
    }
  }

  /// The truth of the subtree at `node`; the same as `Engine.truth(of:)` on the condition.
  func truth(_ node: Int, _ known: [Known], _ values: [Value?]) -> Truth {
    let current = nodes[node]
    switch current.kind {
    case .test: return truth(ofTest: Int(current.firstTest), known, values)
    case .not: return truth(node + 1, known, values).negated
    case .all:
      var result = Truth.true
      var child = node + 1
      while child < Int(current.end) {
        switch truth(child, known, values) {
        case .false: return .false
        case .unknown: result = .unknown
        case .true: break
        }
        child = Int(nodes[child].end)
      }
      return result
    case .any:
      var result = Truth.false
      var child = node + 1
      while child < Int(current.end) {
        switch truth(child, known, values) {
        case .true: return .true
        case .unknown: result = .unknown
        case .false: break
        }
        child = Int(nodes[child].end)
      }
      return result
    }
  }

  /// The truth of one test; the same as `FactTest.evaluate`.
  private func truth(ofTest index: Int, _ known: [Known], _ values: [Value?]) -> Truth {
    let test = tests[index]
    let value = known[Int(test.slot)]
    if case .unknown = value { return .unknown }
    switch test.check {
    case .equalsNumber(let expected):
      guard case .number(let number) = value else { return .false }
      return Truth(number == expected)
    case .equalsSymbol(let expected):
      guard case .symbol(let symbol) = value else { return .false }
      return Truth(symbol == expected)
    case .equalsFlag(let expected):
      guard case .flag(let flag) = value else { return .false }
      return Truth(flag == expected)
    case .equalsValue(let expected):
      return Truth(values[Int(test.slot)] == otherValues[Int(expected)])
    case .oneOf(let start, let end):
      guard case .symbol(let symbol) = value else { return .false }
      return Truth(symbol >= 0 && members[Int(start)..<Int(end)].contains(symbol))
    case .contains(let member):
      guard case .set(let set) = value else { return .false }
      return Truth(set.contains(member))
    case .compare(let relation, let bound):
      guard case .number(let number) = value else { return .false }
      return Truth(relation.holds(number, bound))
    case .between(let low, let high):
      guard case .number(let number) = value else { return .false }
      return Truth(number >= low && number <= high)
    case .versusFact(let relation, let offset):
      guard let right = values[Int(test.otherSlot)] else { return .unknown }
      guard case .number(let left) = value, case .number(let rightNumber) = right else {
        return relation == .equals ? Truth(values[Int(test.slot)] == right) : .false
      }
      return Truth(relation.holds(left, rightNumber + offset))
    }
  }

  /// Where a false condition failed: the test that `Engine` reports, and whether it is reported
  /// as `not (…)` (then `test` is the first test under the `not`, or nil if it has none).
  /// Nil when no false part is found. Mirrors the tree walk of the former `Engine.failure(of:)`.
  func failure(_ node: Int, _ known: [Known], _ values: [Value?]) -> (test: Int?, negated: Bool)? {
    let current = nodes[node]
    switch current.kind {
    case .test: return (Int(current.firstTest), false)
    case .not:
      let first = nodes[node + 1].firstTest
      return (first >= 0 ? Int(first) : nil, true)
    case .all:
      var child = node + 1
      while child < Int(current.end) {
        if truth(child, known, values) == .false { return failure(child, known, values) }
        child = Int(nodes[child].end)
      }
      return nil
    case .any:
      return node + 1 < Int(current.end) ? failure(node + 1, known, values) : nil
    }
  }
}
