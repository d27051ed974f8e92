import Foundation
import GRDB

/// The yield records: batches and harvests in one SQLite database.
///
/// Follows GRDB's `AppDatabase` pattern: a `Sendable` value wrapping a `DatabaseWriter`, whose
/// migrator runs when it is created. Foreign keys are on, the journal is in WAL mode (through
/// `DatabasePool`), and every write is one `BEGIN IMMEDIATE` transaction, so two processes
/// writing at once wait for each other instead of failing half-way.
///
/// ```swift
/// let records = try YieldDatabase.open(path: YieldDatabase.defaultPath())
/// try records.add(batch, knownVarieties: ["shiitake"])
/// ```
public struct YieldDatabase: Sendable {
  /// Access to the database.
  let dbWriter: any DatabaseWriter

  /// Wraps a database connection and migrates its schema to the current version.
  ///
  /// - Important: create the writer with `YieldDatabase.makeConfiguration()`.
  public init(_ dbWriter: any DatabaseWriter) throws(YieldRecordsError) {
    self.dbWriter = dbWriter
    try Self.guarded(dbWriter.path) { try Self.migrator.migrate(dbWriter) }
  }

  /// Runs `body` on the database at `path`: a `YieldRecordsError` passes through; anything else
  /// (SQLite busy past the timeout, disk full, an I/O error) becomes `YieldRecordsError.database`
  /// naming the file, so every public method throws the one records error.
  static func guarded<T>(_ path: String, _ body: () throws -> T) throws(YieldRecordsError) -> T {
    do {
      return try body()
    } catch let error as YieldRecordsError {
      throw error
    } catch let error as DatabaseError {
      throw .database(path: path, reason: plainReason(error))
    } catch {
      throw .database(path: path, reason: "\(error)")
    }
  }

  /// ``guarded(_:_:)`` for this database's file.
  func guarded<T>(_ body: () throws -> T) throws(YieldRecordsError) -> T {
    try Self.guarded(dbWriter.path, body)
  }

  /// Wraps a connection as it is, without migrating (for reading).
  private init(reading dbWriter: any DatabaseWriter) {
    self.dbWriter = dbWriter
  }

  /// Opens (creating if needed) the database file at `path`, and its folder, in WAL mode: for
  /// the commands that write.
  ///
  /// - Throws: `YieldRecordsError.database` when `path` is a folder, its folder cannot be
  ///   made, or the file is not a Myco records database (such a file is left untouched).
  public static func open(path: String) throws(YieldRecordsError) -> YieldDatabase {
    return try Self.guarded(path) {
      try checkNotAFolder(path)
      try createFolder(of: path)
      if FileManager.default.fileExists(atPath: path), !FileManager.default.isWritableFile(atPath: path) {
        throw YieldRecordsError.database(path: path, reason: "is read-only (this command writes to it)")
      }
      if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0 {
        // An existing file is checked read-only first: another program's database must not be
        // migrated or switched to WAL.
        try checkIsMycoDatabase(path, requireCurrent: false)
      }
      do {
        return try YieldDatabase(DatabasePool(path: path, configuration: makeConfiguration()))
      } catch let error as DatabaseError {
        throw YieldRecordsError.database(path: path, reason: plainReason(error))
      }
    }
  }

  /// Opens the database file at `path` read-only, for the commands that only read (report,
  /// export): it is never created, migrated or switched to WAL, and a read-only file works.
  ///
  /// - Throws: `YieldRecordsError.database` when there is no file, `path` is a folder, or the
  ///   file is not a Myco records database (or needs an upgrade that only a write may do).
  public static func openForReading(path: String) throws(YieldRecordsError) -> YieldDatabase {
    return try Self.guarded(path) {
      try checkNotAFolder(path)
      guard FileManager.default.fileExists(atPath: path) else {
        throw YieldRecordsError.database(
          path: path,
          reason: "no records database here yet (record a batch with `myco yields add-batch` or `myco yields import`)")
      }
      let queue = try checkIsMycoDatabase(path, requireCurrent: true)
      return YieldDatabase(reading: queue)
    }
  }

  /// A read-only connection to `path`, after checking that it holds Myco's records.
  @discardableResult
  private static func checkIsMycoDatabase(_ path: String, requireCurrent: Bool) throws -> DatabaseQueue {
    var config = makeConfiguration()
    config.readonly = true
    let notOurs = YieldRecordsError.database(path: path, reason: "not a Myco records database")
    do {
      let queue = try DatabaseQueue(path: path, configuration: config)
      let (ours, current) = try queue.read { db -> (Bool, Bool) in
        let tables = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        guard tables.contains("grdb_migrations") else {
          // No table at all: a file another `myco` is creating right now (its migration not
          // yet committed) may be written to; reading finds no records in it.
          return (tables.isEmpty && !requireCurrent, false)
        }
        let applied = try Set(String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        if applied.contains(firstMigration) {
          return (tables.isSuperset(of: ["batch", "harvest"]), try migrator.hasCompletedMigrations(db))
        }
        // Migrations started but not ours yet: only Myco's own tables may be there.
        let own: Set<String> = ["grdb_migrations", "batch", "harvest", "input", "sqlite_sequence"]
        return (applied.isEmpty && tables.isSubset(of: own) && !requireCurrent, false)
      }
      guard ours else { throw notOurs }
      if requireCurrent, !current {
        throw YieldRecordsError.database(
          path: path,
          reason:
            "was written by an older Myco; run a command that writes (e.g. `myco yields import`) to upgrade it first")
      }
      return queue
    } catch let error as DatabaseError {
      if error.resultCode == .SQLITE_NOTADB { throw notOurs }
      if error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
        // A WAL database needs its `-shm` file beside it, even to be read.
        throw YieldRecordsError.database(
          path: path,
          reason:
            "cannot be read: SQLite needs to create \(URL(fileURLWithPath: path).lastPathComponent)-shm beside it, and its folder is not writable (copy the file to a writable folder)"
        )
      }
      throw YieldRecordsError.database(path: path, reason: plainReason(error))
    }
  }

  /// The first migration's name: a database that has it was made by Myco.
  static let firstMigration = "v1: batch and harvest"

  private static func checkNotAFolder(_ path: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw YieldRecordsError.database(
        path: path, reason: "is a folder; --db needs the path of a records database file")
    }
  }

  /// Creates the folder `path` is in, naming in plain words what stands in the way.
  private static func createFolder(of path: String) throws {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw YieldRecordsError.database(path: path, reason: folderProblem(folder.path))
    }
  }

  /// Why a folder cannot be made, in plain words: a file in the way, or no permission.
  static func folderProblem(_ folder: String) -> String {
    var prefix = URL(fileURLWithPath: folder)
    while prefix.path != "/" {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: prefix.path, isDirectory: &isFolder) {
        return isFolder.boolValue
          ? "cannot create the folder \(folder): permission denied in \(prefix.path)"
          : "cannot create the folder \(folder): \(prefix.path) is a file, not a folder"
      }
      prefix = prefix.deletingLastPathComponent()
    }
    return "cannot create the folder \(folder)"
  }

  /// SQLite's complaint without GRDB's SQL and codes.
  static func plainReason(_ error: DatabaseError) -> String {
    switch error.resultCode {
    case .SQLITE_READONLY: "is read-only (this command needs to write)"
    case .SQLITE_CANTOPEN: "cannot be opened (missing folder or no permission)"
    case .SQLITE_NOTADB: "not a Myco records database"
    case .SQLITE_PERM, .SQLITE_AUTH: "permission denied"
    default: error.message ?? "\(error.resultCode)"
    }
  }

  /// An empty in-memory database, for tests and previews.
  public static func inMemory() throws(YieldRecordsError) -> YieldDatabase {
    return try Self.guarded(":memory:") {
      try YieldDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }
  }

  /// The configuration Myco uses: foreign keys on, wait up to 30 s for another writer.
  public static func makeConfiguration() -> Configuration {
    var config = Configuration()
    config.foreignKeysEnabled = true
    config.busyMode = .timeout(30)
    config.label = "myco.records"
    return config
  }

  /// Where the database lives by default: `$MYCO_DB`, else
  /// `$XDG_DATA_HOME/myco/records.sqlite`, else `~/.local/share/myco/records.sqlite`.
  public static func defaultPath(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    if let path = environment["MYCO_DB"], !path.isEmpty { return path }
    if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
      return data + "/myco/records.sqlite"
    }
    let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
    return home + "/.local/share/myco/records.sqlite"
  }

  /// The schema. Named migrations; a shipped migration is never edited, only followed by new ones.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: batch and harvest") { db in
      try db.create(table: "batch") { t in
        t.primaryKey("id", .text)
        t.column("grower", .text).notNull()
        t.column("place", .text).notNull().defaults(to: "")
        t.column("elevation_m", .double)
        t.column("variety", .text).notNull()
        t.column("strain", .text).notNull().defaults(to: "")
        t.column("substrate", .text).notNull().defaults(to: "")
        t.column("bag_width_cm", .double).notNull().check { $0 > 0 }
        t.column("bag_length_cm", .double).notNull().check { $0 > 0 }
        t.column("dry_substrate_kg_per_bag", .double).notNull().check { $0 > 0 }
        t.column("bags", .integer).notNull().check { $0 > 0 }
        t.column("inoculated_on", .text).notNull()
        t.column("facility", .text).notNull().defaults(to: "")
        t.column("bags_contaminated", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
        t.column("advice_rules", .text).notNull().defaults(to: "")
        t.column("kb_version", .text).notNull().defaults(to: "")
        t.column("notes", .text).notNull().defaults(to: "")
      }
      try db.create(table: "harvest") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("batch_id", .text).notNull().references("batch", onDelete: .cascade)
        t.column("harvested_on", .text).notNull()
        t.column("flush", .integer).notNull().check { $0 >= 1 }
        t.column("fresh_kg", .double).notNull().check { $0 >= 0 }
        t.column("grade", .text).notNull().defaults(to: "")
        t.column("price_yuan_per_kg", .double)
      }
      // One index serves the foreign key, the report's per-flush totals and the export order.
      try db.create(
        index: "harvest_on_batch_flush", on: "harvest", columns: ["batch_id", "flush"])
    }
    migrator.registerMigration("v2: input") { db in
      // Inputs and sprays of a batch (生产档案): spawn, substrate, pesticides, disinfectants.
      try db.create(table: "input") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("batch_id", .text).notNull().references("batch", onDelete: .cascade)
        t.column("used_on", .text).notNull()
        t.column("kind", .text).notNull()
          .check(sql: "kind IN ('spawn', 'substrate', 'pesticide', 'disinfectant', 'other')")
        t.column("product", .text).notNull()
        t.column("amount", .double).check { $0 > 0 }
        t.column("unit", .text).check(sql: "unit IN ('ml', 'g', 'kg', 'L')")
        t.column("target", .text).notNull().defaults(to: "")
        t.column("note", .text).notNull().defaults(to: "")
        t.column("warning", .text).notNull().defaults(to: "")
      }
      try db.create(index: "input_on_batch_date", on: "input", columns: ["batch_id", "used_on"])
    }
    return migrator
  }
}

// MARK: - Reads

extension YieldDatabase {
  /// All batches, by id.
  public func batches() throws(YieldRecordsError) -> [Batch] {
    return try guarded {
      try dbWriter.read { db in try Batch.order(Batch.Columns.id).fetchAll(db) }
    }
  }

  /// All harvests, in export order: by batch, date, flush, then entry order.
  public func harvests() throws(YieldRecordsError) -> [Harvest] {
    return try guarded {
      try dbWriter.read { db in
        try Harvest.order(
          Harvest.Columns.batchID, Harvest.Columns.harvestedOn, Harvest.Columns.flush, Column("id")
        ).fetchAll(db)
      }
    }
  }
}
