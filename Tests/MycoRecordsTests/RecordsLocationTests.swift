import Foundation
import Testing

@testable import MycoRecords

/// `--db` / `$MYCO_DB`: a file path keeps SQLite, a `postgres://` URL selects PostgreSQL.
@Suite struct RecordsLocationTests {
  @Test func pathsAreSQLiteAndURLsArePostgres() throws {
    #expect(try RecordsLocation.parse("/tmp/records.sqlite") == .sqlite(path: "/tmp/records.sqlite"))
    #expect(try RecordsLocation.parse("records.sqlite") == .sqlite(path: "records.sqlite"))
    guard case .postgres(let location) = try RecordsLocation.parse("postgres://agent@db.example:6543/myco") else {
      Issue.record("not PostgreSQL")
      return
    }
    #expect(location.user == "agent" && location.host == "db.example" && location.port == 6543)
    #expect(location.database == "myco" && !location.requireTLS && location.socketFolder == nil)
    let defaults = try PostgresLocation(url: "postgresql://db.example/myco?sslmode=require")
    #expect(defaults.user == "postgres" && defaults.port == 5432 && defaults.requireTLS)
    #expect(defaults.description == "postgres://postgres@db.example:5432/myco?sslmode=require")
    let socket = try PostgresLocation(url: "postgres://me@/myco?host=/run/postgresql")
    #expect(socket.socketFolder == "/run/postgresql")
  }

  @Test func badURLsAreRefusedInPlainWordsWithoutThePassword() {
    let cases = [
      (
        "postgres://me:s3cret@db/myco",
        "postgres://me:***@db/myco: error: has a password in it; give it in PGPASSWORD or ~/.pgpass instead (a URL ends up in shell history and logs)"
      ),
      ("postgres://me@db:0/myco", "postgres://me@db:0/myco: error: port 0 is not in 1…65535"),
      ("postgres://me@db:70000/myco", "postgres://me@db:70000/myco: error: port 70000 is not in 1…65535"),
      ("postgres://me@db:abc/myco", "postgres://me@db:abc/myco: error: the port after ':' must be a number in 1…65535"),
      (
        "postgres://me@db/",
        "postgres://me@db/: error: names no database; end the URL with /DB (postgres://USER@HOST:PORT/DB)"
      ),
      (
        "postgres://me@db/myco?sslmode=maybe",
        "postgres://me@db/myco?sslmode=maybe: error: sslmode \"maybe\" is not known (use require, verify-full, prefer or disable)"
      ),
      (
        "postgres://me@db/myco?user=x",
        "postgres://me@db/myco?user=x: error: the parameter \"user\" is not known (use sslmode or host)"
      ),
      (
        "postgres:/db/myco",
        "postgres:/db/myco: error: a PostgreSQL URL starts with postgres:// (postgres://USER@HOST:PORT/DB)"
      ),
    ]
    for (url, message) in cases {
      #expect { _ = try RecordsLocation.parse(url) } throws: { "\($0)" == message }
    }
  }

  @Test func passwordComesFromPGPASSWORDThenThePasswordFile() throws {
    let folder = try TemporaryFolder()
    let location = try PostgresLocation(url: "postgres://agent@db.example:5432/myco")
    let file = try folder.write(
      "pgpass",
      "# stations\nother:5432:myco:agent:wrong\ndb.example:5432:*:agent:pa\\:ss\\\\word\n*:*:*:*:fallback\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
    #expect(location.password(environment: ["PGPASSWORD": "env", "PGPASSFILE": file]) == "env")
    #expect(location.password(environment: ["PGPASSFILE": file]) == "pa:ss\\word")
    let elsewhere = try PostgresLocation(url: "postgres://x@elsewhere/db")
    #expect(elsewhere.password(environment: ["PGPASSFILE": file]) == "fallback")
    // Readable by others: ignored, as libpq does.
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
    #expect(location.password(environment: ["PGPASSFILE": file]) == nil)
    // ~/.pgpass by default.
    try FileManager.default.createDirectory(atPath: folder.path + "/home", withIntermediateDirectories: true)
    let home = try folder.write("home/.pgpass", "db.example:5432:myco:agent:fromhome\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: home)
    #expect(location.password(environment: ["HOME": folder.path + "/home"]) == "fromhome")
  }

  /// Shows as skipped, with the reason, when no PostgreSQL test server is given: the
  /// parameterized records tests then ran against SQLite only.
  @Test(
    .enabled(
      if: Store.postgresURL != nil,
      "skipped: MYCO_TEST_POSTGRES_URL is not set, so the records tests ran against SQLite only (.ci/run starts a throwaway PostgreSQL)"
    ))
  func recordsTestsRanAgainstPostgres() throws {
    #expect(Store.available == [.sqlite, .postgres])
    let folder = try TemporaryFolder()
    let records = try Store.postgres.open(folder)
    #expect(records is PostgresRecords)
    #expect(try records.batches().isEmpty)
  }
}
