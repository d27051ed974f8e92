import GRDB
import MycoCSV
import MycoCalendar
import MycoUnits

/// The harvest CSV file: its columns, and the conversion between a row and a `Harvest`.
///
/// The weight column is `fresh_kg`, or `fresh_jin` (斤, 0.5 kg) in its place.
enum HarvestCSV {
  /// The columns, in the order export writes them.
  static let columns = [
    "batch_id", "harvested_on", "flush", "fresh_kg", "grade", "price_yuan_per_kg",
  ]

  /// Columns that must be present in the header (plus `fresh_kg` or `fresh_jin`).
  static let requiredColumns: Set<String> = ["batch_id", "harvested_on", "flush"]

  /// Reads a harvest from a row; nil when a cell does not parse (the row holds the problems).
  static func harvest(from row: inout CSVRow) -> Harvest? {
    let batchID = row.text("batch_id", required: true)
    let date = row.date("harvested_on")
    let flush = row.integer("flush")
    let weightColumn = row.has("fresh_jin") ? "fresh_jin" : "fresh_kg"
    let weight = row.number(weightColumn)
    let grade = row.text("grade")
    let price = row.number("price_yuan_per_kg", optional: true)
    guard let date, let flush, let weight else { return nil }
    let fresh = weightColumn == "fresh_jin" ? weight * WeightUnit.jin.kilograms : weight
    let harvest = Harvest(
      batchID: batchID, harvestedOn: date, flush: flush, freshKg: fresh, grade: grade,
      priceYuanPerKg: price)
    let found = harvest.problems(weightColumn: weightColumn)
      .filter { !($0.column == "batch_id" && $0.message == "is empty") }
    for problem in found { row.report(problem.column, problem.message) }
    return found.isEmpty && row.problems.isEmpty ? harvest : nil
  }

  /// The cells of a harvest, in `columns` order.
  static func fields(of harvest: Harvest) -> [String] {
    [
      CSVWriter.guarded(harvest.batchID), harvest.harvestedOn.description, String(harvest.flush),
      NumberText.plain(harvest.freshKg), CSVWriter.guarded(harvest.grade),
      harvest.priceYuanPerKg.map(NumberText.plain) ?? "",
    ]
  }
}

/// A harvest row read straight from the file's bytes, without making `String`s.
///
/// Only rows that are plainly valid take this way; `HarvestRowLayout.plainHarvest(_:)` returns
/// nil for anything else (a problem, spaces to trim, a formula guard, non-ASCII text, a number
/// it cannot convert exactly), and the caller then reads the row with `HarvestCSV.harvest(from:)`,
/// which stays the one definition of what a row means and of every message.
struct PlainHarvest {
  /// The batch id's bytes (printable ASCII, no space, not starting with `'`).
  var batchID: UnsafeBufferPointer<UInt8>
  /// The date's bytes, `YYYY-MM-DD` (equal to `harvestedOn.description`).
  var dateText: UnsafeBufferPointer<UInt8>
  var harvestedOn: CalendarDate
  var flush: Int
  var freshKg: Double
  /// The grade's bytes (printable ASCII, no space, not starting with `'`; may be empty).
  var grade: UnsafeBufferPointer<UInt8>
  var priceYuanPerKg: Double?

  /// Appends the values for `Harvest.insertSQL`, the text taken from the file's bytes as they
  /// are (short ids, dates and grades are stored inline in `String`, without allocating).
  func append(to values: inout [DatabaseValue]) {
    values.append(String(decoding: batchID, as: UTF8.self).databaseValue)
    values.append(String(decoding: dateText, as: UTF8.self).databaseValue)
    values.append(flush.databaseValue)
    values.append(freshKg.databaseValue)
    values.append(String(decoding: grade, as: UTF8.self).databaseValue)
    values.append(priceYuanPerKg.databaseValue)
  }

  /// The same harvest as `Harvest` values.
  var harvest: Harvest {
    Harvest(
      batchID: String(decoding: batchID, as: UTF8.self), harvestedOn: harvestedOn, flush: flush,
      freshKg: freshKg, grade: String(decoding: grade, as: UTF8.self),
      priceYuanPerKg: priceYuanPerKg)
  }
}

/// Where a harvest file's columns are, resolved once from its header.
struct HarvestRowLayout {
  let columnCount: Int
  let batchID: Int
  let harvestedOn: Int
  let flush: Int
  let weight: Int
  /// Whether the weight is in 斤 (`fresh_jin`).
  let weightInJin: Bool
  let grade: Int?
  let price: Int?
  /// The last plausible day.
  let latestDate = PlausibleRanges.latestDateNow

  /// The layout of a header whose checks passed (so the required columns are there).
  init?(columns: [String: Int]) {
    guard let batchID = columns["batch_id"], let harvestedOn = columns["harvested_on"],
      let flush = columns["flush"], let weight = columns["fresh_jin"] ?? columns["fresh_kg"]
    else { return nil }
    columnCount = columns.count
    self.batchID = batchID
    self.harvestedOn = harvestedOn
    self.flush = flush
    self.weight = weight
    weightInJin = columns["fresh_jin"] != nil
    grade = columns["grade"]
    price = columns["price_yuan_per_kg"]
  }

  /// The harvest of a plainly valid row, or nil when the row needs the full reading.
  func plainHarvest(_ record: CSVReader.Record) -> PlainHarvest? {
    guard record.fields.count == columnCount else { return nil }
    let batchID = record.bytes(self.batchID)
    guard !batchID.isEmpty, Self.isPlainText(batchID) else { return nil }
    let dateText = record.bytes(harvestedOn)
    // Anything outside the plausible ranges takes the general reading, which names it.
    guard let date = CalendarDate(isoBytes: dateText),
      !(date < PlausibleRanges.earliestDate), !(latestDate < date),
      let flush = Self.plainInteger(record.bytes(flush)), PlausibleRanges.flush.contains(flush),
      let weight = Self.plainDecimal(record.bytes(weight)),
      PlausibleRanges.freshKgPerHarvest.contains(weightInJin ? weight * WeightUnit.jin.kilograms : weight)
    else { return nil }
    var grade = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    if let index = self.grade {
      grade = record.bytes(index)
      guard Self.isPlainText(grade) else { return nil }
    }
    var price: Double? = nil
    if let index = self.price {
      let text = record.bytes(index)
      if !text.isEmpty {
        guard let value = Self.plainDecimal(text), PlausibleRanges.priceYuanPerKg.contains(value) else { return nil }
        price = value
      }
    }
    return PlainHarvest(
      batchID: batchID, dateText: dateText, harvestedOn: date, flush: flush,
      freshKg: weightInJin ? weight * WeightUnit.jin.kilograms : weight, grade: grade,
      priceYuanPerKg: price)
  }

  /// Printable ASCII without spaces, not starting with the formula guard `'`: trimming and
  /// `CSVWriter.unguard` leave it as it is.
  static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if let first = bytes.first, first == UInt8(ascii: "'") { return false }
    for byte in bytes where byte <= 0x20 || byte >= 0x7F { return false }
    return true
  }

  /// 1 to 18 decimal digits (no sign): the same value `Int(_:)` gives.
  static func plainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    var value = 0
    for byte in bytes {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte &- UInt8(ascii: "0"))
    }
    return value
  }

  /// Powers of ten that a `Double` holds exactly.
  private static let exactPowersOfTen: [Double] = (0...15).map { power in
    (0..<power).reduce(1.0) { value, _ in value * 10 }
  }

  /// `DIGITS` or `DIGITS.DIGITS` with at most 15 digits in all: the same value as
  /// `NumberText.parse`. The digits make an integer below 2^53 and the divisor is an exact
  /// power of ten, so the one division is correctly rounded, like `Double(_:)` (Clinger's fast
  /// path). Anything else returns nil.
  static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
    var mantissa = 0
    var digits = 0
    var fractionDigits = 0
    var seenPoint = false
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        guard !seenPoint, digits > 0 else { return nil }
        seenPoint = true
        continue
      }
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      mantissa = mantissa * 10 + Int(byte &- UInt8(ascii: "0"))
      digits += 1
      if seenPoint { fractionDigits += 1 }
    }
    guard digits <= 15, !seenPoint || fractionDigits > 0 else { return nil }
    return Double(mantissa) / exactPowersOfTen[fractionDigits]
  }
}
