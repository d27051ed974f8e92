import Foundation
import MycoCSV
import MycoDiagnostics

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
  /// Inputs and sprays read, in file order.
  public var inputs: [SourcedRecord<Input>] = []
  /// Every problem found, in file order.
  public var problems: [Diagnostic] = []

  /// Creates an empty import.
  public init() {}

  /// Reads the batch and harvest files (either may be nil).
  ///
  /// `YieldDatabase.importCSV(_:knownVarieties:replace:)` does the same checks and writes
  /// while it reads, without holding every harvest in memory; this reads everything first.
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
    read(try CSVFiles(batchesPath: batchesPath, harvestsPath: harvestsPath), knownVarieties: knownVarieties)
  }

  /// Reads files already in memory (see ``CSVFiles/init(batches:harvests:)``); row problems are
  /// collected in `problems`.
  public static func read(_ files: CSVFiles, knownVarieties: Set<String>) -> CSVImport {
    var result = CSVImport()
    files.readBatches(knownVarieties: knownVarieties, into: &result)
    let headerProblems = files.forEachHarvest { row in
      result.problems.append(contentsOf: row.problems)
      guard let harvest = row.harvest else { return }
      result.harvests.append(
        SourcedRecord(harvest, file: row.file, row: row.line, weightColumn: row.weightColumn))
    }
    result.problems.append(contentsOf: headerProblems)
    files.readInputs(into: &result)
    return result
  }
}

/// The bytes of a batch file and a harvest file (either may be absent), read before anything
/// is checked or written.
public struct CSVFiles: Sendable {
  /// Path of the batch CSV, as given (for messages).
  public let batchesPath: String?
  /// Path of the harvest CSV, as given.
  public let harvestsPath: String?
  /// Path of the inputs CSV, as given.
  public let inputsPath: String?
  private let batchBytes: [UInt8]
  private let harvestBytes: [UInt8]
  let inputBytes: [UInt8]

  /// Reads both files.
  ///
  /// - Throws: `YieldRecordsError.unreadableFile` when a file cannot be read.
  public init(batchesPath: String?, harvestsPath: String?, inputsPath: String? = nil) throws(YieldRecordsError) {
    self.batchesPath = batchesPath
    self.harvestsPath = harvestsPath
    self.inputsPath = inputsPath
    batchBytes = try Self.contents(batchesPath)
    harvestBytes = try Self.contents(harvestsPath)
    inputBytes = try Self.contents(inputsPath)
  }

  /// Files held in memory, each with the name its messages show (the fuzz target's entry point).
  public init(
    batches: (name: String, bytes: [UInt8])?, harvests: (name: String, bytes: [UInt8])?,
    inputs: (name: String, bytes: [UInt8])? = nil
  ) {
    batchesPath = batches?.name
    harvestsPath = harvests?.name
    inputsPath = inputs?.name
    batchBytes = batches?.bytes ?? []
    harvestBytes = harvests?.bytes ?? []
    inputBytes = inputs?.bytes ?? []
  }

  private static func contents(_ path: String?) throws(YieldRecordsError) -> [UInt8] {
    guard let path else { return [] }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw YieldRecordsError.unreadableFile(path: path, reason: "cannot be read")
    }
    return [UInt8](data)
  }

  /// Reads the batch file's rows into `result.batches`, problems into `result.problems`.
  func readBatches(knownVarieties: Set<String>, into result: inout CSVImport) {
    guard let path = batchesPath else { return }
    var seen: [String: Int] = [:]
    Self.forEachRow(
      path: path, bytes: batchBytes, columns: BatchCSV.columns,
      required: BatchCSV.requiredColumns, into: &result.problems
    ) { record, columns, problems in
      var row = CSVRow(
        file: path, line: record.line, fields: record.strings, columns: columns,
        quoted: record.fields.map(\.quoted))
      defer { problems.append(contentsOf: row.problems) }
      guard let batch = BatchCSV.batch(from: &row, knownVarieties: knownVarieties) else { return }
      if let first = seen[batch.id] {
        row.report("batch_id", "\"\(batch.id)\" is already on row \(first)")
        return
      }
      seen[batch.id] = row.line
      result.batches.append(SourcedRecord(batch, file: path, row: row.line))
    }
  }

  /// One data row of the harvest file, read.
  struct HarvestRow {
    let file: String
    let line: Int
    /// `fresh_kg` or `fresh_jin`.
    let weightColumn: String
    /// The row from its bytes, when it is plainly valid (then `slow` is nil).
    let plain: PlainHarvest?
    /// The row read with `HarvestCSV.harvest(from:)`, when it is not plain and has no problem.
    let slow: Harvest?
    /// The row's problems (none when it is plain).
    let problems: [Diagnostic]

    /// The harvest, whichever way it was read; nil when the row has problems.
    var harvest: Harvest? { plain?.harvest ?? slow }
  }

  /// Calls `body` for each data row of the harvest file, in order.
  ///
  /// - Returns: the problems of the header (then no row was read).
  func forEachHarvest(_ body: (HarvestRow) throws -> Void) rethrows -> [Diagnostic] {
    guard let path = harvestsPath else { return [] }
    var headerProblems: [Diagnostic] = []
    var layout: HarvestRowLayout?
    var columnMap: [String: Int] = [:]
    var weightColumn = "fresh_kg"
    try Self.forEachRow(
      path: path, bytes: harvestBytes, columns: HarvestCSV.columns + ["fresh_jin"],
      required: HarvestCSV.requiredColumns, into: &headerProblems
    ) { record, columns, _ in
      if layout == nil {
        layout = HarvestRowLayout(columns: columns)
        columnMap = columns
        weightColumn = columns["fresh_jin"] != nil ? "fresh_jin" : "fresh_kg"
      }
      if let plain = layout?.plainHarvest(record) {
        try body(
          HarvestRow(file: path, line: record.line, weightColumn: weightColumn, plain: plain, slow: nil, problems: []))
        return
      }
      var row = CSVRow(
        file: path, line: record.line, fields: record.strings, columns: columnMap,
        quoted: record.fields.map(\.quoted))
      let harvest = HarvestCSV.harvest(from: &row)
      try body(
        HarvestRow(
          file: path, line: record.line, weightColumn: weightColumn, plain: nil, slow: harvest,
          problems: row.problems))
    }
    return headerProblems
  }

  /// Reads a file's header, checks it, and calls `body` for each data row with the column map;
  /// header problems are appended to `problems` (and then no row is read).
  static func forEachRow(
    path: String, bytes: [UInt8], columns known: [String], required: Set<String>,
    into problems: inout [Diagnostic],
    _ body: (CSVReader.Record, [String: Int], inout [Diagnostic]) throws -> Void
  ) rethrows {
    var columns: [String: Int]? = nil
    var headerOK = true
    var reader = CSVReader(bytes: bytes)
    try reader.forEachRecord { record in
      if let fault = record.problem {
        // An unclosed quote or a NUL byte: the row's cells cannot be trusted, so it is
        // reported alone (and after an unclosed quote nothing more is read).
        let names = columns.map { map in Dictionary(map.map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
        problems.append(
          Diagnostic.record(
            file: path, row: fault.line, column: names?[fault.field] ?? "(row)", message: fault.message))
        if columns == nil {
          columns = [:]
          headerOK = false
        }
        return
      }
      guard let header = columns else {
        var map: [String: Int] = [:]
        for (index, name) in record.strings.enumerated() {
          let column = (name ?? "").trimmingCharacters(in: .whitespaces).lowercased()
          if !known.contains(column) {
            problems.append(
              Diagnostic.record(
                file: path, row: record.line, column: column.isEmpty ? "(header)" : column,
                message: "is not a known column (expected \(known.joined(separator: ", ")))"))
            headerOK = false
          } else if map[column] != nil {
            problems.append(
              Diagnostic.record(
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
            problems.append(
              Diagnostic.record(
                file: path, row: record.line, column: "fresh_jin",
                message: "give fresh_kg or fresh_jin, not both"))
            headerOK = false
          default: break
          }
        }
        for column in missing {
          problems.append(
            Diagnostic.record(
              file: path, row: record.line, column: column, message: "column is missing"))
          headerOK = false
        }
        columns = map
        return
      }
      guard headerOK else { return }
      try body(record, header, &problems)
    }
    if columns == nil {
      problems.append(
        Diagnostic.record(
          file: path, row: 1, column: "(header)", message: "the file is empty; a header row is needed"))
    }
  }
}
