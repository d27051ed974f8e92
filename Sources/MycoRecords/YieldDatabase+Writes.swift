import GRDB

/// What an import or an entry wrote.
public struct ImportSummary: Sendable, Equatable, CustomStringConvertible {
  /// New batches.
  public var batchesAdded = 0
  /// Batches that replaced a stored batch of the same id (with `replace`).
  public var batchesReplaced = 0
  /// Harvests added.
  public var harvestsAdded = 0

  /// Creates a summary.
  public init(batchesAdded: Int = 0, batchesReplaced: Int = 0, harvestsAdded: Int = 0) {
    self.batchesAdded = batchesAdded
    self.batchesReplaced = batchesReplaced
    self.harvestsAdded = harvestsAdded
  }

  /// `imported 3 batches (1 replaced), 42 harvests`.
  public var description: String {
    let replaced = batchesReplaced > 0 ? " (\(batchesReplaced) replaced)" : ""
    return "imported \(batchesAdded + batchesReplaced) batches\(replaced), \(harvestsAdded) harvests"
  }
}

extension YieldDatabase {
  /// Adds one batch typed on the command line.
  ///
  /// - Throws: `YieldRecordsError.invalidRecords` when the batch is invalid or its id exists.
  public func add(_ batch: Batch, knownVarieties: Set<String>) throws {
    var records = CSVImport()
    records.problems = batch.problems(knownVarieties: knownVarieties).map {
      RecordProblem(file: "add-batch", row: nil, column: $0.column, message: $0.message)
    }
    records.batches = [SourcedRecord(batch, file: "add-batch", row: nil)]
    _ = try importRecords(records, replace: false)
  }

  /// Adds one harvest typed on the command line.
  ///
  /// - Throws: `YieldRecordsError.invalidRecords` when it is invalid, its batch is missing or it
  ///   is dated before the batch's inoculation.
  public func add(_ harvest: Harvest, weightColumn: String = "fresh_kg") throws {
    var records = CSVImport()
    records.problems = harvest.problems(weightColumn: weightColumn).map {
      RecordProblem(file: "add-harvest", row: nil, column: $0.column, message: $0.message)
    }
    records.harvests = [SourcedRecord(harvest, file: "add-harvest", row: nil, weightColumn: weightColumn)]
    _ = try importRecords(records, replace: false)
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
  public func importRecords(_ records: CSVImport, replace: Bool) throws -> ImportSummary {
    if !records.problems.isEmpty { throw YieldRecordsError.invalidRecords(records.problems) }
    return try dbWriter.writeWithoutTransaction { db in
      var summary = ImportSummary()
      try db.inTransaction(.immediate) {
        summary = try write(records, replace: replace, db)
        return .commit
      }
      return summary
    }
  }

  private func write(_ records: CSVImport, replace: Bool, _ db: Database) throws -> ImportSummary {
    var problems: [RecordProblem] = []
    var summary = ImportSummary()
    var inoculation: [String: CalendarDate] = [:]
    let stored = try Row.fetchCursor(db, sql: "SELECT id, inoculated_on FROM batch")
    while let row = try stored.next() {
      let id: String = row[0]
      let date: String = row[1]
      inoculation[id] = CalendarDate(iso: date)
    }
    for record in records.batches {
      let id = record.value.id
      if inoculation[id] != nil {
        if replace {
          summary.batchesReplaced += 1
        } else {
          problems.append(record.problem(
            "batch_id", "batch \"\(id)\" is already recorded (use --replace to replace it)"))
        }
      } else {
        summary.batchesAdded += 1
      }
      inoculation[id] = record.value.inoculatedOn
    }
    for record in records.harvests {
      let harvest = record.value
      guard let inoculated = inoculation[harvest.batchID] else {
        problems.append(record.problem("batch_id", "no batch \"\(harvest.batchID)\" is recorded"))
        continue
      }
      if harvest.harvestedOn < inoculated {
        problems.append(record.problem(
          "harvested_on",
          "\(harvest.harvestedOn) is before batch \(harvest.batchID) was inoculated on \(inoculated)"))
      }
    }
    if !problems.isEmpty { throw YieldRecordsError.invalidRecords(problems) }

    for record in records.batches {
      if replace { try Batch.deleteOne(db, key: record.value.id) }  // cascades to harvests
      try record.value.insert(db)
    }
    let insert = try db.cachedStatement(sql: Harvest.insertSQL)
    for record in records.harvests {
      insert.setUncheckedArguments(record.value.arguments)
      try insert.execute()
    }
    summary.harvestsAdded = records.harvests.count
    return summary
  }
}
