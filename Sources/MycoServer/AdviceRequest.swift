import Foundation
import MycoCalendar
import MycoDiagnostics
import MycoKnowledge
import MycoSheets
import MycoUnits

/// A request that cannot be answered: what is wrong, which field, and the HTTP status.
public struct InputError: Error, Sendable, Hashable {
  public var status: Int
  public var message: String
  public var field: String?
  /// For an unknown variety: the known ones.
  public var known: [String]?

  public init(status: Int = 400, _ message: String, field: String? = nil, known: [String]? = nil) {
    self.status = status
    self.message = message
    self.field = field
    self.known = known
  }

  /// `{"error": …, "field": …}` (and `known` for an unknown variety).
  public var json: String {
    var object: [String: Any] = ["error": message]
    if let field { object["field"] = field }
    if let known { object["known"] = known }
    let data =
      (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

/// A grower's situation as a web form or JSON gives it, with the CLI's option names
/// (`variety`, `elevation`, `date`, `bag`, `stage`, `temperature`, `bag-temperature`, `humidity`,
/// `day-night-difference`, `symptoms`/`symptom`, …), plus `village` and `lang`.
public struct AdviceRequest: Sendable, Hashable {
  public var values: [String: String] = [:]
  public var symptoms: [String]?
  public var language: Language = .zh

  /// Text fields, in the order the forms show them.
  public static let textFields = [
    "variety", "village", "elevation", "date", "bag", "strain", "substrate", "stage", "facility", "temperature",
    "bag-temperature", "humidity", "day-night-difference",
  ]
  static let numberFields: Set<String> = [
    "elevation", "temperature", "bag-temperature", "humidity", "day-night-difference",
  ]
  /// Every field the JSON API accepts.
  public static let jsonFields = Set(textFields + ["symptoms", "lang"])

  public init() {}

  /// From form or query pairs (repeated `symptom` keys; empty values are left out).
  /// Unknown keys are ignored, as browsers send buttons and such.
  public init(pairs: [(String, String)]) {
    var seen: [String] = []
    var askedSymptoms = false
    for (key, value) in pairs {
      let trimmed = value.trimmingCharacters(in: .whitespaces)
      switch key {
      case "symptom", "symptoms":
        askedSymptoms = true
        if !trimmed.isEmpty { seen.append(trimmed) }
      case "symptoms-asked": askedSymptoms = true
      case "lang": language = trimmed == "en" ? .en : .zh
      default:
        if Self.textFields.contains(key), !trimmed.isEmpty { values[key] = trimmed }
      }
    }
    if askedSymptoms { symptoms = seen }
  }

  /// From a JSON object; an unknown field or a wrong type is an ``InputError`` (400) naming it.
  public init(json data: Data) throws(InputError) {
    let dictionary: [String: DecodedJSON]
    do { dictionary = try JSONDecoder().decode([String: DecodedJSON].self, from: data) } catch {
      throw InputError("malformed JSON: the body must be one JSON object")
    }
    for key in dictionary.keys.sorted() where !Self.jsonFields.contains(key) {
      throw InputError(
        "unknown field '\(key)' (known: \(Self.jsonFields.sorted().joined(separator: ", ")))", field: key)
    }
    for (key, value) in dictionary {
      switch (key, value) {
      case (_, .null): continue
      case ("symptoms", .array(let list)):
        symptoms = try list.map { item throws(InputError) in
          guard case .string(let text) = item else {
            throw InputError("'symptoms' must be an array of strings", field: key)
          }
          return text
        }
      case ("symptoms", _): throw InputError("'symptoms' must be an array of strings", field: key)
      case ("lang", .string(let text)) where Language(rawValue: text) != nil: language = Language(rawValue: text) ?? .zh
      case ("lang", _): throw InputError("'lang' must be \"zh\" or \"en\"", field: key)
      case (_, .number(let number)) where Self.numberFields.contains(key): values[key] = Self.format(number)
      case (_, _) where Self.numberFields.contains(key): throw InputError("'\(key)' must be a number", field: key)
      case (_, .string(let text)): values[key] = text
      default: throw InputError("'\(key)' must be a string", field: key)
      }
    }
  }

  static func format(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }

  /// The situation; `today` when no date is given. A village fills in the elevation when none is given.
  public func situation(base: LoadedBase, today: CalendarDate) throws(InputError) -> Situation {
    guard let variety = values["variety"], !variety.isEmpty else {
      throw InputError(
        status: 422, "choose a variety", field: "variety", known: base.advisor.knowledge.varieties.map(\.id))
    }
    guard base.advisor.knowledge.variety(variety) != nil else {
      throw InputError(
        status: 422, "unknown variety '\(variety)'", field: "variety", known: base.advisor.knowledge.varieties.map(\.id)
      )
    }
    func number(_ key: String) throws(InputError) -> Double? {
      guard let text = values[key] else { return nil }
      guard let value = Double(text), value.isFinite else {
        throw InputError("'\(key)' must be a number, not '\(text)'", field: key)
      }
      return value
    }
    var elevation = try number("elevation")
    if let village = values["village"] {
      guard let place = base.place(village) else {
        throw InputError(status: 422, "unknown village '\(village)'", field: "village")
      }
      if elevation == nil { elevation = place.elevation }
    }
    var date = today
    if let text = values["date"] {
      guard let parsed = CalendarDate(iso: text) else {
        throw InputError("'date' must be a date like 2026-08-15, not '\(text)'", field: "date")
      }
      date = parsed
    }
    var bag: BagDimensions?
    if let text = values["bag"] {
      guard let parsed = BagDimensions(parsing: text) else {
        throw InputError("'bag' must be \(BagDimensions.expectedForm), not '\(text)'", field: "bag")
      }
      bag = parsed
    }
    let seen = symptoms.map { Set($0.filter { $0 != "none" }) }
    return Situation(
      variety: variety, strain: values["strain"], elevation: elevation, date: date, bag: bag,
      substrate: values["substrate"], stage: values["stage"], facility: values["facility"],
      temperature: try number("temperature"), bagTemperature: try number("bag-temperature"),
      humidity: try number("humidity"), dayNightDifference: try number("day-night-difference"), symptoms: seen)
  }

  /// The same input as query pairs (for links to the sheet and re-asking).
  public var queryPairs: [(String, String)] {
    var pairs = Self.textFields.compactMap { key in values[key].map { (key, $0) } }
    if let symptoms {
      pairs.append(("symptoms-asked", "1"))
      pairs += symptoms.map { ("symptom", $0) }
    }
    pairs.append(("lang", language.rawValue))
    return pairs
  }

  /// `a=1&b=2`, percent-encoded.
  public var query: String { Self.encode(queryPairs) }

  static func encode(_ pairs: [(String, String)]) -> String { SheetLinks.encode(pairs) }
}

extension Diagnostic {
  /// The form field a situation problem is about (for `{"field": …}`), guessed from its words (the
  /// diagnostic's own ``Diagnostic/field`` names a fact, not always a form field).
  var situationField: String? {
    let message = self.message.english
    for (word, field) in [
      ("variety", "variety"), ("elevation", "elevation"), ("humidity", "humidity"),
      ("day–night", "day-night-difference"),
      ("temperature", "temperature"), ("stage", "stage"), ("substrate", "substrate"), ("facility", "facility"),
      ("symptoms", "symptoms"), ("bag", "bag"),
    ] where message.contains(word) { return field }
    return nil
  }
}

/// A JSON value, decoded strictly (a number is never a flag and the reverse).
enum DecodedJSON: Decodable, Sendable {
  case null, bool(Bool), number(Double), string(String), array([DecodedJSON]), object([String: DecodedJSON])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([DecodedJSON].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: DecodedJSON].self))
    }
  }
}
