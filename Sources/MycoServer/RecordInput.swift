import MycoUnits
import MycoCalendar
import Foundation
import MycoRecords

/// A batch or harvest as a form or JSON gives it, with the `myco yields add-batch` /
/// `add-harvest` option names; turns into a record or an ``InputError`` naming the field.
struct RecordInput {
  static let batchFields: Set<String> = [
    "id", "grower", "place", "elevation", "variety", "strain", "substrate", "bag-size", "dry-substrate-kg", "bags",
    "inoculated-on", "facility", "bags-contaminated", "advice-rules", "kb-version", "notes",
  ]
  static let harvestFields: Set<String> = ["batch", "date", "flush", "fresh-kg", "grade", "price-yuan-per-kg"]
  static let inputFields: Set<String> = ["batch", "date", "kind", "product", "amount", "unit", "target", "note"]
  static let numberFields: Set<String> = [
    "elevation", "dry-substrate-kg", "bags", "bags-contaminated", "flush", "fresh-kg", "price-yuan-per-kg", "amount",
  ]

  var values: [String: String] = [:]
  var adviceRules: [String] = []

  init(pairs: [(String, String)], fields: Set<String>) {
    for (key, value) in pairs where fields.contains(key) {
      let trimmed = value.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else { continue }
      if key == "advice-rules" {
        adviceRules += trimmed.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
      } else {
        values[key] = trimmed
      }
    }
  }

  init(json data: Data, fields: Set<String>) throws(InputError) {
    let dictionary: [String: DecodedJSON]
    do { dictionary = try JSONDecoder().decode([String: DecodedJSON].self, from: data) } catch {
      throw InputError("malformed JSON: the body must be one JSON object")
    }
    for key in dictionary.keys.sorted() where !fields.contains(key) {
      throw InputError("unknown field '\(key)' (known: \(fields.sorted().joined(separator: ", ")))", field: key)
    }
    for (key, value) in dictionary {
      switch (key, value) {
      case (_, .null): continue
      case ("advice-rules", .array(let list)):
        adviceRules = try list.map { item throws(InputError) in
          guard case .string(let text) = item else {
            throw InputError("'advice-rules' must be an array of rule ids", field: key)
          }
          return text
        }
      case ("advice-rules", _): throw InputError("'advice-rules' must be an array of rule ids", field: key)
      case (_, .number(let number)) where Self.numberFields.contains(key): values[key] = AdviceRequest.format(number)
      case (_, _) where Self.numberFields.contains(key): throw InputError("'\(key)' must be a number", field: key)
      case (_, .string(let text)): values[key] = text
      default: throw InputError("'\(key)' must be a string", field: key)
      }
    }
  }

  func text(_ key: String, required: Bool = false) throws(InputError) -> String {
    guard let value = values[key] else {
      if required { throw InputError(status: 422, "'\(key)' is required", field: key) }
      return ""
    }
    return value
  }

  func number(_ key: String, required: Bool = false) throws(InputError) -> Double? {
    guard let text = values[key] else {
      if required { throw InputError(status: 422, "'\(key)' is required", field: key) }
      return nil
    }
    guard let value = Double(text), value.isFinite else {
      throw InputError("'\(key)' must be a number, not '\(text)'", field: key)
    }
    return value
  }

  func integer(_ key: String, required: Bool = false) throws(InputError) -> Int? {
    guard let value = try number(key, required: required) else { return nil }
    guard value == value.rounded(), abs(value) < 1e9 else {
      throw InputError("'\(key)' must be a whole number", field: key)
    }
    return Int(value)
  }

  func date(_ key: String) throws(InputError) -> CalendarDate {
    let text = try text(key, required: true)
    guard let date = CalendarDate(iso: text) else {
      throw InputError("'\(key)' must be a date like 2026-08-15, not '\(text)'", field: key)
    }
    return date
  }

  func batch(kbVersion: String) throws(InputError) -> Batch {
    let bagText = try text("bag-size", required: true)
    guard let bag = BagDimensions(parsing: bagText) else {
      throw InputError("'bag-size' must be \(BagDimensions.expectedForm), not '\(bagText)'", field: "bag-size")
    }
    return Batch(
      id: try text("id", required: true), grower: try text("grower", required: true), place: try text("place"),
      elevationM: try number("elevation"), variety: try text("variety", required: true), strain: try text("strain"),
      substrate: try text("substrate"), bagSize: bag,
      drySubstrateKgPerBag: try number("dry-substrate-kg", required: true)!,
      bags: try integer("bags", required: true)!, inoculatedOn: try date("inoculated-on"),
      facility: try text("facility"),
      bagsContaminated: try integer("bags-contaminated") ?? 0, adviceRules: adviceRules,
      kbVersion: values["kb-version"] ?? (adviceRules.isEmpty ? "" : kbVersion), notes: try text("notes"))
  }

  /// An input or spray, with the `myco yields add-input` option names.
  func input() throws(InputError) -> Input {
    let kindText = try text("kind", required: true)
    guard let kind = InputKind(rawValue: kindText) else {
      throw InputError(
        "'kind' must be one of \(InputKind.allCases.map(\.rawValue).joined(separator: ", "))", field: "kind")
    }
    var unit: InputUnit?
    if let unitText = values["unit"] {
      guard let parsed = InputUnit(rawValue: unitText) else {
        throw InputError(
          "'unit' must be one of \(InputUnit.allCases.map(\.rawValue).joined(separator: ", "))", field: "unit")
      }
      unit = parsed
    }
    return Input(
      batchID: try text("batch", required: true), usedOn: try date("date"), kind: kind,
      product: try text("product", required: true),
      amount: try number("amount"), unit: unit, target: try text("target"), note: try text("note"))
  }

  func harvest() throws(InputError) -> Harvest {
    Harvest(
      batchID: try text("batch", required: true), harvestedOn: try date("date"),
      flush: try integer("flush", required: true)!,
      freshKg: try number("fresh-kg", required: true)!, grade: try text("grade"),
      priceYuanPerKg: try number("price-yuan-per-kg"))
  }
}

extension YieldRecordsError {
  /// The records' column names as the API and forms name the fields.
  static let fieldNames = [
    "elevation_m": "elevation", "dry_substrate_kg_per_bag": "dry-substrate-kg", "harvested_on": "date",
    "fresh_jin": "fresh-kg",
    "used_on": "date",
  ]

  /// The refusal as an ``InputError`` (422): every problem in words, the first one's column as the field.
  func inputError(batch: Bool) -> InputError {
    func field(_ column: String) -> String {
      // `add-batch` and `add-harvest` name problems by their option (`--id`), CSV imports by column.
      if column.hasPrefix("--") { return String(column.dropFirst(2)) }
      if column == "batch_id" { return batch ? "id" : "batch" }
      return Self.fieldNames[column] ?? column.replacingOccurrences(of: "_", with: "-")
    }
    switch self {
    case .invalidRecords(let problems):
      return InputError(
        status: 422, problems.map { "\(field($0.field ?? "")): \($0.message.english)" }.joined(separator: "; "),
        field: problems.first.map { field($0.field ?? "") })
    default:
      return InputError(status: 422, "the record was refused")
    }
  }
}
