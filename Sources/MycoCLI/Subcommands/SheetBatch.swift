import ArgumentParser

extension Myco {
  /// `myco sheet batch`: one sheet per row of a growers CSV.
  struct SheetBatch: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch", abstract: "Print one sheet per row of a growers CSV.")
    func run() throws {}
  }
}
