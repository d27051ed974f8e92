import Foundation
import MycoCalendar
import MycoKnowledge
import MycoRules

/// The repository's own Knowledge/ and Rules/ folders, loaded once for the tests.
enum Bundled {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let knowledgeURL = repository.appendingPathComponent("Knowledge")
  static let rulesURL = repository.appendingPathComponent("Rules")

  static let advisor: Advisor = {
    do {
      return try Advisor.load(knowledge: knowledgeURL, knowledgeName: "Knowledge", rules: rulesURL, rulesName: "Rules")
    } catch {
      fatalError("bundled knowledge base does not load:\n\(error)")
    }
  }()

  /// The advice for a situation on the bundled base.
  static func advise(_ situation: Situation) throws -> AdviceReport { try advisor.advise(situation) }

  static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
}
