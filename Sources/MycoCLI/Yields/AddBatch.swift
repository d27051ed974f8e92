import ArgumentParser
import MycoCalendar
import MycoRecords
import MycoUnits

extension Myco.Yields {
  /// `myco yields add-batch`: records one batch.
  struct AddBatch: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add-batch", abstract: "Record one batch of bags.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var varieties: VarietySource

    @Option(name: .customLong("id"), help: "Batch id, unique (e.g. WS-2024-017).")
    var id: String
    @Option(help: "Grower label (e.g. \"Grower A\", 农户甲).")
    var grower: String
    @Option(help: "Village or township.")
    var place: String = ""
    @Option(parsing: .unconditional, help: ArgumentHelp("Elevation in metres.", valueName: "m"))
    var elevation: Double?
    @Option(help: "Variety id from the knowledge base (e.g. shiitake).")
    var variety: String
    @Option(help: "Strain (菌株), e.g. L808.")
    var strain: String = ""
    @Option(help: "Substrate recipe, free text.")
    var substrate: String = ""
    @Option(
      help: ArgumentHelp("Bag folded width x length in cm, like 15x55.", valueName: "WxL"), transform: ArgumentValue.bag
    )
    var bagSize: BagDimensions
    @Option(parsing: .unconditional, help: ArgumentHelp("Dry substrate per bag in kg.", valueName: "kg"))
    var drySubstrateKg: Double?
    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("Dry substrate per bag in 斤 (0.5 kg), instead of kg.", valueName: "jin"))
    var drySubstrateJin: Double?
    @Option(parsing: .unconditional, help: "Number of bags inoculated.")
    var bags: Int
    @Option(help: ArgumentHelp("Inoculation date.", valueName: "YYYY-MM-DD"), transform: ArgumentValue.date)
    var inoculatedOn: CalendarDate
    @Option(help: "Shed or room type (e.g. simple-shed).")
    var facility: String = ""
    @Option(parsing: .unconditional, help: "Bags lost to contamination.")
    var bagsContaminated: Int = 0
    @Option(name: .customLong("advice-rule"), help: "Rule id of advice followed (repeatable).")
    var adviceRules: [String] = []
    @Option(help: "Knowledge-base version the advice came from.")
    var kbVersion: String = ""
    @Option(help: "Free notes.")
    var notes: String = ""

    func validate() throws {
      if (drySubstrateKg == nil) == (drySubstrateJin == nil) {
        throw ValidationError("Give --dry-substrate-kg or --dry-substrate-jin (one of them).")
      }
    }

    func run() throws {
      try Console.reportingRecordErrors {
        let batch = Batch(
          id: id, grower: grower, place: place, elevationM: elevation, variety: variety,
          strain: strain, substrate: substrate, bagSize: bagSize,
          drySubstrateKgPerBag: drySubstrateKg ?? (drySubstrateJin ?? 0) * WeightUnit.jin.kilograms,
          bags: bags, inoculatedOn: inoculatedOn, facility: facility,
          bagsContaminated: bagsContaminated, adviceRules: adviceRules, kbVersion: kbVersion,
          notes: notes)
        try database.open().add(batch, knownVarieties: varieties.knownVarietyIDs())
        Console.status("recorded batch \(TerminalText.escaped(id))")
      }
    }
  }
}
