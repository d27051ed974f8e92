import GRDB
import GRDBSQLite

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
      // A bigger page cache for this connection keeps a large import from spilling pages.
      try db.execute(sql: "PRAGMA cache_size = -65536")
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
    // One prepared statement, bound and stepped through SQLite's C API: no per-row argument
    // array (this loop is most of a million-row import; see Docs/yields.md, benchmark).
    let insert = try db.makeStatement(sql: Harvest.insertSQL)
    for record in records.harvests {
      try bind(record.value, to: insert.sqliteStatement)
      let code = sqlite3_step(insert.sqliteStatement)
      guard code == SQLITE_DONE else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code),
          message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: Harvest.insertSQL)
      }
    }
    summary.harvestsAdded = records.harvests.count
    return summary
  }
}

/// `SQLITE_TRANSIENT`: SQLite copies the bound text before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Binds a harvest to `Harvest.insertSQL`'s parameters.
private func bind(_ harvest: Harvest, to statement: SQLiteStatement) throws {
  sqlite3_reset(statement)
  var codes: [Int32] = []
  codes.reserveCapacity(6)
  codes.append(harvest.batchID.withCString { sqlite3_bind_text(statement, 1, $0, -1, transient) })
  codes.append(
    harvest.harvestedOn.description.withCString { sqlite3_bind_text(statement, 2, $0, -1, transient) })
  codes.append(sqlite3_bind_int64(statement, 3, Int64(harvest.flush)))
  codes.append(sqlite3_bind_double(statement, 4, harvest.freshKg))
  codes.append(harvest.grade.withCString { sqlite3_bind_text(statement, 5, $0, -1, transient) })
  if let price = harvest.priceYuanPerKg {
    codes.append(sqlite3_bind_double(statement, 6, price))
  } else {
    codes.append(sqlite3_bind_null(statement, 6))
  }
  guard codes.allSatisfy({ $0 == SQLITE_OK }) else {
    throw DatabaseError(resultCode: ResultCode(rawValue: codes.first { $0 != SQLITE_OK }!))
  }
}
