/// Which rules a situation needs to try, from the constant tests on choice facts.
///
/// Why: the engine tried every rule on every situation (about 5 µs a rule at 10,000 rules), while
/// most rules fail at once on a constant test such as `variety is shiitake`. CLIPS's Rete shares
/// those tests between rules; here each rule gets one *key*: a required equality or membership
/// test on a symbol (`is=`, `in=`) that the whole condition depends on (the condition itself, or
/// a part of a top-level `all`, never under `any` or `not`). When the key's fact is known and its
/// value is not one the key accepts, the key test is false, so the rule's `all` is false whatever
/// else it holds, and the rule is not tried at all. Rules without a key are always tried; rules
/// whose key fact is still unknown are tried, since a rule may derive it later in the run.
///
/// Facts never change once set (given facts stay, derived facts are only added), so a rule left
/// out this way is exactly a rule the engine would have found false; its reported failure
/// (`Evaluation.failed`) is computed from the final facts either way.
struct RuleIndex: Sendable, Equatable {
  /// The rules keyed on one fact (slot).
  struct Key: Sendable, Equatable {
    /// The fact's slot.
    var slot: Int
    /// Every rule keyed on it, in rule order (tried while the fact is unknown).
    var rules: [Int32]
    /// The rules whose key accepts a symbol, by interned symbol id, in rule order.
    var bySymbol: [Int32: [Int32]]
  }

  /// Rules without a key, in rule order: tried in every situation.
  private(set) var always: [Int32] = []
  /// The keyed facts.
  private(set) var keys: [Key] = []

  /// Picks each rule's key: of its candidate tests, the one that accepts the smallest share of
  /// the values rules test that fact for (`is=` one value, `in=` several); the first on a tie.
  /// A test accepting every value seen is no key.
  init(_ conditions: CompiledConditions) {
    let ruleCount = conditions.roots.count
    // Each rule's candidate tests, flat: `candidates[candidateStart[rule]..<candidateStart[rule + 1]]`.
    var candidates: [Int32] = []
    var candidateStart: [Int] = [0]
    candidateStart.reserveCapacity(ruleCount + 1)
    var valuesSeen: [Int32: Set<Int32>] = [:]
    var required: [Int] = []
    for rule in 0..<ruleCount {
      required.removeAll(keepingCapacity: true)
      conditions.requiredTests(Int(conditions.roots[rule]), into: &required)
      for test in required {
        let slot = conditions.tests[test].slot
        switch conditions.tests[test].check {
        case .equalsSymbol(let symbol): valuesSeen[slot, default: []].insert(symbol)
        case .oneOf(let start, let end):
          valuesSeen[slot, default: []].formUnion(conditions.members[Int(start)..<Int(end)])
        default: continue
        }
        candidates.append(Int32(test))
      }
      candidateStart.append(candidates.count)
    }
    var keyOfSlot: [Int32: Int] = [:]
    for rule in 0..<ruleCount {
      var best: (test: Int, share: Double)?
      for test in candidates[candidateStart[rule]..<candidateStart[rule + 1]].map(Int.init) {
        let accepted = conditions.acceptedSymbols(ofTest: test)
        let share = Double(accepted.count) / Double(valuesSeen[conditions.tests[test].slot]?.count ?? 1)
        if share < best?.share ?? 1 { best = (test, share) }
      }
      guard let test = best?.test else {
        always.append(Int32(rule))
        continue
      }
      let slot = conditions.tests[test].slot
      let key: Int
      if let existing = keyOfSlot[slot] {
        key = existing
      } else {
        key = keys.count
        keyOfSlot[slot] = key
        keys.append(Key(slot: Int(slot), rules: [], bySymbol: [:]))
      }
      keys[key].rules.append(Int32(rule))
      for symbol in conditions.acceptedSymbols(ofTest: test) {
        keys[key].bySymbol[symbol, default: []].append(Int32(rule))
      }
    }
  }

  /// Calls `body` with each list of rules to try when the facts are `known` (lists may overlap).
  func candidates(_ known: [CompiledConditions.Known], _ body: ([Int32]) -> Void) {
    body(always)
    for key in keys {
      switch known[key.slot] {
      case .unknown: body(key.rules)
      case .symbol(let symbol): if let rules = key.bySymbol[symbol] { body(rules) }
      // A number, flag or set, or a symbol no test names, makes every key test on the fact false.
      case .number, .flag, .set: break
      }
    }
  }
}

extension CompiledConditions {
  /// Appends the tests that must all be true for the subtree at `node` to be true: the node
  /// itself if it is a test, and those of the parts of an `all` (not under `any` or `not`).
  func requiredTests(_ node: Int, into tests: inout [Int]) {
    let current = nodes[node]
    switch current.kind {
    case .test: tests.append(Int(current.firstTest))
    case .all:
      var child = node + 1
      while child < Int(current.end) {
        requiredTests(child, into: &tests)
        child = Int(nodes[child].end)
      }
    case .any, .not: break
    }
  }

  /// The symbols a key test accepts (an equality with a symbol, or a membership test, which
  /// are false for every other value and for numbers, flags and sets); each once, since `in=`
  /// members are a set. Empty for any other test.
  func acceptedSymbols(ofTest index: Int) -> ArraySlice<Int32> {
    switch tests[index].check {
    case .equalsSymbol(let symbol): [symbol]
    case .oneOf(let start, let end): members[Int(start)..<Int(end)]
    default: []
    }
  }
}
