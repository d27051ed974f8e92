import ArgumentParser
import Foundation
import MycoCalendar
import MycoRecords
import MycoUnits

extension Myco {
  /// `myco yields …`: batch and harvest records and the yield report.
  struct Yields: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "yields",
      abstract: "Record batches and harvests, import and export CSV, and report yields.",
      subcommands: [
        AddBatch.self, AddHarvest.self, AddInput.self, Import.self, Export.self, Report.self, Record.self,
        Migrate.self,
      ]
    )
  }
}

/// The `--db` option shared by every `yields` subcommand.
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The records: a SQLite file, or postgres://USER@HOST:PORT/DB for a shared PostgreSQL database (password from PGPASSWORD or ~/.pgpass; ?sslmode=require for TLS). Default: $MYCO_DB, else $XDG_DATA_HOME/myco/records.sqlite, else ~/.local/share/myco/records.sqlite.",
      valueName: "path-or-url"))
  var path: String?

  /// The chosen records: `--db`, else `$MYCO_DB`, else the default SQLite file.
  func location() throws -> RecordsLocation {
    try RecordsLocation.parse(path ?? YieldDatabase.defaultPath())
  }

  /// Opens the chosen records for writing (a SQLite file is created if needed).
  func open() throws -> any YieldRecords {
    try location().open()
  }

  /// Opens the chosen records read-only (never created, migrated or changed).
  func openForReading() throws -> any YieldRecords {
    try location().openForReading()
  }
}

/// `--format` of `yields report`: the records' data formats (`ReportFormat`), or the HTML page
/// made from the sheets' templates (`YieldReportPage`).
enum YieldsReportFormat: String, CaseIterable, ExpressibleByArgument {
  case text, json, csv, html
}
