import Foundation
import MycoRecords
import MycoUnits
import Testing

/// A temporary folder, removed when the test is done with it.
final class TemporaryFolder {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "myco-records-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Writes `text` to `name` in the folder and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let file = path + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    return file
  }

  func read(_ name: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path + "/" + name))
  }
}

let knownVarieties: Set<String> = ["shiitake", "oyster"]

let batchHeader =
  "batch_id,grower,place,elevation_m,variety,strain,substrate,bag_size,dry_substrate_kg_per_bag,bags,inoculated_on,facility,bags_contaminated,advice_rules,kb_version,notes\n"
let harvestHeader = "batch_id,harvested_on,flush,fresh_kg,grade,price_yuan_per_kg\n"

/// Four shiitake batches whose figures are computed by hand in `ImportReportTests`.
let handBatches =
  batchHeader + """
    A1,Grower A,Village A,700,shiitake,L808,sawdust,15x55,1.0,10,2024-09-01,simple-shed,1,,,
    A2,Grower A,Village A,720,shiitake,L808,sawdust,15x55,1.0,10,2024-09-10,simple-shed,0,,,
    B1,Grower B,Village B,1100,shiitake,939,sawdust,15x45,0.5,20,2024-06-01,simple-shed,2,shiitake.bag.smaller-bags-in-heat,2024.09,
    B2,Grower B,Village B,1150,shiitake,939,sawdust,15x45,0.5,20,2024-06-15,simple-shed,4,shiitake.bag.smaller-bags-in-heat,2024.09,

    """
let handHarvests =
  harvestHeader + """
    A1,2024-11-01,1,6,A,12
    A1,2024-12-01,2,4,B,8.5
    A2,2024-11-20,1,8,A,12
    B1,2024-08-01,1,5,A,12
    B1,2024-08-20,2,3,A,12
    B2,2024-08-15,1,6,A,12
    B2,2024-09-05,2,4,B,
    B2,2024-09-25,3,2,B,

    """

/// A database in `folder` (or on the PostgreSQL test server) holding the hand-computed batches.
func handDatabase(_ folder: TemporaryFolder, store: Store = .sqlite) throws -> any YieldRecords {
  let database = try store.open(folder)
  let records = try CSVImport.read(
    batchesPath: try folder.write("batches.csv", handBatches),
    harvestsPath: try folder.write("harvests.csv", handHarvests),
    knownVarieties: knownVarieties)
  try database.importRecords(records, replace: false)
  return database
}

/// The elevation bands of Knowledge/climate.xml, as the CLI passes them to the report.
let wushanBands = ElevationBands([
  ElevationBand(id: "valley", fromMetres: 0, belowMetres: 500),
  ElevationBand(id: "low-mountain", fromMetres: 500, belowMetres: 1000),
  ElevationBand(id: "mid-mountain", fromMetres: 1000, belowMetres: 1500),
  ElevationBand(id: "high-mountain", fromMetres: 1500, belowMetres: nil),
])

/// The records stores the tests run against. PostgreSQL runs only when
/// `MYCO_TEST_POSTGRES_URL` names a server (`.ci/run` starts one with
/// `Scripts/test-postgres.sh`); without it those cases are not run, and
/// `PostgresAvailability` shows as skipped, saying why.
enum Store: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case sqlite
  case postgres

  /// The test server's URL (`postgres://USER@HOST:PORT/DB`), password in `PGPASSWORD`.
  static let postgresURL: String? = {
    let url = ProcessInfo.processInfo.environment["MYCO_TEST_POSTGRES_URL"] ?? ""
    return url.isEmpty ? nil : url
  }()

  /// SQLite always; PostgreSQL when a test server is given.
  static let available: [Store] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]

  var testDescription: String { rawValue }

  /// A new, empty store: a file in `folder`, or a new database on the test server (not
  /// dropped: a test may still use it after its folder's last use; the throwaway cluster goes
  /// whole with `Scripts/test-postgres.sh stop`).
  func open(_ folder: TemporaryFolder, name: String = "records") throws -> any YieldRecords {
    switch self {
    case .sqlite:
      return try YieldDatabase.open(path: folder.path + "/\(name).sqlite")
    case .postgres:
      return try RecordsLocation.parse(try Self.newDatabase()).open()
    }
  }

  /// Where a new, empty store is: a file path in `folder`, or a new database's URL; open it
  /// as often as several processes would, with `RecordsLocation.parse(_:)`.
  func newLocation(_ folder: TemporaryFolder, name: String = "records") throws -> String {
    self == .sqlite ? folder.path + "/\(name).sqlite" : try Self.newDatabase()
  }

  /// Creates an empty database on the test server and returns its URL.
  static func newDatabase() throws -> String {
    guard let url = postgresURL, let slash = url.lastIndex(of: "/") else {
      throw YieldRecordsError.database(path: "MYCO_TEST_POSTGRES_URL", reason: "not set")
    }
    let name = "myco_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    try psql(url, "CREATE DATABASE \(name) STRATEGY FILE_COPY")
    return String(url[...slash]) + name
  }

  /// Runs one SQL command with `psql` against `url`.
  static func psql(_ url: String, _ sql: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["psql", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw YieldRecordsError.database(path: url, reason: "psql failed: \(sql)")
    }
  }
}
