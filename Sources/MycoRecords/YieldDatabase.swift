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
  public init(_ dbWriter: any DatabaseWriter) throws {
    self.dbWriter = dbWriter
    try Self.migrator.migrate(dbWriter)
  }

  /// Opens (creating if needed) the database file at `path`, and its folder, in WAL mode.
  public static func open(path: String) throws -> YieldDatabase {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return try YieldDatabase(DatabasePool(path: path, configuration: makeConfiguration()))
  }

  /// An empty in-memory database, for tests and previews.
  public static func inMemory() throws -> YieldDatabase {
    try YieldDatabase(DatabaseQueue(configuration: makeConfiguration()))
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
    return migrator
  }
}

// MARK: - Reads

extension YieldDatabase {
  /// All batches, by id.
  public func batches() throws -> [Batch] {
    try dbWriter.read { db in try Batch.order(Batch.Columns.id).fetchAll(db) }
  }

  /// All harvests, in export order: by batch, date, flush, then entry order.
  public func harvests() throws -> [Harvest] {
    try dbWriter.read { db in
      try Harvest.order(
        Harvest.Columns.batchID, Harvest.Columns.harvestedOn, Harvest.Columns.flush, Column("id")
      ).fetchAll(db)
    }
  }
}
