import ArgumentParser
import MycoRecords

extension Yields {
  /// `myco yields export`: writes batches.csv and harvests.csv.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Export all batches and harvests as CSV files that import back unchanged.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Folder to write batches.csv and harvests.csv into.", valueName: "dir"))
    var out: String

    func run() throws {
      try reportingRecordErrors {
        let paths = try database.openForReading().exportCSV(to: out)
        print("wrote \(TerminalText.escaped(paths.batches))\nwrote \(TerminalText.escaped(paths.harvests))")
      }
    }
  }
}
