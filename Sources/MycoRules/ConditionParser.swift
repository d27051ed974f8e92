import MycoXML

/// Turns `<when>` elements into ``Condition`` trees, checking facts, values and units against the vocabulary.
struct ConditionParser {
  let vocabulary: Vocabulary
  var diagnostics: [Diagnostic] = []

  private static let numericAttributes: [(String, Relation)] = [
    ("above", .above), ("below", .below), ("at-least", .atLeast), ("at-most", .atMost),
  ]
  private static let factAttributes: [(String, Relation)] = [
    ("above-fact", .above), ("below-fact", .below), ("at-least-fact", .atLeast),
    ("at-most-fact", .atMost), ("is-fact", .equals),
  ]

  init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

  /// The condition of a `<when>` element: one child, or the conjunction of several.
  mutating func parse(when element: ParsedElement) -> Condition? {
    let parts = element.children.compactMap { parse(condition: $0) }
    guard parts.count == element.children.count, !parts.isEmpty else {
      if element.children.isEmpty { report(element, "empty-condition", "<when> needs at least one condition") }
      return nil
    }
    return parts.count == 1 ? parts[0] : .all(parts)
  }

  private mutating func parse(condition element: ParsedElement) -> Condition? {
    switch element.name {
    case "all", "any":
      let parts = element.children.compactMap { parse(condition: $0) }
      guard !element.children.isEmpty else {
        report(element, "empty-condition", "<\(element.name)> needs at least one condition")
        return nil
      }
      guard parts.count == element.children.count else { return nil }
      return element.name == "all" ? .all(parts) : .any(parts)
    case "not":
      guard element.children.count == 1 else {
        report(element, "empty-condition", "<not> needs exactly one condition")
        return nil
      }
      return parse(condition: element.children[0]).map { .not($0) }
    case "fact":
      return parseTest(element).map { .test($0) }
    default:
      report(element, "unknown-element", "unknown condition <\(element.name)>")
      return nil
    }
  }

  private mutating func parseTest(_ element: ParsedElement) -> FactTest? {
    let name = element["name"] ?? ""
    guard let declaration = vocabulary[name] else {
      report(element, "unknown-fact", "unknown fact '\(name)'")
      return nil
    }
    var found: [(FactTest)] = []
    func add(_ comparison: Comparison, _ summary: String) {
      found.append(
        FactTest(fact: name, comparison: comparison, summary: "\(name) \(summary)", location: element.location))
    }
    if let text = element["is"], let value = value(text, for: declaration, at: element) {
      add(.equals(value), "is \(text)")
    }
    if let text = element["in"] {
      let symbols = text.split(separator: " ").map(String.init)
      if checkSymbols(symbols, of: declaration, at: element, allowing: [.choice]) {
        add(.oneOf(Set(symbols)), "in \(symbols.joined(separator: ", "))")
      }
    }
    if let text = element["has"], checkSymbols([text], of: declaration, at: element, allowing: [.set]) {
      add(.contains(text), "has \(text)")
    }
    for (attribute, relation) in Self.numericAttributes {
      if let text = element[attribute], let number = number(text, for: declaration, at: element) {
        add(.compare(relation, number), "\(relation.symbol) \(text)\(unitSuffix(element, declaration))")
      }
    }
    if element["from"] != nil || element["to"] != nil {
      if let low = element["from"].flatMap({ number($0, for: declaration, at: element) }),
        let high = element["to"].flatMap({ number($0, for: declaration, at: element) })
      {
        add(.between(low, high), "from \(element["from"]!) to \(element["to"]!)\(unitSuffix(element, declaration))")
      } else if element["from"] == nil || element["to"] == nil {
        report(element, "bad-range", "a range needs both from= and to=")
      }
    }
    for (attribute, relation) in Self.factAttributes {
      guard let other = element[attribute] else { continue }
      guard let otherDeclaration = vocabulary[other] else {
        report(element, "unknown-fact", "unknown fact '\(other)'")
        continue
      }
      guard otherDeclaration.type == declaration.type, otherDeclaration.dimension == declaration.dimension else {
        report(element, "wrong-unit", "cannot compare '\(name)' with '\(other)': they measure different things")
        continue
      }
      let offset = element["by"].flatMap { number($0, for: declaration, at: element, isOffset: true) } ?? 0
      let by = element["by"].map { " + \($0)\(unitSuffix(element, declaration))" } ?? ""
      add(.versusFact(relation, other, offset: offset), "\(relation.symbol) \(other)\(by)")
    }
    if found.count != 1 {
      if found.isEmpty && diagnostics.last?.location != element.location {
        report(
          element, "no-comparison",
          "fact test on '\(name)' needs one of is=, in=, has=, above=, below=, at-least=, at-most=, from=/to= or a *-fact= comparison"
        )
      } else if found.count > 1 {
        report(
          element, "two-comparisons", "fact test on '\(name)' has more than one comparison; use <all> to combine them")
      }
      return nil
    }
    return found[0]
  }

  private func unitSuffix(_ element: ParsedElement, _ declaration: FactDeclaration) -> String {
    let unit = element["unit"] ?? declaration.displayUnit?.symbol ?? ""
    return unit.isEmpty ? "" : " \(unit)"
  }

  /// Parses a number written in the element's unit (or the fact's display unit) into the base unit.
  ///
  /// The number must lie in the fact's declared range (``FactDeclaration/range``); an offset
  /// (`by=`) may be at most the width of that range either way. A bound outside the range could
  /// never decide anything, and is most often a unit slip (`unit="m"` on a bag width).
  mutating func number(
    _ text: String, for declaration: FactDeclaration, at element: ParsedElement, isOffset: Bool = false
  ) -> Double? {
    guard declaration.type == .number, let dimension = declaration.dimension else {
      report(element, "wrong-type", "fact '\(declaration.name)' is a \(declaration.type.rawValue), not a number")
      return nil
    }
    guard let number = Double(text), number.isFinite else {
      report(element, "bad-number", "'\(text)' is not a number")
      return nil
    }
    var unit = declaration.displayUnit ?? UnitOfMeasure.base(of: dimension)
    if let symbol = element["unit"] {
      guard let written = UnitOfMeasure.named(symbol) else {
        report(element, "unknown-unit", "unknown unit '\(symbol)'")
        return nil
      }
      guard written.dimension == dimension else {
        report(
          element, "wrong-unit",
          "unit '\(symbol)' measures \(written.dimension.rawValue), but '\(declaration.name)' is a \(dimension.rawValue)"
        )
        return nil
      }
      unit = written
    }
    let value = number * unit.factor
    let range = declaration.range
    let allowed = isOffset ? -(range.upperBound - range.lowerBound)...(range.upperBound - range.lowerBound) : range
    guard value.isFinite, allowed.contains(value) else {
      let shown =
        "\(declaration.display(.number(allowed.lowerBound), language: .en))"
        + " to \(declaration.display(.number(allowed.upperBound), language: .en))"
      report(
        element, "out-of-range",
        isOffset
          ? "offset '\(text)' is larger than the whole range of '\(declaration.name)' (\(shown))"
          : "'\(text)' is outside the range of '\(declaration.name)' (\(shown))")
      return nil
    }
    return value
  }

  /// Parses a value for `is=` or `<derive value=…>`.
  mutating func value(_ text: String, for declaration: FactDeclaration, at element: ParsedElement) -> Value? {
    switch declaration.type {
    case .number:
      return number(text, for: declaration, at: element).map { .number($0) }
    case .choice:
      return checkSymbols([text], of: declaration, at: element, allowing: [.choice]) ? .symbol(text) : nil
    case .flag:
      switch text {
      case "true", "yes": return .flag(true)
      case "false", "no": return .flag(false)
      default:
        report(element, "unknown-value", "fact '\(declaration.name)' is yes/no; '\(text)' is neither true nor false")
        return nil
      }
    case .set:
      let members = text.split(separator: " ").map(String.init)
      return checkSymbols(members, of: declaration, at: element, allowing: [.set]) ? .set(Set(members)) : nil
    case .text:
      return .symbol(text)
    }
  }

  private mutating func checkSymbols(
    _ symbols: [String], of declaration: FactDeclaration, at element: ParsedElement, allowing types: Set<FactType>
  ) -> Bool {
    guard types.contains(declaration.type) else {
      report(
        element, "wrong-type",
        "fact '\(declaration.name)' is a \(declaration.type.rawValue); this comparison needs a \(types.map(\.rawValue).sorted().joined(separator: " or "))"
      )
      return false
    }
    for symbol in symbols where declaration.allowedValue(symbol) == nil {
      let allowed = declaration.values.map(\.id).joined(separator: ", ")
      report(element, "unknown-value", "'\(symbol)' is not a value of fact '\(declaration.name)' (allowed: \(allowed))")
      return false
    }
    return true
  }

  private mutating func report(_ element: ParsedElement, _ kind: String, _ message: String) {
    diagnostics.append(Diagnostic(kind: kind, at: element.location, message))
  }
}
