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

  func run() throws {
    let folder = NSTemporaryDirectory() + "myco-bench-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let data = try YieldData.generate(rows: rows, in: folder)
    print("machine: \(machineDescription())")
    print("data: \(data.batches) batches, \(data.harvests) harvest rows (generated CSV)")

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

  private func script(_ folder: String, _ name: String, _ text: String) throws -> String {
    let path = folder + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
  }
}
