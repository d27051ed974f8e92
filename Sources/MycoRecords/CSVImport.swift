import Foundation

/// Batches and harvests read from CSV files, with every problem found in them.
///
/// Reading checks each row on its own (types, ranges, known varieties, duplicate ids within
/// the file). `YieldDatabase.importRecords(_:replace:)` then checks the rows against the
/// database and writes them in one transaction, or nothing.
public struct CSVImport: Sendable {
  /// Batches read, in file order.
  public var batches: [SourcedRecord<Batch>] = []
  /// Harvests read, in file order.
  public var harvests: [SourcedRecord<Harvest>] = []
  /// Every problem found, in file order.
  public var problems: [RecordProblem] = []

  /// Creates an empty import.
  public init() {}

  /// Reads the batch and harvest files (either may be nil).
  ///
  /// - Parameters:
  ///   - batchesPath: path of the batch CSV, shown as given in messages.
  ///   - harvestsPath: path of the harvest CSV.
  ///   - knownVarieties: variety ids of the knowledge base.
  /// - Throws: `YieldRecordsError.unreadableFile` when a file cannot be read. Row problems are
  ///   collected in `problems`, not thrown.
  public static func read(
    batchesPath: String?, harvestsPath: String?, knownVarieties: Set<String>
  ) throws -> CSVImport {
    var result = CSVImport()
    if let batchesPath {
      var seen: [String: Int] = [:]
      try forEachRow(
        path: batchesPath, columns: BatchCSV.columns, required: BatchCSV.requiredColumns,
        into: &result.problems
      ) { row in
        guard let batch = BatchCSV.batch(from: &row, knownVarieties: knownVarieties) else { return }
        if let first = seen[batch.id] {
          row.report("batch_id", "\"\(batch.id)\" is already on row \(first)")
          return
        }
        seen[batch.id] = row.line
        result.batches.append(SourcedRecord(batch, file: batchesPath, row: row.line))
      }
    }
    if let harvestsPath {
      try forEachRow(
        path: harvestsPath, columns: HarvestCSV.columns + ["fresh_jin"],
        required: HarvestCSV.requiredColumns, into: &result.problems
      ) { row in
        guard let harvest = HarvestCSV.harvest(from: &row) else { return }
        let weightColumn = row.has("fresh_jin") ? "fresh_jin" : "fresh_kg"
        result.harvests.append(
          SourcedRecord(harvest, file: harvestsPath, row: row.line, weightColumn: weightColumn))
      }
    }
    return result
  }

  /// Reads a file's header, checks it, and calls `body` for each data row; the row's problems
  /// are appended to `problems`.
  private static func forEachRow(
    path: String, columns known: [String], required: Set<String>,
    into problems: inout [RecordProblem], _ body: (inout CSVRow) -> Void
  ) throws {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw YieldRecordsError.unreadableFile(path: path, reason: "cannot be read")
    }
    var columns: [String: Int]? = nil
    var headerOK = true
    CSVReader(bytes: [UInt8](data)).forEachRecord { record in
      guard let header = columns else {
        var map: [String: Int] = [:]
        for (index, name) in record.fields.enumerated() {
          let column = (name ?? "").trimmingCharacters(in: .whitespaces).lowercased()
          if !known.contains(column) {
            problems.append(RecordProblem(
              file: path, row: record.line, column: column.isEmpty ? "(header)" : column,
              message: "is not a known column (expected \(known.joined(separator: ", ")))"))
            headerOK = false
          } else if map[column] != nil {
            problems.append(RecordProblem(
              file: path, row: record.line, column: column, message: "appears twice"))
            headerOK = false
          }
          map[column] = index
        }
        var missing = required.subtracting(map.keys).sorted()
        if known.contains("fresh_jin") {
          switch (map["fresh_kg"] != nil, map["fresh_jin"] != nil) {
          case (false, false): missing.append("fresh_kg")
          case (true, true):
            problems.append(RecordProblem(
              file: path, row: record.line, column: "fresh_jin",
              message: "give fresh_kg or fresh_jin, not both"))
            headerOK = false
          default: break
          }
        }
        for column in missing {
          problems.append(RecordProblem(
            file: path, row: record.line, column: column, message: "column is missing"))
          headerOK = false
        }
        columns = map
        return
      }
      guard headerOK else { return }
      var row = CSVRow(file: path, line: record.line, fields: record.fields, columns: header)
      body(&row)
      problems.append(contentsOf: row.problems)
    }
    if columns == nil {
      problems.append(RecordProblem(
        file: path, row: 1, column: "(header)", message: "the file is empty; a header row is needed"))
    }
  }
}
