import ArgumentParser
import Foundation
import MycoRecords

extension Myco.Yields {
  /// `myco yields migrate`: copies an agent's local SQLite records into a shared PostgreSQL
  /// database.
  struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "migrate",
      abstract: "Copy local SQLite records into a shared PostgreSQL database (a second run adds nothing).",
      discussion: """
        Example:
          myco yields migrate --from ~/.local/share/myco/records.sqlite --to postgres://agent@db.example:5432/myco
        Batches already in the shared database must be identical; their harvests and inputs not yet there are added.
        Everything is copied in one transaction, or nothing. The password comes from PGPASSWORD or ~/.pgpass.
        """)

    @Option(help: ArgumentHelp("The local records database file.", valueName: "file.sqlite"))
    var from: String
    @Option(help: ArgumentHelp("The shared database: postgres://USER@HOST:PORT/DB.", valueName: "url"))
    var to: String

    func run() throws {
      try Console.reportingRecordErrors {
        guard case .postgres(let target) = try RecordsLocation.parse(to) else {
          throw YieldRecordsError.database(path: to, reason: "--to needs a postgres://USER@HOST:PORT/DB URL")
        }
        let source = try YieldDatabase.openForReading(path: from)
        let shared = try PostgresRecords.open(target, environment: ProcessInfo.processInfo.environment)
        Console.status(try shared.copyRecords(from: source, sourceName: from).description)
      }
    }
  }
}
