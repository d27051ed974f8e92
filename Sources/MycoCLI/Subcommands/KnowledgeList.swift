import ArgumentParser
import MycoCalendar
import MycoDiagnostics
import MycoKnowledge

extension Myco.Knowledge {
  /// `myco knowledge list SUBJECT`: one table of the knowledge base.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List varieties or a table of the knowledge base.")

    @Argument(
      help: ArgumentHelp("What to list: \(KnowledgeListing.subjects.joined(separator: ", ")).", valueName: "subject"))
    var subject: String

    @OptionGroup var folders: KnowledgeFolderOption

    @Option(help: "Output format (markdown: limits and sources only).")
    var format: ListingFormat = .text

    @Option(help: "Language of labels.")
    var lang: Language = .en

    func run() throws {
      let listing = KnowledgeListing(try folders.knowledgeBase())
      let output: String? =
        switch format {
        case .json: listing.json(subject)
        case .text: listing.text(subject, language: lang)
        case .markdown:
          subject == "limits" ? listing.limitsMarkdown() : subject == "sources" ? listing.sourcesMarkdown() : nil
        }
      guard let output else {
        if format == .markdown, KnowledgeListing.subjects.contains(subject) {
          throw Console.failure(.badOptions, "--format markdown is only for 'limits' and 'sources'")
        }
        throw Console.failure(
          .badOptions, "cannot list '\(subject)'; choose one of: \(KnowledgeListing.subjects.joined(separator: ", "))")
      }
      Console.out(output)
    }
  }
}
