import GRDB
import MycoCalendar
import MycoDiagnostics

/// What an import or an entry wrote.
public struct ImportSummary: Sendable, Equatable, CustomStringConvertible {
  /// New batches.
  public var batchesAdded = 0
  /// Batches that replaced a stored batch of the same id (with `replace`).
  public var batchesReplaced = 0
  /// Harvests added.
  public var harvestsAdded = 0
  /// Inputs and sprays added.
  public var inputsAdded = 0
  /// Warnings about added inputs (e.g. a pesticide not registered for the crop), stored with them.
  public var inputWarnings: [Diagnostic] = []
  /// Stored harvests of replaced batches that were removed because the import brings that
  /// batch's harvests.
  public var storedHarvestsRemoved = 0
  /// Stored harvests of replaced batches that were kept (the import brings none for them).
  public var storedHarvestsKept = 0

  /// Creates a summary.
  public init(
    batchesAdded: Int = 0, batchesReplaced: Int = 0, harvestsAdded: Int = 0,
    storedHarvestsRemoved: Int = 0, storedHarvestsKept: Int = 0
  ) {
    self.batchesAdded = batchesAdded
    self.batchesReplaced = batchesReplaced
    self.harvestsAdded = harvestsAdded
    self.storedHarvestsRemoved = storedHarvestsRemoved
    self.storedHarvestsKept = storedHarvestsKept
  }

  /// `imported 3 batches (1 replaced), 42 harvests`, and with replaced batches what became of
  /// their stored harvests: `; replaced batches: 12 stored harvests removed (the file has
  /// theirs), 3 kept`.
  public var description: String {
    let replaced = batchesReplaced > 0 ? " (\(batchesReplaced) replaced)" : ""
    var text = "imported \(batchesAdded + batchesReplaced) batches\(replaced), \(harvestsAdded) harvests"
    if inputsAdded > 0 { text += ", \(inputsAdded) inputs" }
    if batchesReplaced > 0 {
      text +=
        "; replaced batches: \(storedHarvestsRemoved) stored harvests removed (the file has theirs),"
        + " \(storedHarvestsKept) kept"
    }
    return text
  }
}

/// The stored batches an import replaces, and what happens to their stored harvests.
///
/// A replaced batch keeps its stored harvests, unless the import brings harvests of that
/// batch: then the stored ones are removed (once, before the first new one is inserted), so
/// that importing an export again does not double them. Nothing is lost without being counted.
struct ReplacedBatches {
  /// Id → the batch's new inoculation day, for every replaced batch (looked up by bytes).
  var ids = BatchDates()
  /// The replaced batches as read, in file order.
  var records: [SourcedRecord<Batch>] = []
  /// Replaced batches whose stored harvests were already removed.
  var cleared: Set<String> = []

  var isEmpty: Bool { records.isEmpty }

  mutating func add(_ record: SourcedRecord<Batch>) {
    ids.set(record.value.id, record.value.inoculatedOn)
    records.append(record)
  }

  /// Removes the stored harvests of `id` if it is a replaced batch not yet cleared.
  mutating func clearStoredHarvests(of id: String, _ db: Database, _ summary: inout ImportSummary) throws {
    guard ids.date(id) != nil, !cleared.contains(id) else { return }
    cleared.insert(id)
    try db.execute(sql: "DELETE FROM harvest WHERE batch_id = ?", arguments: [id])
    summary.storedHarvestsRemoved += db.changesCount
  }

  /// Counts the stored harvests kept (of replaced batches not cleared) and returns a problem
  /// for each batch whose kept harvests now lie before its new inoculation day.
  func checkKeptHarvests(_ db: Database, _ summary: inout ImportSummary) throws -> [Diagnostic] {
    try checkKeptHarvests(&summary) { id in
      let row = try Row.fetchOne(
        db, sql: "SELECT COUNT(*), MIN(harvested_on) FROM harvest WHERE batch_id = ?", arguments: [id])
      return (row?[0] ?? 0, row?[1])
    }
  }

  /// The ids of the replaced batches whose stored harvests are kept (not cleared).
  var keptIDs: [String] { records.map(\.value.id).filter { !cleared.contains($0) } }

  /// `checkKeptHarvests(_:_:)` with the stored harvests' count and first day of a batch from
  /// `stored` (whichever store they are in).
  func checkKeptHarvests(
    _ summary: inout ImportSummary, stored: (String) throws -> (count: Int, first: String?)
  ) rethrows -> [Diagnostic] {
    var problems: [Diagnostic] = []
    for record in records where !cleared.contains(record.value.id) {
      let (count, first) = try stored(record.value.id)
      summary.storedHarvestsKept += count
      if let first, let day = CalendarDate(iso: first), day < record.value.inoculatedOn {
        problems.append(
          record.problem(
            "inoculated_on",
            "\(record.value.inoculatedOn) is after the stored harvest of \(day) of batch \(record.value.id), which --replace keeps; import that batch's harvests too (they replace the stored ones) or correct the date"
          ))
      }
    }
    return problems
  }
}

extension YieldDatabase {
  /// Adds one batch typed on the command line.
  ///
  /// - Throws: `YieldRecordsError.invalidRecords` when the batch is invalid or its id exists.
  public func add(_ batch: Batch, knownVarieties: Set<String>) throws(YieldRecordsError) {
    try guarded {
      var records = CSVImport()
      records.problems = batch.problems(knownVarieties: knownVarieties).map {
        Diagnostic.record(file: "add-batch", row: nil, column: $0.column, message: $0.message)
      }
      records.batches = [SourcedRecord(batch, file: "add-batch", row: nil)]
      try Self.namingOptions(Self.addBatchOptions) { _ = try importRecords(records, replace: false) }
    }
  }

  /// Adds one harvest typed on the command line.
  ///
  /// - Throws: `YieldRecordsError.invalidRecords` when it is invalid, its batch is missing or it
  ///   is dated before the batch's inoculation.
  public func add(_ harvest: Harvest, weightColumn: String = "fresh_kg") throws(YieldRecordsError) {
    try guarded {
      var records = CSVImport()
      records.problems = harvest.problems(weightColumn: weightColumn).map {
        Diagnostic.record(file: "add-harvest", row: nil, column: $0.column, message: $0.message)
      }
      records.harvests = [SourcedRecord(harvest, file: "add-harvest", row: nil, weightColumn: weightColumn)]
      try Self.namingOptions(Self.addHarvestOptions) { _ = try importRecords(records, replace: false) }
    }
  }

  /// The command-line option of each column `add-batch` checks.
  static let addBatchOptions = [
    "batch_id": "--id", "grower": "--grower", "variety": "--variety", "elevation_m": "--elevation",
    "bag_size": "--bag-size", "dry_substrate_kg_per_bag": "--dry-substrate-kg", "bags": "--bags",
    "inoculated_on": "--inoculated-on", "bags_contaminated": "--bags-contaminated",
  ]

  /// The command-line option of each column `add-harvest` checks.
  static let addHarvestOptions = [
    "batch_id": "--batch", "harvested_on": "--date", "flush": "--flush", "fresh_kg": "--fresh-kg",
    "fresh_jin": "--fresh-jin", "price_yuan_per_kg": "--price-yuan-per-kg",
  ]

  /// Runs `body`; problems it throws name the option typed (`--elevation`) rather than the
  /// CSV column (`elevation_m`).
  static func namingOptions(_ options: [String: String], _ body: () throws -> Void) throws {
    do {
      try body()
    } catch YieldRecordsError.invalidRecords(let problems) {
      throw YieldRecordsError.invalidRecords(
        problems.map {
          var problem = $0
          problem.field = $0.field.map { options[$0] ?? $0 }
          return problem
        })
    }
  }

  /// Writes read records in one transaction: all of them, or none.
  ///
  /// Besides the problems already in `records`, this refuses a batch id that is already stored
  /// (unless `replace`), a harvest whose batch is neither stored nor in `records`, and a harvest
  /// dated before its batch's inoculation. With `replace`, a stored batch with the same id is
  /// replaced together with all its stored harvests.
  ///
  /// - Throws: `YieldRecordsError.invalidRecords` listing every problem; nothing is written.
  @discardableResult
  public func importRecords(_ records: CSVImport, replace: Bool, checker: InputChecker? = nil) throws(YieldRecordsError)
    -> ImportSummary
  {
    return try guarded {
      if !records.problems.isEmpty { throw YieldRecordsError.invalidRecords(records.problems) }
      return try importTransaction { db in try write(records, replace: replace, checker: checker, db) }
    }
  }

  /// Runs `body` in one immediate transaction, with a page cache big enough that a large
  /// import does not spill pages.
  private func importTransaction(_ body: (Database) throws -> ImportSummary) throws -> ImportSummary {
    try dbWriter.writeWithoutTransaction { db in
      var summary = ImportSummary()
      try db.execute(sql: "PRAGMA cache_size = -65536")
      try db.inTransaction(.immediate) {
        summary = try body(db)
        return .commit
      }
      return summary
    }
  }

  /// The inoculation dates of the stored batches and of `batches`, counting added and replaced
  /// batches in `summary` and collecting the replaced ones in `replaced`; a batch already
  /// stored is a problem unless `replace`.
  private func checkBatches(
    _ batches: [SourcedRecord<Batch>], replace: Bool, _ db: Database, _ summary: inout ImportSummary,
    _ problems: inout [Diagnostic], _ replaced: inout ReplacedBatches
  ) throws -> BatchDates {
    var inoculation = BatchDates()
    let stored = try Row.fetchCursor(db, sql: "SELECT id, inoculated_on FROM batch")
    while let row = try stored.next() {
      let id: String = row[0]
      let date: String = row[1]
      if let date = CalendarDate(iso: date) { inoculation.set(id, date) }
    }
    return Self.checkBatches(batches, stored: inoculation, replace: replace, &summary, &problems, &replaced)
  }

  /// `checkBatches` given the inoculation dates of the stored batches (`stored`), whichever
  /// store they are in.
  static func checkBatches(
    _ batches: [SourcedRecord<Batch>], stored: BatchDates, replace: Bool, _ summary: inout ImportSummary,
    _ problems: inout [Diagnostic], _ replaced: inout ReplacedBatches
  ) -> BatchDates {
    var inoculation = stored
    for record in batches {
      let id = record.value.id
      if inoculation.date(id) != nil {
        if replace {
          summary.batchesReplaced += 1
          replaced.add(record)
        } else {
          problems.append(
            record.problem(
              "batch_id", "batch \"\(id)\" is already recorded (use --replace to replace it)"))
        }
      } else {
        summary.batchesAdded += 1
      }
      inoculation.set(id, record.value.inoculatedOn)
    }
    return inoculation
  }

  /// Writes `batches`; a replaced one is updated in place, so its stored harvests stay until
  /// `ReplacedBatches.clearStoredHarvests` removes them.
  private func insertBatches(
    _ batches: [SourcedRecord<Batch>], replaced: ReplacedBatches, _ db: Database
  ) throws {
    for record in batches {
      if replaced.ids.date(record.value.id) != nil {
        try record.value.update(db)
      } else {
        try record.value.insert(db)
      }
    }
  }

  private func write(_ records: CSVImport, replace: Bool, checker: InputChecker?, _ db: Database) throws
    -> ImportSummary
  {
    var problems: [Diagnostic] = []
    var summary = ImportSummary()
    var replaced = ReplacedBatches()
    let inoculation = try checkBatches(
      records.batches, replace: replace, db, &summary, &problems, &replaced)
    for record in records.harvests {
      if let problem = inoculation.problem(with: record) { problems.append(problem) }
    }
    let inputs = try checkInputs(records.inputs, batches: records.batches, checker: checker, db)
    problems += inputs.problems
    if !problems.isEmpty { throw YieldRecordsError.invalidRecords(problems) }

    try insertBatches(records.batches, replaced: replaced, db)
    if !replaced.isEmpty {
      for record in records.harvests {
        try replaced.clearStoredHarvests(of: record.value.batchID, db, &summary)
      }
      let kept = try replaced.checkKeptHarvests(db, &summary)
      if !kept.isEmpty { throw YieldRecordsError.invalidRecords(kept) }
    }
    var inserter = try HarvestInserter(db)
    for record in records.harvests {
      try inserter.add(record.value.append(to:))
    }
    try inserter.flush()
    summary.harvestsAdded = records.harvests.count
    try insertInputs(inputs.inputs, replacedIDs: Set(replaced.records.map(\.value.id)), db)
    summary.inputsAdded = inputs.inputs.count
    summary.inputWarnings = inputs.warnings
    return summary
  }
}

// MARK: - Import of CSV files in one pass

extension YieldDatabase {
  /// Checks and writes batch and harvest CSV files in one transaction: all of them, or none.
  ///
  /// It does what `CSVImport.read` followed by `importRecords(_:replace:)` does, with the same
  /// checks and the same messages, but in one pass over the harvest file and without holding
  /// its harvests in memory: each harvest is checked and, while no problem has been found,
  /// inserted inside the open transaction. After the first problem nothing more is inserted,
  /// every further row is still checked, and the transaction is rolled back.
  ///
  /// As with the two steps, problems of the rows themselves (types, ranges, varieties,
  /// duplicates in the file) are reported alone when there are any; only without them are the
  /// problems against the database (batch already recorded, missing batch, harvest before
  /// inoculation) reported.
  ///
  /// - Throws: `YieldRecordsError.invalidRecords` listing every problem; nothing is written.
  @discardableResult
  public func importCSV(
    _ files: CSVFiles, knownVarieties: Set<String>, replace: Bool, checker: InputChecker? = nil
  ) throws(YieldRecordsError) -> ImportSummary {
    return try guarded {
      var read = CSVImport()
      files.readBatches(knownVarieties: knownVarieties, into: &read)
      files.readInputs(into: &read)
      return try importTransaction { db in
        try streamingWrite(files, batches: read, replace: replace, checker: checker, db)
      }
    }
  }

  private func streamingWrite(
    _ files: CSVFiles, batches read: CSVImport, replace: Bool, checker: InputChecker?, _ db: Database
  ) throws -> ImportSummary {
    // Problems of the rows themselves, and problems against the database.
    var rowProblems = read.problems
    var problems: [Diagnostic] = []
    var summary = ImportSummary()
    var replaced = ReplacedBatches()
    let inoculation = try checkBatches(
      read.batches, replace: replace, db, &summary, &problems, &replaced)
    var writing: Bool { rowProblems.isEmpty && problems.isEmpty }
    if writing { try insertBatches(read.batches, replaced: replaced, db) }

    var inserter = try HarvestInserter(db)
    let headerProblems = try files.forEachHarvest { row in
      rowProblems.append(contentsOf: row.problems)
      if let plain = row.plain, let inoculated = inoculation.date(plain.batchID),
        !(plain.harvestedOn < inoculated)
      {
        if writing {
          // A replaced batch's stored harvests go at its first row in the file, before any row of
          // it is added, so no pending row of the inserter can be among those deleted.
          if !replaced.isEmpty, replaced.ids.date(plain.batchID) != nil {
            try replaced.clearStoredHarvests(of: String(decoding: plain.batchID, as: UTF8.self), db, &summary)
          }
          try inserter.add(plain.append(to:))
          summary.harvestsAdded += 1
        }
        return
      }
      // Not plain, or a problem against the batches: the general reading names it.
      guard let harvest = row.harvest else { return }
      let record = SourcedRecord(harvest, file: row.file, row: row.line, weightColumn: row.weightColumn)
      if let problem = inoculation.problem(with: record) {
        problems.append(problem)
        return
      }
      if writing {
        if !replaced.isEmpty { try replaced.clearStoredHarvests(of: harvest.batchID, db, &summary) }
        try inserter.add(harvest.append(to:))
        summary.harvestsAdded += 1
      }
    }
    if writing { try inserter.flush() }
    rowProblems.append(contentsOf: headerProblems)
    if !rowProblems.isEmpty { throw YieldRecordsError.invalidRecords(rowProblems) }
    let inputs = try checkInputs(read.inputs, batches: read.batches, checker: checker, db)
    problems += inputs.problems
    if !problems.isEmpty { throw YieldRecordsError.invalidRecords(problems) }
    if !replaced.isEmpty {
      let kept = try replaced.checkKeptHarvests(db, &summary)
      if !kept.isEmpty { throw YieldRecordsError.invalidRecords(kept) }
    }
    try insertInputs(inputs.inputs, replacedIDs: Set(replaced.records.map(\.value.id)), db)
    summary.inputsAdded = inputs.inputs.count
    summary.inputWarnings = inputs.warnings
    return summary
  }
}
