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

  /// Kilograms in one 斤.
  static let kgPerJin = 0.5

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
    let fresh = weightColumn == "fresh_jin" ? weight * kgPerJin : weight
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
