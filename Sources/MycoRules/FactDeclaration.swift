import MycoCalendar
import MycoXML

/// What kind of values a fact takes.
public enum FactType: String, Sendable, Hashable, Codable {
  /// A number with a dimension (converted to the base unit).
  case number
  /// One of a declared list of symbols.
  case choice
  /// Any subset of a declared list of symbols.
  case set
  /// Yes or no.
  case flag
  /// Free text, for display only (conditions cannot test it).
  case text
}

/// One allowed symbol of a `choice` or `set` fact, with its labels.
public struct AllowedValue: Sendable, Hashable, Codable {
  /// The symbol rules and inputs use, e.g. `shiitake`.
  public var id: String
  /// What people read for it.
  public var label: LocalizedText

  /// A value with its id and label.
  public init(id: String, label: LocalizedText) {
    self.id = id
    self.label = label
  }
}

/// The declaration of a fact in the vocabulary: its name, type, unit and words.
public struct FactDeclaration: Sendable, Hashable {
  /// The name rules use, e.g. `elevation`.
  public var name: String
  /// Number, choice, flag, set or free text.
  public var type: FactType
  /// For numbers: what they measure.
  public var dimension: PhysicalDimension?
  /// For numbers: the unit shown to people (values are stored in the base unit).
  public var displayUnit: UnitOfMeasure?
  /// For numbers: the smallest and largest sensible values, in the base unit.
  public var minimum: Double?
  /// See ``minimum``.
  public var maximum: Double?
  /// For numbers: the usual range, in the base unit; a given value outside it gets ``caveat``.
  public var usualMinimum: Double?
  /// See ``usualMinimum``.
  public var usualMaximum: Double?
  /// What to tell a person whose value lies outside the usual range (empty: a generic sentence).
  public var caveat: LocalizedText = LocalizedText()
  /// The order questions are asked in: lower first; nil after every fact that has one.
  public var importance: Int?
  /// For choices and sets: the allowed symbols.
  public var values: [AllowedValue]
  /// What the fact is called.
  public var label: LocalizedText
  /// The question to ask a grower when the fact is missing (empty: never asked, e.g. derived only).
  public var question: LocalizedText
  /// Where it is declared.
  public var location: SourceLocation

  /// A declaration; the loader fills it from a `<fact>` element of the vocabulary file.
  public init(
    name: String, type: FactType, dimension: PhysicalDimension? = nil, displayUnit: UnitOfMeasure? = nil,
    minimum: Double? = nil, maximum: Double? = nil, values: [AllowedValue] = [],
    label: LocalizedText = LocalizedText(), question: LocalizedText = LocalizedText(),
    location: SourceLocation
  ) {
    self.name = name
    self.type = type
    self.dimension = dimension
    self.displayUnit = displayUnit
    self.minimum = minimum
    self.maximum = maximum
    self.values = values
    self.label = label
    self.question = question
    self.location = location
  }

  /// The largest magnitude of any number in a vocabulary or a rule, in the base unit: big enough
  /// for any quantity a rule base needs, small enough that no sum or unit conversion overflows.
  public static let numberLimit = 1e9

  /// For numbers: the values a rule may compare with, in the base unit — the declared
  /// `min`…`max`, with ±``numberLimit`` for an end that is not declared.
  public var range: ClosedRange<Double> {
    let low = minimum ?? -Self.numberLimit
    let high = maximum ?? Self.numberLimit
    return low <= high ? low...high : high...low
  }

  /// The allowed value with this id, if declared.
  public func allowedValue(_ id: String) -> AllowedValue? { values.first { $0.id == id } }

  /// A value as people read it: numbers in the display unit, symbols by their label.
  public func display(_ value: Value, language: Language) -> String {
    switch value {
    case .number(let number):
      guard let unit = displayUnit else { return Value.format(number) }
      let shown = Value.format((number / unit.factor * 100).rounded() / 100)
      let symbol = unit.symbol(in: language)
      return symbol.isEmpty ? shown : "\(shown) \(symbol)"
    case .symbol(let symbol):
      return allowedValue(symbol)?.label.text(in: language) ?? symbol
    case .flag(let flag):
      return language == .zh ? (flag ? "是" : "否") : (flag ? "yes" : "no")
    case .set(let members):
      if members.isEmpty { return language == .zh ? "无" : "none" }
      return members.sorted().map { allowedValue($0)?.label.text(in: language) ?? $0 }
        .joined(separator: language == .zh ? "、" : ", ")
    }
  }
}
