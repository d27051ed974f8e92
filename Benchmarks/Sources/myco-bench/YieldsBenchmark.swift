import ArgumentParser
import Foundation

/// `myco-bench yields`: import and report times of `myco` against the sqlite3 shell.
struct YieldsBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "yields",
    abstract: "Time `myco yields import` and `report` against sqlite3's .import and GROUP BY.")

  @Option(help: "Number of harvest rows to generate (batches: rows / 50).")
  var rows = 1_000_000
  @Option(help: "The built myco binary.")
  var myco = "../.build/release/myco"
  @Option(help: "The sqlite3 command-line tool.")
  var sqlite3 = "/usr/bin/sqlite3"
  @Option(help: "Runs per step; the median is shown.")
  var runs = 3
  @Option(
    help: ArgumentHelp(
      "Also time PostgreSQL: myco's import and report against psql's \\copy and the same query. A server URL (postgres://USER@HOST:PORT/DB, password in PGPASSWORD); a new database is made per run.",
      valueName: "url"))
  var postgres: String?
  @Option(help: "The psql command-line tool.")
  var psql = "/usr/bin/psql"
  @Flag(help: "Skip the SQLite steps.")
  var postgresOnly = false

  func run() throws {
    let folder = NSTemporaryDirectory() + "myco-bench-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let data = try YieldData.generate(rows: rows, in: folder)
    print("machine: \(machineDescription())")
    print("data: \(data.batches) batches, \(data.harvests) harvest rows (generated CSV)")

    if let postgres { try runPostgres(postgres, data, folder) }
    if postgresOnly { return }
    var mycoImport: [Double] = [], mycoReport: [Double] = []
    var liteImport: [Double] = [], liteReport: [Double] = []
    for run in 1...runs {
      let db = folder + "/myco-\(run).sqlite"
      mycoImport.append(
        try timedRun(
          myco,
          [
            "yields", "import", "--db", db, "--batches", data.batchesPath, "--harvests", data.harvestsPath,
          ]))
      mycoReport.append(try timedRun(myco, ["yields", "report", "--db", db, "--by", "bag-size,season"]))

      let liteDB = folder + "/sqlite-\(run).sqlite"
      let importScript = try script(folder, "import-\(run).sql", SQLiteReference.importScript(data))
      liteImport.append(try timedRun(sqlite3, [liteDB], stdin: importScript))
      let reportScript = try script(folder, "report.sql", SQLiteReference.reportQuery)
      liteReport.append(try timedRun(sqlite3, [liteDB], stdin: reportScript))
    }
    let table = [
      ("import", median(mycoImport), median(liteImport), 1.5),
      ("report --by bag-size,season", median(mycoReport), median(liteReport), 2.0),
    ]
    print("median of \(runs) runs, wall-clock seconds")
    print(pad("step", 30) + pad("myco", 10) + pad("sqlite3", 10) + pad("ratio", 8) + "target")
    for (step, mine, theirs, target) in table {
      let ratio = mine / theirs
      print(
        pad(step, 30) + pad(String(format: "%.2f", mine), 10) + pad(String(format: "%.2f", theirs), 10)
          + pad(String(format: "%.2f", ratio), 8) + "≤ \(target) " + (ratio <= target ? "met" : "MISSED"))
    }
  }

  /// myco against psql on PostgreSQL: each run into two new databases with the same schema.
  private func runPostgres(_ url: String, _ data: YieldData, _ folder: String) throws {
    guard let slash = url.lastIndex(of: "/") else { throw BenchmarkFailure("--postgres: not a URL") }
    let server = String(url[...slash])
    let empty = try script(folder, "empty.csv", YieldData.batchHeader)
    var mycoImport: [Double] = [], mycoReport: [Double] = []
    var psqlImport: [Double] = [], psqlReport: [Double] = []
    for run in 1...runs {
      let tag = "\(ProcessInfo.processInfo.processIdentifier)_\(run)"
      _ = try timedRun(psql, [url, "-c", "CREATE DATABASE myco_bench_m\(tag)"])
      _ = try timedRun(psql, [url, "-c", "CREATE DATABASE myco_bench_p\(tag)"])
      let mine = server + "myco_bench_m\(tag)"
      let theirs = server + "myco_bench_p\(tag)"
      mycoImport.append(
        try timedRun(
          myco, ["yields", "import", "--db", mine, "--batches", data.batchesPath, "--harvests", data.harvestsPath]))
      mycoReport.append(try timedRun(myco, ["yields", "report", "--db", mine, "--by", "bag-size,season"]))
      // The same schema, made by myco (untimed), then psql's \copy of the same files.
      _ = try timedRun(myco, ["yields", "import", "--db", theirs, "--batches", empty])
      let importScript = try script(folder, "pg-import-\(run).sql", PostgresReference.importScript(data))
      psqlImport.append(try timedRun(psql, ["-q", "-v", "ON_ERROR_STOP=1", theirs, "-f", importScript]))
      let reportScript = try script(folder, "pg-report.sql", PostgresReference.reportQuery)
      psqlReport.append(try timedRun(psql, ["-q", "-v", "ON_ERROR_STOP=1", theirs, "-f", reportScript]))
      for name in [mine, theirs] {
        _ = try timedRun(psql, [url, "-c", "DROP DATABASE \(name[name.index(after: slash)...])"])
      }
    }
    let table = [
      ("import (PostgreSQL)", median(mycoImport), median(psqlImport), 1.5),
      ("report --by bag-size,season", median(mycoReport), median(psqlReport), 2.0),
    ]
    print("PostgreSQL: median of \(runs) runs, wall-clock seconds")
    print(pad("step", 30) + pad("myco", 10) + pad("psql", 10) + pad("ratio", 8) + "target")
    for (step, mine, theirs, target) in table {
      let ratio = mine / theirs
      print(
        pad(step, 30) + pad(String(format: "%.2f", mine), 10) + pad(String(format: "%.2f", theirs), 10)
          + pad(String(format: "%.2f", ratio), 8) + "≤ \(target) " + (ratio <= target ? "met" : "MISSED"))
    }
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
