import ArgumentParser
import MycoCalendar
import MycoRecords
import MycoUnits

extension Myco.Yields {
  /// `myco yields add-harvest`: records one harvest of a batch.
  struct AddHarvest: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add-harvest", abstract: "Record one harvest (picking) of a batch.")

    @OptionGroup var database: DatabaseOptions

    @Option(name: .customLong("batch"), help: "Id of the batch harvested.")
    var batchID: String
    @Option(
      name: .customLong("date"), help: ArgumentHelp("Harvest date.", valueName: "YYYY-MM-DD"),
      transform: ArgumentValue.date)
    var harvestedOn: CalendarDate
    @Option(parsing: .unconditional, help: "Flush number (茬次), 1 for the first.")
    var flush: Int
    @Option(parsing: .unconditional, help: ArgumentHelp("Fresh weight in kg.", valueName: "kg"))
    var freshKg: Double?
    @Option(parsing: .unconditional, help: ArgumentHelp("Fresh weight in 斤 (0.5 kg), instead of kg.", valueName: "jin"))
    var freshJin: Double?
    @Option(help: "Grade, free text (e.g. A).")
    var grade: String = ""
    @Option(parsing: .unconditional, help: ArgumentHelp("Price in yuan per kg.", valueName: "yuan"))
    var priceYuanPerKg: Double?
    @Option(parsing: .unconditional, help: ArgumentHelp("Price in yuan per 斤, instead of per kg.", valueName: "yuan"))
    var priceYuanPerJin: Double?

    func validate() throws {
      if (freshKg == nil) == (freshJin == nil) {
        throw ValidationError("Give --fresh-kg or --fresh-jin (one of them).")
      }
      if priceYuanPerKg != nil, priceYuanPerJin != nil {
        throw ValidationError("Give --price-yuan-per-kg or --price-yuan-per-jin, not both.")
      }
    }

    func run() throws {
      try Console.reportingRecordErrors {
        let jin = WeightUnit.jin.kilograms
        let harvest = Harvest(
          batchID: batchID, harvestedOn: harvestedOn, flush: flush,
          freshKg: freshKg ?? (freshJin ?? 0) * jin, grade: grade,
          priceYuanPerKg: priceYuanPerKg ?? priceYuanPerJin.map { $0 / jin })
        try database.open().add(harvest, weightColumn: freshKg == nil ? "fresh_jin" : "fresh_kg")
        Console.status("recorded harvest of batch \(TerminalText.escaped(batchID)), flush \(flush)")
      }
    }
  }
}
