import ArgumentParser
import MycoCalendar
import MycoRecords

extension Myco.Yields {
  /// `myco yields export`: writes batches.csv and harvests.csv.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Export all batches, harvests and inputs as CSV files that import back unchanged.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Folder to write batches.csv, harvests.csv and inputs.csv into.", valueName: "dir"))
    var out: String

    func run() throws {
      try Console.reportingRecordErrors {
        let paths = try database.openForReading().exportCSV(to: out)
        Console.status("wrote \(TerminalText.escaped(paths.batches))\nwrote \(TerminalText.escaped(paths.harvests))")
        Console.status("wrote \(TerminalText.escaped(out + "/" + YieldDatabase.inputsFileName))")
      }
    }
  }
}
