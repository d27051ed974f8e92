import ArgumentParser

extension Myco {
  /// `myco sheet`: printable one-page advice sheets (明白纸).
  struct Sheet: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sheet",
      abstract: "Print one-page A4 advice sheets (明白纸) as HTML or PDF.",
      discussion: """
        Examples:
          myco sheet --variety shiitake --elevation 1200 --date 2026-08-20 --bag 15x55 --grower 农户甲 --out sheet.pdf
          myco sheet batch growers.csv --out sheets/
        See Docs/sheets.md for the growers CSV columns and how to edit the templates.
        """,
      subcommands: [Print.self, Batch.self],
      defaultSubcommand: Print.self
    )
  }
}
