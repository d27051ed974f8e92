/// The batch CSV file: its columns, and the conversion between a row and a `Batch`.
enum BatchCSV {
  /// The columns, in the order export writes them.
  static let columns = [
    "batch_id", "grower", "place", "elevation_m", "variety", "strain", "substrate", "bag_size",
    "dry_substrate_kg_per_bag", "bags", "inoculated_on", "facility", "bags_contaminated",
    "advice_rules", "kb_version", "notes",
  ]

  /// Columns that must be present in the header.
  static let requiredColumns: Set<String> = [
    "batch_id", "grower", "variety", "bag_size", "dry_substrate_kg_per_bag", "bags",
    "inoculated_on",
  ]

  /// Reads a batch from a row; nil when a cell does not parse (the row holds the problems).
  static func batch(from row: inout CSVRow, knownVarieties: Set<String>) -> Batch? {
    let id = row.text("batch_id", required: true)
    let grower = row.text("grower", required: true)
    let place = row.text("place")
    let elevation = row.number("elevation_m", optional: true)
    let variety = row.text("variety", required: true)
    let strain = row.text("strain")
    let substrate = row.text("substrate")
    let bagSize = row.bagSize("bag_size")
    let dry = row.number("dry_substrate_kg_per_bag")
    let bags = row.integer("bags")
    let inoculated = row.date("inoculated_on")
    let facility = row.text("facility")
    let contaminated = row.integer("bags_contaminated", defaultValue: 0)
    let rules = row.text("advice_rules").split(whereSeparator: \.isWhitespace).map(String.init)
    let kbVersion = row.text("kb_version")
    let notes = row.text("notes")
    guard let bagSize, let dry, let bags, let inoculated, let contaminated else { return nil }
    let batch = Batch(
      id: id, grower: grower, place: place, elevationM: elevation, variety: variety,
      strain: strain, substrate: substrate, bagSize: bagSize, drySubstrateKgPerBag: dry,
      bags: bags, inoculatedOn: inoculated, facility: facility, bagsContaminated: contaminated,
      adviceRules: rules, kbVersion: kbVersion, notes: notes)
    let found = batch.problems(knownVarieties: knownVarieties)
      .filter { !($0.message == "is empty" && ["batch_id", "grower", "variety"].contains($0.column)) }
    for problem in found { row.report(problem.column, problem.message) }
    return found.isEmpty && row.problems.isEmpty ? batch : nil
  }

  /// The cells of a batch, in `columns` order, text guarded against formula injection.
  static func fields(of batch: Batch) -> [String] {
    [
      CSVWriter.guarded(batch.id), CSVWriter.guarded(batch.grower),
      CSVWriter.guarded(batch.place), batch.elevationM.map(NumberText.plain) ?? "",
      CSVWriter.guarded(batch.variety), CSVWriter.guarded(batch.strain),
      CSVWriter.guarded(batch.substrate), batch.bagSize.description,
      NumberText.plain(batch.drySubstrateKgPerBag), String(batch.bags),
      batch.inoculatedOn.description, CSVWriter.guarded(batch.facility),
      String(batch.bagsContaminated), CSVWriter.guarded(batch.adviceRules.joined(separator: " ")),
      CSVWriter.guarded(batch.kbVersion), CSVWriter.guarded(batch.notes),
    ]
  }
}
