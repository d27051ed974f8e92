import ArgumentParser
import Foundation

/// `myco-bench yields`: import and report times of `myco` against the sqlite3 shell, and against
/// the limit: a plain C program (`Limit/yields_limit.c`) inserting the same rows into the same
/// schema with one prepared statement in one transaction, and Myco's own report SQL in sqlite3.
struct YieldsBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "yields",
    abstract:
      "Time `myco yields import` and `report` against sqlite3's .import and GROUP BY, and against the C limit.")

  @Option(help: "Number of harvest rows to generate (batches: rows / 50).")
  var rows = 1_000_000
  @Option(help: "The built myco binary.")
  var myco = "../.build/release/myco"
  @Option(help: "The sqlite3 command-line tool.")
  var sqlite3 = "/usr/bin/sqlite3"
  @Option(help: "Runs per step; the median is shown.")
  var runs = 3
  @Option(help: "The C program that is the limit for the import (compiled here with --cc).")
  var limitSource = "Limit/yields_limit.c"
  @Option(help: "The C compiler.")
  var cc = "/usr/bin/cc"

  func run() throws {
    let folder = NSTemporaryDirectory() + "myco-bench-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let data = try YieldData.generate(rows: rows, in: folder)
    print("machine: \(machineDescription())")
    print("data: \(data.batches) batches, \(data.harvests) harvest rows (generated CSV)")

    let limit = folder + "/yields-limit"
    _ = try captureOutput(cc, ["-O2", "-o", limit, limitSource, "-lsqlite3"])
    var mycoImport = Samples(), mycoReport = Samples(), liteImport = Samples(), liteReport = Samples()
    var limitImport = Samples(), sameSQLReport = Samples()
    let sameSQL = try script(folder, "myco-report.sql", Self.mycoReportSQL)
    for run in 1...runs {
      let db = folder + "/myco-\(run).sqlite"
      try mycoImport.add {
        try timedRun(
          myco, ["yields", "import", "--db", db, "--batches", data.batchesPath, "--harvests", data.harvestsPath])
      }
      try mycoReport.add { try timedRun(myco, ["yields", "report", "--db", db, "--by", "bag-size,season"]) }

      let liteDB = folder + "/sqlite-\(run).sqlite"
      let importScript = try script(folder, "import-\(run).sql", SQLiteReference.importScript(data))
      try liteImport.add { try timedRun(sqlite3, [liteDB], stdin: importScript) }
      let reportScript = try script(folder, "report.sql", SQLiteReference.reportQuery)
      try liteReport.add { try timedRun(sqlite3, [liteDB], stdin: reportScript) }

      // The limit: Myco's schema (as sqlite3 prints it), the same rows, raw C API.
      let schema = try script(folder, "schema.sql", try Self.schema(of: db, sqlite3: sqlite3))
      let limitDB = folder + "/limit-\(run).sqlite"
      try limitImport.add { try timedRun(limit, [limitDB, schema, data.batchesPath, data.harvestsPath]) }
      if run == 1 { try checkSameRows(db, limitDB) }
      try sameSQLReport.add { try timedRun(sqlite3, [db], stdin: sameSQL) }
    }
    for (title, pick) in [
      ("wall-clock seconds", { (samples: Samples) in median(samples.wall) }),
      ("CPU seconds (user + system; steadier on a shared machine)", { (samples: Samples) in median(samples.cpu) }),
    ] {
      let table = [
        ("import", pick(mycoImport), pick(liteImport), pick(limitImport), 1.3),
        ("report --by bag-size,season", pick(mycoReport), pick(liteReport), pick(sameSQLReport), 1.5),
      ]
      print("median of \(runs) runs, \(title)")
      print(
        pad("step", 30) + pad("myco", 8) + pad("sqlite3", 9) + pad("ratio", 7) + pad("limit", 8) + pad("ratio", 7)
          + "target (÷ limit)")
      for (step, mine, shell, best, target) in table {
        let ratio = mine / best
        print(
          pad(step, 30) + pad(String(format: "%.2f", mine), 8) + pad(String(format: "%.2f", shell), 9)
            + pad(String(format: "%.2f", mine / shell), 7) + pad(String(format: "%.2f", best), 8)
            + pad(String(format: "%.2f", ratio), 7) + "≤ \(target) " + (ratio <= target ? "met" : "MISSED"))
      }
    }
    print("sqlite3 = the sqlite3 shell doing the same work its own way (.import, one GROUP BY query);")
    print("limit = for import, Limit/yields_limit.c (same schema, same rows, one prepared statement per table,")
    print("one transaction); for report, Myco's own report SQL run by the sqlite3 shell on Myco's database.")
  }

  /// Wall-clock and CPU seconds of the runs of one step.
  struct Samples {
    var wall: [Double] = []
    var cpu: [Double] = []

    /// Runs `body` (which returns the wall-clock seconds of a child process) and records the
    /// CPU seconds its children used.
    mutating func add(_ body: () throws -> Double) throws {
      let before = cpuSeconds(children: true)
      wall.append(try body())
      cpu.append(cpuSeconds(children: true) - before)
    }
  }

  /// What `myco yields report` asks SQLite (`YieldDatabase.report`): every batch, and the harvests
  /// summed per batch and flush; the grouping by bag size and season is then done in memory.
  static let mycoReportSQL = """
    .output /dev/null
    SELECT * FROM batch ORDER BY id;
    SELECT batch_id, flush, SUM(fresh_kg), MIN(harvested_on) FROM harvest GROUP BY batch_id, flush;

    """

  /// The schema of a database Myco wrote, without SQLite's internal table.
  static func schema(of db: String, sqlite3: String) throws -> String {
    try captureOutput(sqlite3, [db, ".schema"]).split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("CREATE TABLE sqlite_sequence") }.joined(separator: "\n")
  }

  /// The C limit must have stored exactly the rows Myco stored.
  private func checkSameRows(_ myco: String, _ limit: String) throws {
    let query =
      "SELECT * FROM batch ORDER BY id; SELECT id, batch_id, harvested_on, flush, fresh_kg, grade, price_yuan_per_kg FROM harvest ORDER BY id;"
    let mine = try captureOutput(sqlite3, [myco, query])
    let theirs = try captureOutput(sqlite3, [limit, query])
    guard mine == theirs, !mine.isEmpty else {
      let line = zip(mine.split(separator: "\n"), theirs.split(separator: "\n")).first { $0 != $1 }
      throw BenchmarkFailure(
        "the C limit stored other rows than Myco: \(line.map { "myco \($0.0) / limit \($0.1)" } ?? "counts differ")")
    }
    print("limit check: the C program stored the same \(mine.split(separator: "\n").count) rows as Myco")
  }

  private func script(_ folder: String, _ name: String, _ text: String) throws -> String {
    let path = folder + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
  }
}
