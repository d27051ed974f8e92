import MycoCalendar
import ArgumentParser
import MycoKnowledge
import MycoRecords
import MycoServer

extension Myco.Yields {
  /// `myco yields add-input`: records one input or spray of a batch (生产档案).
  struct AddInput: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add-input",
      abstract: "Record one input or spray of a batch: spawn, substrate, pesticide, disinfectant or other.",
      discussion:
        "A product on the knowledge base's banned list is refused; a pesticide not registered for edible fungi (or not known to be registered for the batch's crop) is recorded with a warning, printed and stored."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var knowledge: KnowledgeFolderOption

    @Option(name: .customLong("batch"), help: "Id of the batch.")
    var batchID: String
    @Option(
      name: .customLong("date"), help: ArgumentHelp("Day it was used.", valueName: "YYYY-MM-DD"),
      transform: ArgumentValue.date)
    var usedOn: CalendarDate
    @Option(help: "spawn, substrate, pesticide, disinfectant or other.")
    var kind: InputKind
    @Option(help: "Product name, as on the bag or bottle.")
    var product: String
    @Option(parsing: .unconditional, help: "Amount used (with --unit).")
    var amount: Double?
    @Option(help: "Unit of --amount: ml, g, kg or L.")
    var unit: InputUnit?
    @Option(help: "The symptom or pest aimed at (e.g. small-flies).")
    var target: String = ""
    @Option(help: "Free note.")
    var note: String = ""

    func run() throws {
      try Console.reportingRecordErrors {
        let base = try knowledge.knowledgeBase()
        let input = Input(
          batchID: batchID, usedOn: usedOn, kind: kind, product: product, amount: amount, unit: unit,
          target: target, note: note)
        let stored = try database.open().add(input, checker: base.inputChecker)
        if !stored.warning.isEmpty { Console.error("warning: \(stored.warning)") }
        Console.status(
          "recorded \(kind.rawValue) \(TerminalText.escaped(product)) for batch \(TerminalText.escaped(batchID))")
      }
    }
  }
}

extension InputKind: ExpressibleByArgument {}
extension InputUnit: ExpressibleByArgument {}
