import ArgumentParser
import MycoRecords

extension Yields {
  /// `myco yields import`: loads batch and harvest CSV files in one transaction.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import batches and harvests from CSV; any bad row imports nothing.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var varieties: VarietySource

    @Option(help: ArgumentHelp("Batch CSV file (see Docs/yields.md for columns).", valueName: "file"))
    var batches: String?
    @Option(help: ArgumentHelp("Harvest CSV file.", valueName: "file"))
    var harvests: String?
    @Flag(
      help: "Replace stored batches that have the same id. Their stored harvests are kept, unless --harvests brings harvests of that batch: then those replace them (the summary counts both).")
    var replace = false

    func validate() throws {
      if batches == nil, harvests == nil {
        throw ValidationError("Give --batches FILE, --harvests FILE or both.")
      }
    }

    func run() throws {
      try reportingRecordErrors {
        let known = try varieties.knownVarietyIDs()
        let files = try CSVFiles(batchesPath: batches, harvestsPath: harvests)
        let summary = try database.open().importCSV(files, knownVarieties: known, replace: replace)
        print(summary)
      }
    }
  }
}
