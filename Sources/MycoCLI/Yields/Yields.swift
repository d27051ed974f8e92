import ArgumentParser
import Foundation
import MycoCalendar
import MycoRecords
import MycoUnits

/// `myco yields …`: batch and harvest records and the yield report.
struct Yields: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "yields",
    abstract: "Record batches and harvests, import and export CSV, and report yields.",
    subcommands: [
      AddBatch.self, AddHarvest.self, AddInput.self, Import.self, Export.self, Report.self, Record.self, Migrate.self,
    ]
  )
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

/// Runs `body`; prints a records error to stderr, one problem per line, and exits with 1.
func reportingRecordErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as YieldRecordsError {
    printError(error.description)
    throw ExitCode.failure
  } catch let error as ExitCode {
    throw error
  } catch let error as ValidationError {
    throw error
  } catch {
    printError("error: \(Report.describe(error))")
    throw ExitCode.failure
  }
}

/// Writes a line to standard error, control characters escaped (`TerminalText`).
func printError(_ text: String) {
  FileHandle.standardError.write(Data((TerminalText.escapedKeepingLayout(text) + "\n").utf8))
}

extension CalendarDate: ExpressibleByArgument {
  public init?(argument: String) { self.init(iso: argument) }
}

extension BagDimensions: ExpressibleByArgument {
  public init?(argument: String) { self.init(parsing: argument) }
}

extension WeightUnit: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
