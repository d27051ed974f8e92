import MycoRules

/// A synthetic rule base that looks like the real one: 2–6 conditions per rule over enumerations
/// and numeric ranges with units, some rules deriving facts that rules of a later layer read.
///
/// The rules are kept as a small model so that the same rule base can be written as Myco XML
/// and as CLIPS, with every number converted to the base unit exactly as Myco converts it.
struct SyntheticRules {
  /// A test of one fact, as an author would write it.
  enum Test {
    /// `is=` on a choice fact.
    case symbolIs(String, String)
    /// `in=` on a choice fact.
    case symbolIn(String, [String])
    /// `has=` on a set fact.
    case has(String, String)
    /// `above=` / `below=` / `at-least=` / `at-most=` with a unit.
    case compare(String, Relation, NumberText)
    /// `from=` / `to=` with a unit.
    case between(String, NumberText, NumberText)
    /// `above-fact=` … with `by=` (same unit as the fact's display unit).
    case versusFact(String, Relation, String, by: NumberText?)
  }

  /// One element of a rule's `<when>` (all of them must hold).
  enum Condition {
    case test(Test)
    /// `<any>` over two or three tests of base facts.
    case any([Test])
    /// `<not>` over one test of a base fact (base facts are always given, so CLIPS' `not`,
    /// which is true for a missing fact, agrees with Myco's).
    case not(Test)
  }

  /// A number as written in the XML (`text` in `unit`), and its value in the base unit,
  /// computed the way Myco's ConditionParser does: `Double(text) * unit.factor`.
  struct NumberText {
    var text: String
    var unit: String?
    var base: Double
  }

  struct Rule {
    var id: String
    var layer: Int
    var priority: Int
    var certainty: String
    var topic: String
    var warns: Bool
    var conditions: [Condition]
    var derives: (fact: String, value: String)?
  }

  /// A fact derived by rules of `layer` (always the same value) and read only by later layers.
  struct DerivedFact {
    var name: String
    var layer: Int
    var value: String
  }

  var rules: [Rule]
  var derivedFacts: [DerivedFact]

  static let derivedValues = ["low", "medium", "high"]
  static let layers = 3
  static let topics = ["timing", "bag-size", "substrate", "spawn-run", "heat", "fruiting", "contamination", "pests"]

  /// Numeric facts the rules test, with the units authors use and a sensible range in each.
  struct NumberFact {
    var name: String
    /// (unit symbol or nil for a plain count, low, high, step), in that unit.
    var units: [(String?, Double, Double, Double)]
  }

  static let numberFacts: [NumberFact] = [
    NumberFact(name: "elevation", units: [("m", 0, 2400, 50), ("km", 0, 2.4, 0.05)]),
    NumberFact(name: "month", units: [(nil, 1, 12, 1)]),
    NumberFact(name: "bag-width", units: [("cm", 12, 20, 0.5), ("mm", 120, 200, 5)]),
    NumberFact(name: "bag-length", units: [("cm", 24, 60, 1), ("mm", 240, 600, 10)]),
    NumberFact(name: "bag-fill", units: [("kg", 0.5, 4, 0.1), ("g", 500, 4000, 100), ("斤", 1, 8, 0.2)]),
    NumberFact(name: "air-temp", units: [("°C", -5, 38, 0.5), ("℃", -5, 38, 0.5)]),
    NumberFact(name: "bag-temp", units: [("°C", -5, 40, 0.5)]),
    NumberFact(name: "air-humidity", units: [("%", 40, 100, 1)]),
    NumberFact(name: "day-night-difference", units: [("°C", 0, 15, 0.5)]),
    NumberFact(name: "month-mean-temp", units: [("°C", -5, 30, 0.5)]),
    NumberFact(name: "ten-day-mean-temp", units: [("°C", -5, 30, 0.5)]),
  ]

  /// Pairs of numeric facts compared with each other (left, right, largest `by=` in °C).
  static let factPairs: [(String, String, Double)] = [
    ("bag-temp", "air-temp", 5), ("air-temp", "month-mean-temp", 8), ("ten-day-mean-temp", "month-mean-temp", 3),
  ]

  /// Enumerated facts the rules test (every situation gives them all).
  static let choiceFacts = ["variety", "stage", "facility", "substrate", "season", "elevation-band", "bag-class"]
  static let setFacts = ["symptoms"]

  /// Every base fact a rule may read: a situation must give all of them.
  static var baseFacts: [String] { choiceFacts + setFacts + numberFacts.map(\.name) }

  /// Generates `count` rules over `vocabulary` (which must declare the base facts).
  static func generate(count: Int, seed: UInt64, vocabulary: Vocabulary) -> SyntheticRules {
    var random = SeededRandom(seed: seed)
    // Layer sizes: 40 % read base facts only; the rest may read facts derived by earlier layers.
    let layerOf: (Int) -> Int = { index in index < count * 4 / 10 ? 0 : index < count * 7 / 10 ? 1 : 2 }
    var derived: [DerivedFact] = []
    for layer in 0..<(layers - 1) {
      let size = (layer == 0 ? count * 4 / 10 : count * 3 / 10)
      for number in 0..<max(2, size / 40) {
        derived.append(DerivedFact(name: "syn-\(layer)-\(number)", layer: layer, value: random.pick(derivedValues)))
      }
    }
    var rules: [Rule] = []
    rules.reserveCapacity(count)
    for index in 0..<count {
      let layer = layerOf(index)
      let topic = random.pick(topics)
      var conditions: [Condition] = []
      let wanted = Int.random(in: 2...6, using: &random)
      let readable = derived.filter { $0.layer < layer }
      if !readable.isEmpty, random.chance(0.4) {
        let fact = random.pick(readable)
        if random.chance(0.8) {
          conditions.append(.test(.symbolIs(fact.name, fact.value)))
        } else {
          let values = derivedValues.filter { _ in random.chance(0.5) }
          conditions.append(.test(.symbolIn(fact.name, values.isEmpty ? [fact.value] : values)))
        }
      }
      while conditions.count < wanted {
        let roll = Double.random(in: 0..<1, using: &random)
        if roll < 0.08 {
          conditions.append(.not(baseTest(&random, vocabulary)))
        } else if roll < 0.16 {
          conditions.append(
            .any((0..<Int.random(in: 2...3, using: &random)).map { _ in baseTest(&random, vocabulary) }))
        } else if roll < 0.20 {
          let (left, right, largest) = random.pick(factPairs)
          let relation = random.pick([Relation.above, .below, .atLeast, .atMost])
          let by =
            random.chance(0.5) ? nil : number(Double(Int.random(in: 0...Int(largest * 2), using: &random)) / 2, "°C")
          conditions.append(.test(.versusFact(left, relation, right, by: by)))
        } else {
          conditions.append(.test(baseTest(&random, vocabulary)))
        }
      }
      let derives =
        layer < layers - 1 && random.chance(0.25)
        ? derived.filter { $0.layer == layer }.randomElement(using: &random).map { ($0.name, $0.value) } : nil
      rules.append(
        Rule(
          id: "syn.\(topic).\(String(index + 1).leftPadded(6))", layer: layer,
          priority: Int.random(in: 3...7, using: &random) * 10,
          certainty: random.pick(["must", "should", "consider", "avoid"]), topic: topic, warns: random.chance(0.2),
          conditions: conditions, derives: derives))
    }
    return SyntheticRules(rules: rules, derivedFacts: derived)
  }

  private static func baseTest(_ random: inout SeededRandom, _ vocabulary: Vocabulary) -> Test {
    let roll = Double.random(in: 0..<1, using: &random)
    if roll < 0.4 {
      let fact = random.pick(choiceFacts)
      let values = vocabulary[fact]!.values.map(\.id)
      if random.chance(0.3) { return .symbolIs(fact, random.pick(values)) }
      var chosen = values.filter { _ in random.chance(0.5) }
      if chosen.isEmpty { chosen = [random.pick(values)] }
      return .symbolIn(fact, chosen)
    }
    if roll < 0.5 {
      let fact = random.pick(setFacts)
      return .has(fact, random.pick(vocabulary[fact]!.values.map(\.id)))
    }
    let fact = random.pick(numberFacts)
    let (unit, low, high, step) = random.pick(fact.units)
    let steps = Int(((high - low) / step).rounded())
    func value() -> NumberText {
      number(low + Double(Int.random(in: 0...steps, using: &random)) * step, unit, vocabulary[fact.name]!)
    }
    if random.chance(0.2) {
      let a = value()
      let b = value()
      return a.base <= b.base ? .between(fact.name, a, b) : .between(fact.name, b, a)
    }
    return .compare(fact.name, random.pick([.above, .below, .atLeast, .atMost]), value())
  }

  /// A number in `unit` as an author writes it, and its base-unit value as Myco computes it.
  static func number(_ value: Double, _ unit: String?, _ declaration: FactDeclaration? = nil) -> NumberText {
    let text = Value.format(value)
    let factor = unit.flatMap(UnitOfMeasure.named)?.factor ?? declaration?.displayUnit?.factor ?? 1
    return NumberText(text: text, unit: unit, base: Double(text)! * factor)
  }
}

extension String {
  func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
