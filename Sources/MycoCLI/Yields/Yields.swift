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
      subcommands: [AddBatch.self, AddHarvest.self, AddInput.self, Import.self, Export.self, Report.self, Record.self]
    )
  }
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

extension CalendarDate: ExpressibleByArgument {
  public init?(argument: String) { self.init(iso: argument) }
}

extension BagDimensions: ExpressibleByArgument {
  public init?(argument: String) { self.init(parsing: argument) }
}

extension WeightUnit: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
