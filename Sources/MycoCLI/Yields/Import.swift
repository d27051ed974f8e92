import ArgumentParser
import MycoRecords

extension Myco.Yields {
  /// `myco yields import`: loads batch and harvest CSV files in one transaction.
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import batches, harvests and inputs from CSV; any bad row imports nothing.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var varieties: VarietySource

    @Option(help: ArgumentHelp("Batch CSV file (see Docs/yields.md for columns).", valueName: "file"))
    var batches: String?
    @Option(help: ArgumentHelp("Harvest CSV file.", valueName: "file"))
    var harvests: String?
    @Option(
      help: ArgumentHelp(
        "Inputs and sprays CSV file (columns: batch_id, used_on, kind, product, amount, unit, target, note, warning).",
        valueName: "file"))
    var inputs: String?
    @Flag(
      help:
        "Replace stored batches that have the same id. Their stored harvests are kept, unless --harvests brings harvests of that batch: then those replace them (the summary counts both)."
    )
    var replace = false

    func validate() throws {
      if batches == nil, harvests == nil, inputs == nil {
        throw ValidationError("Give --batches FILE, --harvests FILE, --inputs FILE, or several of them.")
      }
    }

    func run() throws {
      try Console.reportingRecordErrors {
        let base = try varieties.knowledgeBase()
        let known = Set(base.varieties.map(\.id))
        let files = try CSVFiles(batchesPath: batches, harvestsPath: harvests, inputsPath: inputs)
        let summary = try database.open().importCSV(
          files, knownVarieties: known, replace: replace, checker: base.inputChecker)
        for warning in summary.inputWarnings { Console.error(Console.line(warning)) }
        Console.status("\(summary)")
      }
    }
  }
}
