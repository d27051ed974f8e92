import Foundation
import Logging
import MycoCalendar
import MycoDiagnostics
import MycoUnits
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// The yield records in a PostgreSQL database shared by several stations and agents, through
/// PostgresNIO.
///
/// The schema is the SQLite one (dates as `date`, numbers as `double precision`), created by
/// versioned migrations recorded in `myco_migrations`. Each call opens one connection and
/// closes it when done.
///
/// Concurrency: every write is one transaction that first takes
/// `LOCK TABLE batch IN SHARE ROW EXCLUSIVE MODE`. That mode conflicts with itself, so writers
/// from any number of processes run one after another, like SQLite's `BEGIN IMMEDIATE`:
/// each sees the batches the one before it committed, so a batch id is never inserted twice
/// (the primary key is the backstop) and a refused import writes nothing. Readers are not
/// blocked; a report or an export reads in one `REPEATABLE READ` snapshot, so an import
/// committing meanwhile is seen whole or not at all.
public struct PostgresRecords: YieldRecords {
  /// Where the database is (no password in it).
  public let location: PostgresLocation
  private let configuration: PostgresConnection.Configuration

  private init(_ location: PostgresLocation, environment: [String: String]) throws {
    self.location = location
    let password = location.password(environment: environment)
    if let folder = location.socketFolder {
      configuration = .init(
        unixSocketPath: folder + "/.s.PGSQL.\(location.port)", username: location.user, password: password,
        database: location.database)
    } else {
      var tls = PostgresConnection.Configuration.TLS.disable
      if location.requireTLS {
        do {
          tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        } catch {
          throw YieldRecordsError.database(path: location.description, reason: "cannot set up TLS: \(error)")
        }
      }
      configuration = .init(
        host: location.host, port: location.port, username: location.user, password: password,
        database: location.database, tls: tls)
    }
  }

  /// Connects, and migrates the schema to the current version: for the commands that write.
  ///
  /// - Throws: `YieldRecordsError.database` naming the URL (never a password) and the reason.
  public static func open(_ location: PostgresLocation, environment: [String: String]) throws -> PostgresRecords {
    let records = try PostgresRecords(location, environment: environment)
    try records.migrate()
    return records
  }

  /// Connects and checks that the schema is Myco's current one; changes nothing.
  public static func openForReading(_ location: PostgresLocation, environment: [String: String]) throws
    -> PostgresRecords
  {
    let records = try PostgresRecords(location, environment: environment)
    let applied = try records.withConnection { connection in
      let exists =
        try await connection.query("SELECT to_regclass('myco_migrations') IS NOT NULL", logger: logger)
        .collect().first?.decode(Bool.self) ?? false
      guard exists else { return Set<String>() }
      var applied = Set<String>()
      for try await id in try await connection.query("SELECT identifier FROM myco_migrations", logger: logger)
        .decode(String.self)
      {
        applied.insert(id)
      }
      return applied
    }
    if applied.isEmpty {
      throw YieldRecordsError.database(
        path: location.description,
        reason:
          "no Myco records in this database yet (record a batch with `myco yields add-batch` or `myco yields import`)")
    }
    if !applied.isSuperset(of: migrations.map(\.id)) {
      throw YieldRecordsError.database(
        path: location.description,
        reason:
          "was written by an older Myco; run a command that writes (e.g. `myco yields import`) to upgrade it first")
    }
    return records
  }

  // MARK: Connections and transactions

  static let logger = Logger(label: "myco.records.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
  private var logger: Logger { Self.logger }

  /// Runs `body` with a new connection, closed afterwards; errors become `YieldRecordsError`.
  func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws -> T {
    let configuration = configuration
    let shown = location.description
    do {
      return try Blocking.run {
        let connection: PostgresConnection
        do {
          connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1,
            logger: Self.logger)
        } catch {
          throw YieldRecordsError.database(path: shown, reason: Self.reason(error, connecting: true))
        }
        do {
          let result = try await body(connection)
          try? await connection.close()
          return result
        } catch {
          try? await connection.close()
          throw error
        }
      }
    } catch let error as YieldRecordsError {
      throw error
    } catch {
      throw YieldRecordsError.database(path: shown, reason: Self.reason(error, connecting: false))
    }
  }

  /// Runs `body` in one transaction holding the writers' lock (see the type's notes).
  func writing<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws -> T {
    try withConnection { connection in
      try await connection.query("BEGIN", logger: Self.logger)
      do {
        try await connection.query("LOCK TABLE batch IN SHARE ROW EXCLUSIVE MODE", logger: Self.logger)
        let result = try await body(connection)
        try await connection.query("COMMIT", logger: Self.logger)
        return result
      } catch {
        _ = try? await connection.query("ROLLBACK", logger: Self.logger)
        throw error
      }
    }
  }

  /// Runs `body` in one read-only `REPEATABLE READ` snapshot.
  func reading<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws -> T {
    try withConnection { connection in
      try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: Self.logger)
      do {
        let result = try await body(connection)
        try await connection.query("COMMIT", logger: Self.logger)
        return result
      } catch {
        _ = try? await connection.query("ROLLBACK", logger: Self.logger)
        throw error
      }
    }
  }

  /// PostgreSQL's or the connection's complaint in plain words (never a password: PostgresNIO's
  /// errors carry none, and the server's messages name the user only).
  static func reason(_ error: any Error, connecting: Bool) -> String {
    guard let error = error as? PSQLError else { return "\(error)" }
    if let message = error.serverInfo?[.message] {
      return connecting ? "cannot connect: \(message)" : message
    }
    switch error.code {
    case .authMechanismRequiresPassword:
      return "the server asks for a password; give it in PGPASSWORD or ~/.pgpass (never in the URL)"
    case .sslUnsupported:
      return "the server does not offer TLS, which sslmode=require asks for"
    case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
      let detail = error.underlying.map { ": \($0)" } ?? ""
      return "cannot connect\(detail)"
    default:
      return "PostgreSQL error (\(error.code))"
    }
  }

  // MARK: Schema

  /// The schema, as named migrations; a shipped migration is never edited, only followed by
  /// new ones. The names are the SQLite migrator's.
  static let migrations: [(id: String, statements: [String])] = [
    (
      "v1: batch and harvest",
      [
        """
        CREATE TABLE batch (
          id text PRIMARY KEY,
          grower text NOT NULL,
          place text NOT NULL DEFAULT '',
          elevation_m double precision,
          variety text NOT NULL,
          strain text NOT NULL DEFAULT '',
          substrate text NOT NULL DEFAULT '',
          bag_width_cm double precision NOT NULL CHECK (bag_width_cm > 0),
          bag_length_cm double precision NOT NULL CHECK (bag_length_cm > 0),
          dry_substrate_kg_per_bag double precision NOT NULL CHECK (dry_substrate_kg_per_bag > 0),
          bags integer NOT NULL CHECK (bags > 0),
          inoculated_on date NOT NULL,
          facility text NOT NULL DEFAULT '',
          bags_contaminated integer NOT NULL DEFAULT 0 CHECK (bags_contaminated >= 0),
          advice_rules text NOT NULL DEFAULT '',
          kb_version text NOT NULL DEFAULT '',
          notes text NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE TABLE harvest (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          batch_id text NOT NULL REFERENCES batch (id) ON DELETE CASCADE,
          harvested_on date NOT NULL,
          flush integer NOT NULL CHECK (flush >= 1),
          fresh_kg double precision NOT NULL CHECK (fresh_kg >= 0),
          grade text NOT NULL DEFAULT '',
          price_yuan_per_kg double precision
        )
        """,
        "CREATE INDEX harvest_on_batch_flush ON harvest (batch_id, flush)",
      ]
    ),
    (
      "v2: input",
      [
        """
        CREATE TABLE input (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          batch_id text NOT NULL REFERENCES batch (id) ON DELETE CASCADE,
          used_on date NOT NULL,
          kind text NOT NULL CHECK (kind IN ('spawn', 'substrate', 'pesticide', 'disinfectant', 'other')),
          product text NOT NULL,
          amount double precision CHECK (amount > 0),
          unit text CHECK (unit IN ('ml', 'g', 'kg', 'L')),
          target text NOT NULL DEFAULT '',
          note text NOT NULL DEFAULT '',
          warning text NOT NULL DEFAULT ''
        )
        """,
        "CREATE INDEX input_on_batch_date ON input (batch_id, used_on)",
      ]
    ),
  ]

  /// Applies the migrations not yet applied, in one transaction under an advisory lock, so
  /// that several processes starting on an empty database at once migrate it once.
  func migrate() throws {
    try withConnection { connection in
      try await connection.query("BEGIN", logger: Self.logger)
      do {
        try await connection.query("SELECT pg_advisory_xact_lock(7361016016)", logger: Self.logger)
        try await connection.query(
          """
          CREATE TABLE IF NOT EXISTS myco_migrations (
            identifier text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
          """, logger: Self.logger)
        var applied = Set<String>()
        for try await id in try await connection.query("SELECT identifier FROM myco_migrations", logger: Self.logger)
          .decode(String.self)
        {
          applied.insert(id)
        }
        for migration in Self.migrations where !applied.contains(migration.id) {
          for statement in migration.statements {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Self.logger)
          }
          try await connection.query(
            "INSERT INTO myco_migrations (identifier) VALUES (\(migration.id))", logger: Self.logger)
        }
        try await connection.query("COMMIT", logger: Self.logger)
      } catch {
        _ = try? await connection.query("ROLLBACK", logger: Self.logger)
        throw error
      }
    }
  }
}

// MARK: - Writes

extension PostgresRecords {
  /// Adds one batch typed on the command line.
  public func add(_ batch: Batch, knownVarieties: Set<String>) throws {
    var records = CSVImport()
    records.problems = batch.problems(knownVarieties: knownVarieties).map {
      Diagnostic.record(file: "add-batch", row: nil, column: $0.column, message: $0.message)
    }
    records.batches = [SourcedRecord(batch, file: "add-batch", row: nil)]
    try YieldDatabase.namingOptions(YieldDatabase.addBatchOptions) { _ = try importRecords(records, replace: false) }
  }

  /// Adds one harvest typed on the command line.
  public func add(_ harvest: Harvest, weightColumn: String) throws {
    var records = CSVImport()
    records.problems = harvest.problems(weightColumn: weightColumn).map {
      Diagnostic.record(file: "add-harvest", row: nil, column: $0.column, message: $0.message)
    }
    records.harvests = [SourcedRecord(harvest, file: "add-harvest", row: nil, weightColumn: weightColumn)]
    try YieldDatabase.namingOptions(YieldDatabase.addHarvestOptions) { _ = try importRecords(records, replace: false) }
  }

  /// Adds one input or spray to a stored batch, as `YieldDatabase.add(_:checker:file:)` does.
  @discardableResult
  public func add(_ input: Input, checker: InputChecker?, file: String) throws -> Input {
    let options = file == "add-input" ? YieldDatabase.addInputOptions : [:]
    @Sendable func problem(_ column: String, _ message: String) -> Diagnostic {
      Diagnostic.record(file: file, row: nil, column: options[column] ?? column, message: message)
    }
    let own = input.problems().map { problem($0.column, $0.message) }
    if !own.isEmpty { throw YieldRecordsError.invalidRecords(own) }
    return try writing { connection in
      let variety = try await connection.query(
        "SELECT variety FROM batch WHERE id = \(input.batchID)", logger: Self.logger
      ).collect().first?.decode(String.self)
      guard let variety else {
        throw YieldRecordsError.invalidRecords([problem("batch_id", "no batch \"\(input.batchID)\" is recorded")])
      }
      var stored = input
      switch checker?(input, variety) ?? .fine {
      case .fine: break
      case .warning(let text): stored.warning = text
      case .refused(let reason): throw YieldRecordsError.invalidRecords([problem("product", reason)])
      }
      try await Self.copy(inputs: [stored], connection)
      return stored
    }
  }

  /// Checks and writes CSV files in one transaction, as `YieldDatabase.importCSV` does, with
  /// the same checks and messages. The files are read whole first; bulk rows go in by `COPY`.
  @discardableResult
  public func importCSV(_ files: CSVFiles, knownVarieties: Set<String>, replace: Bool, checker: InputChecker?)
    throws -> ImportSummary
  {
    try importRecords(CSVImport.read(files, knownVarieties: knownVarieties), replace: replace, checker: checker)
  }

  /// Writes read records in one transaction: all of them, or none (see
  /// `YieldDatabase.importRecords(_:replace:checker:)` for the checks).
  @discardableResult
  public func importRecords(_ records: CSVImport, replace: Bool, checker: InputChecker?) throws -> ImportSummary {
    if !records.problems.isEmpty { throw YieldRecordsError.invalidRecords(records.problems) }
    return try writing { connection in try await Self.write(records, replace: replace, checker: checker, connection) }
  }

  private static func write(
    _ records: CSVImport, replace: Bool, checker: InputChecker?, _ connection: PostgresConnection
  ) async throws -> ImportSummary {
    // The stored batches, read under the writers' lock: no other writer changes them now.
    var stored = BatchDates()
    var varieties: [String: String] = [:]
    let rows = try await connection.query(
      "SELECT id, to_char(inoculated_on, 'YYYY-MM-DD'), variety FROM batch", logger: logger)
    for try await (id, day, variety) in rows.decode((String, String, String).self) {
      if let date = CalendarDate(iso: day) { stored.set(id, date) }
      varieties[id] = variety
    }
    var problems: [Diagnostic] = []
    var summary = ImportSummary()
    var replaced = ReplacedBatches()
    let inoculation = YieldDatabase.checkBatches(
      records.batches, stored: stored, replace: replace, &summary, &problems, &replaced)
    for record in records.harvests {
      if let problem = inoculation.problem(with: record) { problems.append(problem) }
    }
    let inputs = YieldDatabase.checkInputs(
      records.inputs, batches: records.batches, storedVarieties: varieties, checker: checker)
    problems += inputs.problems
    if !problems.isEmpty { throw YieldRecordsError.invalidRecords(problems) }

    let replacedIDs = Set(replaced.records.map(\.value.id))
    try await copy(batches: records.batches.map(\.value).filter { !replacedIDs.contains($0.id) }, connection)
    for record in replaced.records { try await update(record.value, connection) }
    if !replaced.isEmpty {
      // The stored harvests of a replaced batch go when the import brings harvests of it.
      let bringing = Set(records.harvests.map(\.value.batchID)).intersection(replacedIDs)
      replaced.cleared.formUnion(bringing)
      if !bringing.isEmpty {
        summary.storedHarvestsRemoved += try await count(
          "WITH gone AS (DELETE FROM harvest WHERE batch_id = ANY(\(Array(bringing))) RETURNING 1) SELECT count(*) FROM gone",
          connection)
      }
      var kept: [String: (count: Int, first: String?)] = [:]
      let keptRows = try await connection.query(
        """
        SELECT batch_id, count(*), to_char(min(harvested_on), 'YYYY-MM-DD') FROM harvest
        WHERE batch_id = ANY(\(replaced.keptIDs)) GROUP BY batch_id
        """, logger: logger)
      for try await (id, count, first) in keptRows.decode((String, Int, String?).self) { kept[id] = (count, first) }
      let keptProblems = replaced.checkKeptHarvests(&summary) { kept[$0] ?? (0, nil) }
      if !keptProblems.isEmpty { throw YieldRecordsError.invalidRecords(keptProblems) }
    }
    try await copy(harvests: records.harvests.lazy.map(\.value), connection)
    summary.harvestsAdded = records.harvests.count
    let bringingInputs = Set(inputs.inputs.map(\.batchID)).intersection(replacedIDs)
    if !bringingInputs.isEmpty {
      try await connection.query("DELETE FROM input WHERE batch_id = ANY(\(Array(bringingInputs)))", logger: logger)
    }
    try await copy(inputs: inputs.inputs, connection)
    summary.inputsAdded = inputs.inputs.count
    summary.inputWarnings = inputs.warnings
    return summary
  }

  /// The one integer a query returns.
  private static func count(_ query: PostgresQuery, _ connection: PostgresConnection) async throws -> Int {
    try await connection.query(query, logger: logger).collect().first?.decode(Int.self) ?? 0
  }

  private static func update(_ batch: Batch, _ connection: PostgresConnection) async throws {
    try await connection.query(
      """
      UPDATE batch SET grower = \(batch.grower), place = \(batch.place), elevation_m = \(batch.elevationM),
        variety = \(batch.variety), strain = \(batch.strain), substrate = \(batch.substrate),
        bag_width_cm = \(batch.bagSize.widthCM), bag_length_cm = \(batch.bagSize.lengthCM),
        dry_substrate_kg_per_bag = \(batch.drySubstrateKgPerBag), bags = \(batch.bags),
        inoculated_on = \(batch.inoculatedOn.description)::date, facility = \(batch.facility),
        bags_contaminated = \(batch.bagsContaminated), advice_rules = \(batch.adviceRules.joined(separator: " ")),
        kb_version = \(batch.kbVersion), notes = \(batch.notes)
      WHERE id = \(batch.id)
      """, logger: logger)
  }

  static let batchColumns = [
    "id", "grower", "place", "elevation_m", "variety", "strain", "substrate", "bag_width_cm", "bag_length_cm",
    "dry_substrate_kg_per_bag", "bags", "inoculated_on", "facility", "bags_contaminated", "advice_rules",
    "kb_version", "notes",
  ]
  static let harvestColumns = ["batch_id", "harvested_on", "flush", "fresh_kg", "grade", "price_yuan_per_kg"]
  static let inputColumns = ["batch_id", "used_on", "kind", "product", "amount", "unit", "target", "note", "warning"]

  static func copy(batches: [Batch], _ connection: PostgresConnection) async throws {
    var text = CopyText()
    for batch in batches {
      text.row([
        batch.id, batch.grower, batch.place, batch.elevationM.map(CopyText.number), batch.variety, batch.strain,
        batch.substrate, CopyText.number(batch.bagSize.widthCM), CopyText.number(batch.bagSize.lengthCM),
        CopyText.number(batch.drySubstrateKgPerBag), String(batch.bags), batch.inoculatedOn.description,
        batch.facility, String(batch.bagsContaminated), batch.adviceRules.joined(separator: " "), batch.kbVersion,
        batch.notes,
      ])
    }
    try await text.send(to: "batch", columns: batchColumns, connection)
  }

  static func copy(harvests: some Sequence<Harvest>, _ connection: PostgresConnection) async throws {
    var text = CopyText()
    for harvest in harvests {
      text.row([
        harvest.batchID, harvest.harvestedOn.description, String(harvest.flush), CopyText.number(harvest.freshKg),
        harvest.grade, harvest.priceYuanPerKg.map(CopyText.number),
      ])
    }
    try await text.send(to: "harvest", columns: harvestColumns, connection)
  }

  static func copy(inputs: [Input], _ connection: PostgresConnection) async throws {
    var text = CopyText()
    for input in inputs {
      text.row([
        input.batchID, input.usedOn.description, input.kind.rawValue, input.product, input.amount.map(CopyText.number),
        input.unit?.rawValue, input.target, input.note, input.warning,
      ])
    }
    try await text.send(to: "input", columns: inputColumns, connection)
  }
}

/// Rows in `COPY … FROM STDIN` text format, in chunks of about 1 MiB.
struct CopyText {
  private var chunks: [[UInt8]] = []
  private var current: [UInt8] = []
  private(set) var rows = 0

  /// Appends a row; nil is SQL NULL.
  mutating func row(_ fields: [String?]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { current.append(0x09) }
      guard let field else {
        current.append(contentsOf: [0x5C, 0x4E])  // \N
        continue
      }
      for byte in field.utf8 {
        switch byte {
        case 0x5C: current.append(contentsOf: [0x5C, 0x5C])
        case 0x09: current.append(contentsOf: [0x5C, 0x74])
        case 0x0A: current.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: current.append(contentsOf: [0x5C, 0x72])
        default: current.append(byte)
        }
      }
    }
    current.append(0x0A)
    rows += 1
    if current.count >= 1 << 20 {
      chunks.append(current)
      current = []
      current.reserveCapacity(1 << 20 + 4096)
    }
  }

  /// A number as PostgreSQL reads it back exactly (Swift's shortest round-trip form).
  static func number(_ value: Double) -> String { "\(value)" }

  /// Sends the rows with one `COPY`; nothing when there are none.
  func send(to table: String, columns: [String], _ connection: PostgresConnection) async throws {
    guard rows > 0 else { return }
    let chunks = chunks + (current.isEmpty ? [] : [current])
    try await connection.copyFrom(table: table, columns: columns, logger: PostgresRecords.logger) { writer in
      for chunk in chunks { try await writer.write(ByteBuffer(bytes: chunk)) }
    }
  }
}

// MARK: - Reads

extension PostgresRecords {
  static let batchSelect = """
    SELECT id, grower, place, elevation_m, variety, strain, substrate, bag_width_cm, bag_length_cm,
      dry_substrate_kg_per_bag, bags, to_char(inoculated_on, 'YYYY-MM-DD'), facility, bags_contaminated,
      advice_rules, kb_version, notes
    FROM batch
    """

  static func batches(_ query: PostgresQuery, _ connection: PostgresConnection) async throws -> [Batch] {
    var batches: [Batch] = []
    let rows = try await connection.query(query, logger: logger)
    for try await row in rows {
      let all = try row.decode(
        (
          String, String, String, Double?, String, String, String, Double, Double, Double, Int, String, String, Int,
          String, String, String
        ).self)
      guard let date = CalendarDate(iso: all.11), let size = BagDimensions(widthCM: all.7, lengthCM: all.8) else {
        throw RecordDecodingError(table: "batch", id: all.0)
      }
      batches.append(
        Batch(
          id: all.0, grower: all.1, place: all.2, elevationM: all.3, variety: all.4, strain: all.5,
          substrate: all.6, bagSize: size, drySubstrateKgPerBag: all.9, bags: all.10, inoculatedOn: date,
          facility: all.12, bagsContaminated: all.13, adviceRules: all.14.split(separator: " ").map(String.init),
          kbVersion: all.15, notes: all.16))
    }
    return batches
  }

  static func harvests(_ query: PostgresQuery, _ connection: PostgresConnection) async throws -> [Harvest] {
    var harvests: [Harvest] = []
    let rows = try await connection.query(query, logger: logger)
    for try await (batchID, day, flush, kg, grade, price) in rows.decode(
      (String, String, Int, Double, String, Double?).self)
    {
      guard let date = CalendarDate(iso: day) else { throw RecordDecodingError(table: "harvest", id: batchID) }
      harvests.append(
        Harvest(batchID: batchID, harvestedOn: date, flush: flush, freshKg: kg, grade: grade, priceYuanPerKg: price))
    }
    return harvests
  }

  static func inputs(_ query: PostgresQuery, _ connection: PostgresConnection) async throws -> [Input] {
    var inputs: [Input] = []
    let rows = try await connection.query(query, logger: logger)
    for try await (batchID, day, kind, product, amount, unit, target, note, warning) in rows.decode(
      (String, String, String, String, Double?, String?, String, String, String).self)
    {
      guard let date = CalendarDate(iso: day), let kind = InputKind(rawValue: kind) else {
        throw RecordDecodingError(table: "input", id: batchID)
      }
      inputs.append(
        Input(
          batchID: batchID, usedOn: date, kind: kind, product: product, amount: amount,
          unit: unit.flatMap(InputUnit.init(rawValue:)), target: target, note: note, warning: warning))
    }
    return inputs
  }

  // Orders use the C collation: bytes, as SQLite's BINARY, whatever the database's locale.
  static let harvestSelect = """
    SELECT batch_id, to_char(harvested_on, 'YYYY-MM-DD'), flush, fresh_kg, grade, price_yuan_per_kg FROM harvest
    """
  static let inputSelect = """
    SELECT batch_id, to_char(used_on, 'YYYY-MM-DD'), kind, product, amount, unit, target, note, warning FROM input
    """

  /// All batches, by id.
  public func batches() throws -> [Batch] {
    try reading {
      try await Self.batches(PostgresQuery(unsafeSQL: Self.batchSelect + " ORDER BY id COLLATE \"C\""), $0)
    }
  }

  /// All harvests, by batch, date, flush, then entry order.
  public func harvests() throws -> [Harvest] {
    try reading {
      try await Self.harvests(
        PostgresQuery(
          unsafeSQL: Self.harvestSelect + " ORDER BY batch_id COLLATE \"C\", harvested_on, flush, id"), $0)
    }
  }

  /// The stored batch with this id, or nil.
  public func batch(id: String) throws -> Batch? {
    try reading { connection in
      try await Self.batches("\(unescaped: Self.batchSelect) WHERE id = \(id)", connection).first
    }
  }

  /// The harvests of one batch, by date, flush, then entry order.
  public func harvests(batch batchID: String) throws -> [Harvest] {
    try reading { connection in
      try await Self.harvests(
        "\(unescaped: Self.harvestSelect) WHERE batch_id = \(batchID) ORDER BY harvested_on, flush, id", connection)
    }
  }

  /// The stored inputs, by batch, date, then entry order; only those of `batchID` when given.
  public func inputs(batch batchID: String?) throws -> [Input] {
    try reading { connection in
      if let batchID {
        return try await Self.inputs(
          "\(unescaped: Self.inputSelect) WHERE batch_id = \(batchID) ORDER BY used_on, id", connection)
      }
      return try await Self.inputs(
        PostgresQuery(unsafeSQL: Self.inputSelect + " ORDER BY batch_id COLLATE \"C\", used_on, id"), connection)
    }
  }

  /// Computes the yield report: the SQLite store's SQL and the same statistics
  /// (`YieldReport.init(query:batches:harvests:)`), so the figures are the same.
  public func report(_ query: ReportQuery) throws -> YieldReport {
    if query.groupBy.contains(.elevationBand), query.elevationBands == nil {
      throw YieldRecordsError.query(
        ReportFieldError("grouping by elevation-band needs the elevation bands of the knowledge base"))
    }
    let (batches, totals) = try reading { connection in
      let batches = try await Self.batches(
        PostgresQuery(unsafeSQL: Self.batchSelect + " ORDER BY id COLLATE \"C\""), connection)
      var totals: [String: BatchHarvests] = [:]
      let rows = try await connection.query(
        """
        SELECT batch_id, flush, SUM(fresh_kg), to_char(MIN(harvested_on), 'YYYY-MM-DD')
        FROM harvest GROUP BY batch_id, flush
        """, logger: Self.logger)
      for try await (id, flush, kg, first) in rows.decode((String, Int, Double, String).self) {
        totals[id, default: BatchHarvests()].add(flush: flush, kg: kg, firstDay: first)
      }
      return (batches, totals)
    }
    return YieldReport(
      query: query,
      batches: batches.filter(query.includes),
      harvests: totals)
  }

  /// Writes `batches.csv`, `harvests.csv` and `inputs.csv` into `directory`, as the SQLite
  /// store does (same order, same bytes for the same records).
  @discardableResult
  public func exportCSV(to directory: String) throws -> (batches: String, harvests: String) {
    let (batches, harvests, inputs) = try reading { connection in
      (
        try await Self.batches(PostgresQuery(unsafeSQL: Self.batchSelect + " ORDER BY id COLLATE \"C\""), connection),
        try await Self.harvests(
          PostgresQuery(
            unsafeSQL: Self.harvestSelect + " ORDER BY batch_id COLLATE \"C\", harvested_on, flush, id"), connection),
        try await Self.inputs(
          PostgresQuery(unsafeSQL: Self.inputSelect + " ORDER BY batch_id COLLATE \"C\", used_on, id"), connection)
      )
    }
    return try YieldDatabase.writeExport(to: directory, batches: batches, harvests: harvests, inputs: inputs)
  }
}

// MARK: - Copying a local SQLite file into the shared database

/// What `PostgresRecords.copyRecords(from:sourceName:)` added.
public struct CopySummary: Sendable, Equatable, CustomStringConvertible {
  /// Batches that were not in the shared database.
  public var batchesAdded = 0
  /// Batches already there, identical.
  public var batchesPresent = 0
  /// Harvests added (those not already there).
  public var harvestsAdded = 0
  /// Inputs added (those not already there).
  public var inputsAdded = 0

  /// Creates a summary.
  public init() {}

  /// `copied 3 batches (2 already there), 40 harvests, 2 inputs`.
  public var description: String {
    let present = batchesPresent > 0 ? " (\(batchesPresent) already there)" : ""
    return "copied \(batchesAdded) batches\(present), \(harvestsAdded) harvests, \(inputsAdded) inputs"
  }
}

extension PostgresRecords {
  /// Copies the records of a local store into this database in one transaction, adding only
  /// what is not there yet, so a second run adds nothing and a later run adds only what was
  /// recorded locally since.
  ///
  /// A batch already in this database must be identical (else nothing is copied and the
  /// batch is named); its harvests and inputs are compared as multisets of their values, and
  /// only the ones missing here are added.
  ///
  /// - Throws: `YieldRecordsError.invalidRecords` naming each batch that differs.
  @discardableResult
  public func copyRecords(from source: any YieldRecords, sourceName: String) throws -> CopySummary {
    let batches = try source.batches()
    let harvests = try source.harvests()
    let inputs = try source.inputs(batch: nil)
    return try writing { connection in
      let ids = batches.map(\.id)
      let stored = try await Self.batches(
        "\(unescaped: Self.batchSelect) WHERE id = ANY(\(ids))", connection)
      let storedByID = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      var summary = CopySummary()
      var problems: [Diagnostic] = []
      var newBatches: [Batch] = []
      for batch in batches {
        guard let there = storedByID[batch.id] else {
          newBatches.append(batch)
          continue
        }
        if there == batch {
          summary.batchesPresent += 1
        } else {
          problems.append(
            Diagnostic.record(
              file: sourceName, row: nil, column: "batch_id",
              message:
                "batch \"\(batch.id)\" differs from the one in the shared database; correct one of them (export, edit, import --replace) and run again"
            ))
        }
      }
      if !problems.isEmpty { throw YieldRecordsError.invalidRecords(problems) }
      let presentIDs = Array(storedByID.keys)
      let newHarvests = Self.notYetStored(
        harvests,
        stored: try await Self.harvests(
          "\(unescaped: Self.harvestSelect) WHERE batch_id = ANY(\(presentIDs))", connection),
        key: Self.key)
      let newInputs = Self.notYetStored(
        inputs,
        stored: try await Self.inputs(
          "\(unescaped: Self.inputSelect) WHERE batch_id = ANY(\(presentIDs))", connection),
        key: Self.key)
      try await Self.copy(batches: newBatches, connection)
      try await Self.copy(harvests: newHarvests, connection)
      try await Self.copy(inputs: newInputs, connection)
      summary.batchesAdded = newBatches.count
      summary.harvestsAdded = newHarvests.count
      summary.inputsAdded = newInputs.count
      return summary
    }
  }

  /// The items not stored yet: each stored record with the same key cancels one item (so a
  /// second copy of identical harvests is kept apart from the first).
  static func notYetStored<Record>(_ items: [Record], stored: [Record], key: (Record) -> String) -> [Record] {
    var counts: [String: Int] = [:]
    for record in stored { counts[key(record), default: 0] += 1 }
    return items.filter { item in
      let itemKey = key(item)
      guard let count = counts[itemKey], count > 0 else { return true }
      counts[itemKey] = count - 1
      return false
    }
  }

  private static func key(_ harvest: Harvest) -> String {
    "\(harvest.batchID)\t\(harvest.harvestedOn)\t\(harvest.flush)\t\(harvest.freshKg.bitPattern)\t\(harvest.grade)\t\(harvest.priceYuanPerKg?.bitPattern ?? 0)\t\(harvest.priceYuanPerKg == nil)"
  }

  private static func key(_ input: Input) -> String {
    [
      input.batchID, input.usedOn.description, input.kind.rawValue, input.product,
      input.amount.map { "\($0.bitPattern)" } ?? "-", input.unit?.rawValue ?? "-", input.target, input.note,
      input.warning,
    ].joined(separator: "\t")
  }
}
