import ArgumentParser
import Foundation
import MycoKnowledge
import MycoRules

/// `--knowledge` and `--rules`: which knowledge base and rule base to use.
struct KnowledgeOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Knowledge folder (facts.xml, tables).", discussion: "Default: the bundled Knowledge/ folder, or $MYCO_KNOWLEDGE.", valueName: "dir"))
  var knowledge: String?

  @Option(name: .long, help: ArgumentHelp("Rules folder (*.xml and schema/rules.xsd).", discussion: "Default: the bundled Rules/ folder, or $MYCO_RULES.", valueName: "dir"))
  var rules: String?

  /// The knowledge folder and its display name.
  var knowledgeFolder: (URL, String) {
    Folders.locate("Knowledge", marker: "facts.xml", option: knowledge, environment: "MYCO_KNOWLEDGE")
  }

  /// The rules folder and its display name.
  var rulesFolder: (URL, String) {
    Folders.locate("Rules", marker: "schema/rules.xsd", option: rules, environment: "MYCO_RULES")
  }

  /// Loads the knowledge base, or prints every problem and exits 1.
  func knowledgeBase() throws -> KnowledgeBase {
    let (url, name) = knowledgeFolder
    do { return try KnowledgeBase.load(directory: url, displayName: name) } catch {
      throw Report.failure(error.diagnostics)
    }
  }

  /// Loads knowledge and rules, or prints every problem and exits 1.
  func advisor() throws -> Advisor {
    let (knowledgeURL, knowledgeName) = knowledgeFolder
    let (rulesURL, rulesName) = rulesFolder
    do {
      return try Advisor.load(knowledge: knowledgeURL, knowledgeName: knowledgeName, rules: rulesURL, rulesName: rulesName)
    } catch {
      throw Report.failure(error.diagnostics)
    }
  }
}
