import Foundation
import Testing

/// The test PostgreSQL server `.ci/run` starts (`Scripts/test-postgres.sh`), password in
/// `PGPASSWORD`; nil without one.
private let postgresURL: String? = {
  let url = ProcessInfo.processInfo.environment["MYCO_TEST_POSTGRES_URL"] ?? ""
  return url.isEmpty ? nil : url
}()

/// `myco yields … --db postgres://…` end to end: several importer processes at once, `migrate`,
/// and what is said (never a password) when something is wrong.
@Suite(
  .enabled(
    if: postgresURL != nil,
    "skipped: MYCO_TEST_POSTGRES_URL is not set (.ci/run starts a throwaway PostgreSQL with Scripts/test-postgres.sh)"
  ))
struct PostgresCommandTests {
  /// A new empty database on the test server; its URL.
  static func newDatabase() throws -> String {
    let url = try #require(postgresURL)
    let name = "myco_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    _ = try psql(url, "CREATE DATABASE \(name) STRATEGY FILE_COPY")
    return String(url[...url.lastIndex(of: "/")!]) + name
  }

  /// One SQL command's output with `psql -At` (unaligned, tuples only).
  static func psql(_ url: String, _ sql: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["psql", "-At", "-v", "ON_ERROR_STOP=1", url, "-c", sql]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "psql \(sql)")
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-pg-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  static let batchHeader =
    "batch_id,grower,place,elevation_m,variety,strain,substrate,bag_size,dry_substrate_kg_per_bag,bags,inoculated_on,facility,bags_contaminated,advice_rules,kb_version,notes\n"

  @Test func eightImporterProcessesAtOnceLoseNothingAndNeverDoubleABatch() throws {
    let url = try Self.newDatabase()
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Eight files: each has 10 batches of its own; files 0–3 also share batch O1, files 4 and
    // 5 share P1, so at most one file of each of those groups can land.
    var files: [(batches: String, harvests: String, ids: [String])] = []
    for file in 0..<8 {
      var ids = (1...10).map { "F\(file)-\($0)" }
      if file < 4 { ids.append("O1") }
      if file == 4 || file == 5 { ids.append("P1") }
      var batches = Self.batchHeader
      var harvests = "batch_id,harvested_on,flush,fresh_kg,grade,price_yuan_per_kg\n"
      for id in ids {
        batches += "\(id),Grower \(file),,700,shiitake,,,15x55,1,10,2024-09-01,,0,,,\n"
        for flush in 1...30 { harvests += "\(id),2024-11-01,\(flush),1.5,A,\n" }
      }
      let b = folder.appendingPathComponent("b\(file).csv")
      let h = folder.appendingPathComponent("h\(file).csv")
      try Data(batches.utf8).write(to: b)
      try Data(harvests.utf8).write(to: h)
      files.append((b.path, h.path, ids))
    }
    // All eight at once, as eight stations would.
    let runs = try files.map { file in
      let process = Process()
      process.executableURL = CLI.binary
      process.arguments = ["yields", "import", "--db", url, "--batches", file.batches, "--harvests", file.harvests]
      let err = Pipe()
      process.standardError = err
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      return (process, err)
    }
    var landed: [Bool] = []
    for (index, (process, err)) in runs.enumerated() {
      let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      landed.append(process.terminationStatus == 0)
      if process.terminationStatus != 0 {
        // Refused cleanly, naming the row of the batch another station recorded first.
        #expect(process.terminationStatus == 1)
        #expect(errors.contains("\(files[index].batches):12: error: batch_id: batch \""), "\(errors)")
        #expect(errors.contains("is already recorded"), "\(errors)")
      }
    }
    // Files 6 and 7 overlap with none; one of 0–3 and one of 4–5 land.
    #expect(landed[6] && landed[7])
    #expect(landed[0..<4].filter { $0 }.count == 1)
    #expect(landed[4..<6].filter { $0 }.count == 1)
    // All or nothing per file, no duplicates.
    for (index, file) in files.enumerated() {
      let own = file.ids.filter { !$0.hasPrefix("O") && !$0.hasPrefix("P") }
      let batches = try Self.psql(
        url, "SELECT count(*) FROM batch WHERE id LIKE 'F\(index)-%'")
      let harvests = try Self.psql(
        url, "SELECT count(*) FROM harvest WHERE batch_id LIKE 'F\(index)-%'")
      #expect(batches == (landed[index] ? "\(own.count)" : "0"), "file \(index)")
      #expect(harvests == (landed[index] ? "\(own.count * 30)" : "0"), "file \(index)")
    }
    #expect(try Self.psql(url, "SELECT count(*) FROM harvest WHERE batch_id IN ('O1', 'P1')") == "60")
    #expect(
      try Self.psql(
        url, "SELECT count(*) FROM (SELECT batch_id, flush FROM harvest GROUP BY 1, 2 HAVING count(*) > 1) d") == "0")
  }

  @Test func migrateCopiesOnceAndTheReportIsTheSameOnBothStores() throws {
    let url = try Self.newDatabase()
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sqlite = folder.appendingPathComponent("records.sqlite").path
    let samples = Repository.samples
    let imported = try CLI.myco([
      "yields", "import", "--db", sqlite, "--batches", samples.appendingPathComponent("batches.csv").path,
      "--harvests", samples.appendingPathComponent("harvests.csv").path,
    ])
    #expect(imported.status == 0, "\(imported.err)")
    let batches = try CLI.myco(["yields", "export", "--db", sqlite, "--out", folder.path + "/a"])
    #expect(batches.status == 0, "\(batches.err)")

    // What was copied is a status line: on standard error, like "imported …".
    let first = try CLI.myco(["yields", "migrate", "--from", sqlite, "--to", url])
    #expect(first.status == 0, "\(first.err)")
    #expect(first.err.hasPrefix("copied "), "\(first.err)")
    #expect(!first.err.hasPrefix("copied 0 "), "\(first.err)")
    let second = try CLI.myco(["yields", "migrate", "--from", sqlite, "--to", url])
    #expect(second.status == 0, "\(second.err)")
    #expect(second.err.hasPrefix("copied 0 batches ("), "\(second.err)")
    #expect(second.err.hasSuffix(" already there), 0 harvests, 0 inputs\n"), "\(second.err)")

    // The same figures from both stores, in every format.
    for arguments in [["--by", "bag-size"], ["--by", "variety,season", "--format", "json"], ["--format", "csv"]] {
      let local = try CLI.myco(["yields", "report", "--db", sqlite] + arguments)
      let shared = try CLI.myco(["yields", "report", "--db", url] + arguments)
      #expect(local.status == 0 && shared.status == 0, "\(shared.err)")
      #expect(local.out == shared.out)
    }
    // And the same export, byte for byte.
    let export = try CLI.myco(["yields", "export", "--db", url, "--out", folder.path + "/b"])
    #expect(export.status == 0, "\(export.err)")
    for name in ["batches.csv", "harvests.csv", "inputs.csv"] {
      #expect(
        try Data(contentsOf: folder.appendingPathComponent("a/\(name)"))
          == Data(contentsOf: folder.appendingPathComponent("b/\(name)")), "\(name)")
    }
  }

  @Test func passwordsAreNeverPrinted() throws {
    let url = try #require(postgresURL)
    // In the URL: refused before connecting, the password not repeated.
    let inURL = try CLI.myco([
      "yields", "report", "--db", url.replacingOccurrences(of: "postgres@", with: "postgres:hunter2secret@"),
    ])
    #expect(inURL.status == 1)
    #expect(inURL.err.contains("has a password in it; give it in PGPASSWORD or ~/.pgpass"), "\(inURL.err)")
    #expect(!inURL.err.contains("hunter2secret"))
    // A wrong one: PostgreSQL's refusal, the password not repeated.
    let wrong = try CLI.myco(
      ["yields", "report", "--db", url],
      environment: ["PGPASSWORD": "wrong-hunter2secret", "PGPASSFILE": "/nonexistent"])
    #expect(wrong.status == 1)
    #expect(wrong.err.contains("password authentication failed"), "\(wrong.err)")
    #expect(!wrong.err.contains("hunter2secret"))
    // From a ~/.pgpass-style file (mode 0600) instead of PGPASSWORD.
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let password = try #require(ProcessInfo.processInfo.environment["PGPASSWORD"])
    let passfile = folder.appendingPathComponent("pgpass")
    try Data("# comment\nnowhere:1:x:y:z\n*:*:*:postgres:\(password)\n".utf8).write(to: passfile)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passfile.path)
    let database = try Self.newDatabase()
    var environment = ProcessInfo.processInfo.environment
    environment["PGPASSWORD"] = nil
    environment["PGPASSFILE"] = passfile.path
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["yields", "report", "--db", database]
    process.environment = environment
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    // Signed in: the empty database is then refused for what it is.
    #expect(errors.contains("no Myco records in this database yet"), "\(errors)")
  }

  @Test func badURLsAreNamedAndNothingIsWritten() throws {
    for (url, message) in [
      ("postgres://me@host:99999/db", "port 99999 is not in 1…65535"),
      ("postgres://me@host:5432/", "names no database"),
      ("postgres://me@host/db?sslmode=sometimes", "sslmode \"sometimes\" is not known"),
      ("postgres:me@host/db", "a PostgreSQL URL starts with postgres://"),
    ] {
      let run = try CLI.myco(["yields", "report", "--db", url])
      #expect(run.status == 1, "\(url)")
      #expect(run.err.contains(message), "\(url): \(run.err)")
    }
  }
}
