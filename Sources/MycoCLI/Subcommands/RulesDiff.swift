import ArgumentParser
import Foundation
import MycoKnowledge

extension Myco.Rules {
  /// `myco rules diff OLD NEW`: what changed between two rule folders, and whose advice changes.
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "diff",
      abstract:
        "Compare two rule folders: rules added, removed and changed, and the test-case situations whose advice changes."
    )

    @Argument(help: ArgumentHelp("The old rules folder.", valueName: "old-dir"))
    var old: String

    @Argument(help: ArgumentHelp("The new rules folder.", valueName: "new-dir"))
    var new: String

    @OptionGroup var folders: KnowledgeFolderOption

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    func run() throws {
      let folder = try folders.knowledgeFolder()
      if let note = Folders.note([("knowledge", folder)]) { Console.error(note) }
      let (knowledgeURL, knowledgeName) = (folder.url, folder.shown)
      do {
        let changes = try AdviceChanges.load(
          knowledge: knowledgeURL, knowledgeName: knowledgeName, old: URL(fileURLWithPath: old), oldName: old,
          new: URL(fileURLWithPath: new), newName: new)
        Console.out(format == .json ? changes.json : changes.text)
      } catch {
        throw Console.failure(error.diagnostics)
      }
    }
  }
}
