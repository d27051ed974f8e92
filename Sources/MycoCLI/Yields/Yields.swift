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
    subcommands: [AddBatch.self, AddHarvest.self, AddInput.self, Import.self, Export.self, Report.self, Record.self]
  )
}

/// The `--db` option shared by every `yields` subcommand.
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The records database file (default: $MYCO_DB, else $XDG_DATA_HOME/myco/records.sqlite, else ~/.local/share/myco/records.sqlite).",
      valueName: "path"))
  var path: String?

  /// Opens the chosen database for writing, creating it if needed.
  func open() throws -> YieldDatabase {
    try YieldDatabase.open(path: path ?? YieldDatabase.defaultPath())
  }

  /// Opens the chosen database read-only (never created, migrated or changed).
  func openForReading() throws -> YieldDatabase {
    try YieldDatabase.openForReading(path: path ?? YieldDatabase.defaultPath())
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
/// `--format` of `yields report`: the records' data formats (`ReportFormat`), or the HTML page
/// made from the sheets' templates (`YieldReportPage`).
enum YieldsReportFormat: String, CaseIterable, ExpressibleByArgument {
  case text, json, csv, html
}
