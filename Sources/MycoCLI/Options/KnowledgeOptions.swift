import ArgumentParser
import Foundation
import MycoKnowledge
import MycoRules

/// `--knowledge` and `--rules`: which knowledge base and rule base to use.
struct KnowledgeOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Knowledge folder (facts.xml, tables).",
      discussion:
        "Default: $MYCO_KNOWLEDGE, else the installed <prefix>/share/myco/Knowledge (or the repository's Knowledge/ for swift run).",
      valueName: "dir"))
  var knowledge: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Rules folder (*.xml and tests/; the schema is the program's own).",
      discussion:
        "Default: $MYCO_RULES, else the installed <prefix>/share/myco/Rules (or the repository's Rules/ for swift run).",
      valueName: "dir"))
  var rules: String?

  /// The knowledge folder, or an exit after printing how to name one.
  func knowledgeFolder() throws -> LocatedFolder {
    try Self.knowledgeFolder(option: knowledge)
  }

  /// The rules folder, or an exit after printing how to name one.
  func rulesFolder() throws -> LocatedFolder {
    switch Folders.locate(
      "Rules", marker: "tests", option: rules, optionName: "--rules", environment: "MYCO_RULES")
    {
    case .success(let folder): return folder
    case .failure(let error): throw Report.failure(error.message)
    }
  }

  static func knowledgeFolder(option: String?) throws -> LocatedFolder {
    switch Folders.locate(
      "Knowledge", marker: "facts.xml", option: option, optionName: "--knowledge", environment: "MYCO_KNOWLEDGE")
    {
    case .success(let folder): return folder
    case .failure(let error): throw Report.failure(error.message)
    }
  }

  /// Finds both folders and says on stderr which ones are used when they are not the installed ones.
  func folders() throws -> (knowledge: LocatedFolder, rules: LocatedFolder) {
    let located = (knowledge: try knowledgeFolder(), rules: try rulesFolder())
    if let note = Folders.note([("knowledge", located.knowledge), ("rules", located.rules)]) { Report.error(note) }
    return located
  }

  /// Loads the knowledge base, or prints every problem and exits 1.
  func knowledgeBase() throws -> KnowledgeBase {
    try Self.knowledgeBase(option: knowledge)
  }

  /// Loads the knowledge base of `--knowledge` (or the default folder), or prints every
  /// problem and exits 1.
  static func knowledgeBase(option: String?) throws -> KnowledgeBase {
    let folder = try knowledgeFolder(option: option)
    if let note = Folders.note([("knowledge", folder)]) { Report.error(note) }
    do { return try KnowledgeBase.load(directory: folder.url, displayName: folder.shown) } catch {
      throw Report.failure(error.diagnostics)
    }
  }

  /// Loads knowledge and rules, or prints every problem and exits 1.
  func advisor() throws -> Advisor {
    let (knowledge, rules) = try folders()
    do {
      return try Advisor.load(
        knowledge: knowledge.url, knowledgeName: knowledge.shown, rules: rules.url, rulesName: rules.shown)
    } catch {
      throw Report.failure(error.diagnostics)
    }
  }
}
