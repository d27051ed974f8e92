import MycoCalendar

/// Conditions in plain words, with the vocabulary's labels and units, for `myco rules explain`.
extension Condition {
  /// The condition as one phrase per top-level part (an `all` gives one line per part).
  public func phrases(_ vocabulary: Vocabulary, language: Language) -> [String] {
    if case .all(let parts) = self { return parts.map { $0.words(vocabulary, language: language) } }
    return [words(vocabulary, language: language)]
  }

  /// The condition as one phrase.
  public func words(_ vocabulary: Vocabulary, language: Language) -> String {
    let zh = language == .zh
    switch self {
    case .all(let parts):
      return "(" + parts.map { $0.words(vocabulary, language: language) }.joined(separator: zh ? "，并且" : " and ") + ")"
    case .any(let parts):
      return (zh ? "下列之一：" : "one of: ")
        + parts.map { $0.words(vocabulary, language: language) }.joined(separator: zh ? "；或" : "; or ")
    case .not(let part): return (zh ? "并非" : "not ") + part.words(vocabulary, language: language)
    case .test(let test): return test.words(vocabulary, language: language)
    }
  }
}

extension FactTest {
  /// `air temperature is above 25 °C` / `气温高于 25 °C`.
  public func words(_ vocabulary: Vocabulary, language: Language) -> String {
    let zh = language == .zh
    let declaration = vocabulary[fact]
    let label = declaration?.label.text(in: language) ?? fact
    func show(_ value: Value) -> String { declaration?.display(value, language: language) ?? value.description }
    func relation(_ relation: Relation) -> String {
      switch (relation, zh) {
      case (.above, true): "高于"
      case (.below, true): "低于"
      case (.atLeast, true): "不低于"
      case (.atMost, true): "不高于"
      case (.equals, true): "等于"
      case (.above, false): "is above"
      case (.below, false): "is below"
      case (.atLeast, false): "is at least"
      case (.atMost, false): "is at most"
      case (.equals, false): "equals"
      }
    }
    switch comparison {
    case .equals(let value): return zh ? "\(label)是\(show(value))" : "\(label) is \(show(value))"
    case .oneOf(let symbols):
      let shown = symbols.sorted().map { show(.symbol($0)) }.joined(separator: zh ? "、" : ", ")
      return zh ? "\(label)是\(shown)之一" : "\(label) is one of \(shown)"
    case .contains(let member):
      return zh ? "\(label)包括\(show(.symbol(member)))" : "\(label) include \(show(.symbol(member)))"
    case .compare(let rel, let bound):
      return zh
        ? "\(label)\(relation(rel)) \(show(.number(bound)))" : "\(label) \(relation(rel)) \(show(.number(bound)))"
    case .between(let low, let high):
      return zh
        ? "\(label)在 \(show(.number(low))) 到 \(show(.number(high))) 之间"
        : "\(label) is from \(show(.number(low))) to \(show(.number(high)))"
    case .versusFact(let rel, let other, let offset):
      let otherLabel = vocabulary[other]?.label.text(in: language) ?? other
      let by = offset == 0 ? "" : " + \(show(.number(offset)))"
      return zh ? "\(label)\(relation(rel))\(otherLabel)\(by)" : "\(label) \(relation(rel)) \(otherLabel)\(by)"
    }
  }
}
