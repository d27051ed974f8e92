/// Which facts are derived from which, through the rules' `derive` conclusions.
///
/// A cycle (fact A is derived from B, and B from A) makes forward chaining depend on rule
/// order, so it is refused when a rule base loads.
public struct DerivationGraph: Sendable {
  /// For each fact read by a deriving rule: the facts derived from it, with the rule.
  private var edges: [String: [(derived: String, rule: String)]] = [:]

  /// The graph of the `derive` conclusions of `rules`: an edge from each fact a rule reads to each fact it derives.
  public init(rules: [Rule]) {
    for rule in rules {
      for derived in rule.derivedFacts {
        for read in Set(rule.readFacts) { edges[read, default: []].append((derived, rule.id)) }
      }
    }
    for key in edges.keys { edges[key]!.sort { ($0.derived, $0.rule) < ($1.derived, $1.rule) } }
  }

  /// Each cycle once, as the rules along it (in order), starting from the smallest fact name.
  public func cycles() -> [[String]] {
    var found: [[String]] = []
    var seenCycles = Set<[String]>()
    var state: [String: Int] = [:]  // 1 = on the path, 2 = done
    var path: [(fact: String, rule: String)] = []

    func visit(_ fact: String) {
      state[fact] = 1
      for edge in edges[fact] ?? [] {
        if state[edge.derived] == 1 {
          let start = path.firstIndex { $0.fact == edge.derived } ?? path.count
          let rules = path[start...].map(\.rule).dropFirst() + [edge.rule]
          let cycle = Array(rules)
          let key = cycle.sorted()
          if !seenCycles.contains(key) {
            seenCycles.insert(key)
            found.append(cycle)
          }
        } else if state[edge.derived] == nil {
          path.append((edge.derived, edge.rule))
          visit(edge.derived)
          path.removeLast()
        }
      }
      state[fact] = 2
    }
    for fact in edges.keys.sorted() where state[fact] == nil {
      path = [(fact, "")]
      visit(fact)
    }
    return found
  }
}
