import Foundation
import MycoCalendar
import MycoRecords

/// Generated batch and harvest CSV files in the `myco yields import` format.
struct YieldData {
  let batches: Int
  let harvests: Int
  let batchesPath: String
  let harvestsPath: String

  /// Writes `rows` harvests over `rows / 50` batches (at least 10) into `folder`; seeded.
  static func generate(rows: Int, in folder: String) throws -> YieldData {
    var random = SeededRandom(seed: 2024)
    let batchCount = max(10, rows / 50)
    let sizes = ["15x55", "15x45", "18x35", "23x45"]
    let dry = ["15x55": "0.95", "15x45": "0.76", "18x35": "0.55", "23x45": "1"]
    var starts: [CalendarDate] = []
    var text =
      "batch_id,grower,place,elevation_m,variety,strain,substrate,bag_size,dry_substrate_kg_per_bag,bags,inoculated_on,facility,bags_contaminated,advice_rules,kb_version,notes\n"
    for n in 0..<batchCount {
      let size = sizes[Int(random.next() % 4)]
      let start = CalendarDate(
        year: 2020 + Int(random.next() % 5), month: 1 + Int(random.next() % 12),
        day: 1 + Int(random.next() % 28))!
      starts.append(start)
      let bags = 500 + Int(random.next() % 2000)
      text +=
        "B\(n),Grower \(n % 97),Village \(n % 13),\(200 + Int(random.next() % 1600)),shiitake,L808,sawdust,\(size),\(dry[size]!),\(bags),\(start),simple-shed,\(Int(random.next() % 100)),,,\n"
    }
    let batchesPath = folder + "/batches.csv"
    try Data(text.utf8).write(to: URL(fileURLWithPath: batchesPath))

    var out = [UInt8]("batch_id,harvested_on,flush,fresh_kg,grade,price_yuan_per_kg\n".utf8)
    out.reserveCapacity(rows * 40)
    for row in 0..<rows {
      let batch = row % batchCount
      let flush = 1 + (row / batchCount) % 6
      let day = CalendarDate(
        year: starts[batch].year + 1, month: 1 + Int(random.next() % 12), day: 1 + Int(random.next() % 28))!
      let kg = Double(100 + Int(random.next() % 4000)) / 10
      out += "B\(batch),\(day),\(flush),\(kg),\(random.next() % 2 == 0 ? "A" : "B"),12.5\n".utf8
    }
    let harvestsPath = folder + "/harvests.csv"
    try Data(out).write(to: URL(fileURLWithPath: harvestsPath))
    return YieldData(batches: batchCount, harvests: rows, batchesPath: batchesPath, harvestsPath: harvestsPath)
  }
}
