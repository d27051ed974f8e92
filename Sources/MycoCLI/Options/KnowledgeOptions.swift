import ArgumentParser
import Foundation
import MycoDiagnostics
import MycoKnowledge
import MycoRules

/// `--knowledge`: which knowledge base to use, for the commands that read only the knowledge base.
struct KnowledgeFolderOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Knowledge folder (facts.xml, tables).",
      discussion:
        "Default: $MYCO_KNOWLEDGE, else the installed <prefix>/share/myco/Knowledge (or the repository's Knowledge/ for swift run).",
      valueName: "dir"))
  var knowledge: String?

  /// The knowledge folder, or an exit after printing how to name one.
  func knowledgeFolder() throws -> LocatedFolder {
    switch Folders.locate(
      "Knowledge", marker: "facts.xml", option: knowledge, optionName: "--knowledge", environment: "MYCO_KNOWLEDGE")
    {
    case .success(let folder): return folder
    case .failure(let error): throw Console.failure([error])
    }
  }

  /// Loads the knowledge base of `--knowledge` (or the default folder), or prints every
  /// problem and exits 1. Says on stderr which folder is used when it is not the installed one.
  func knowledgeBase() throws -> KnowledgeBase {
    let folder = try knowledgeFolder()
    if let note = Folders.note([("knowledge", folder)]) { Console.error(note) }
    do { return try KnowledgeBase.load(directory: folder.url, displayName: folder.shown) } catch {
      throw Console.failure(error.diagnostics)
    }
  }
}

/// `--rules`: which rule base to use.
struct RulesFolderOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Rules folder (*.xml and tests/; the schema is the program's own).",
      discussion:
        "Default: $MYCO_RULES, else the installed <prefix>/share/myco/Rules (or the repository's Rules/ for swift run).",
      valueName: "dir"))
  var rules: String?

  /// The rules folder, or an exit after printing how to name one.
  func rulesFolder() throws -> LocatedFolder {
    switch Folders.locate(
      "Rules", marker: "tests", option: rules, optionName: "--rules", environment: "MYCO_RULES")
    {
    case .success(let folder): return folder
    case .failure(let error): throw Console.failure([error])
    }
  }
}

/// `--knowledge` and `--rules`: both folders, for the commands that give advice from the rules.
struct KnowledgeOptions: ParsableArguments {
  @OptionGroup var knowledgeOption: KnowledgeFolderOption
  @OptionGroup var rulesOption: RulesFolderOption

  @Flag(
    name: .customLong("no-cache"),
    help: "Load the XML files even if the compiled rule-base cache holds them (and do not write the cache).")
  var noCache = false

  /// The knowledge folder, or an exit after printing how to name one.
  func knowledgeFolder() throws -> LocatedFolder { try knowledgeOption.knowledgeFolder() }

  /// The rules folder, or an exit after printing how to name one.
  func rulesFolder() throws -> LocatedFolder { try rulesOption.rulesFolder() }

  /// Finds both folders and says on stderr which ones are used when they are not the installed ones.
  func folders() throws -> (knowledge: LocatedFolder, rules: LocatedFolder) {
    let located = (knowledge: try knowledgeFolder(), rules: try rulesFolder())
    if let note = Folders.note([("knowledge", located.knowledge), ("rules", located.rules)]) { Console.error(note) }
    return located
  }

  /// Loads the knowledge base, or prints every problem and exits 1.
  func knowledgeBase() throws -> KnowledgeBase { try knowledgeOption.knowledgeBase() }

  /// Loads knowledge and rules, or prints every problem and exits 1.
  func advisor() throws -> Advisor {
    let (knowledge, rules) = try folders()
    do { return try loadAdvisor(knowledge: knowledge, rules: rules) } catch {
      throw Console.failure(error.diagnostics)
    }
  }

  /// Loads knowledge and rules through the compiled rule-base cache, unless `--no-cache`.
  func loadAdvisor(knowledge: LocatedFolder, rules: LocatedFolder) throws(Diagnostics) -> Advisor {
    let advisor: Advisor
    if !noCache, let cache = CacheLocation.cache() {
      advisor = try cache.loadAdvisor(
        knowledge: knowledge.url, knowledgeName: knowledge.shown, rules: rules.url, rulesName: rules.shown
      ).advisor
    } else {
      advisor = try Advisor.load(
        knowledge: knowledge.url, knowledgeName: knowledge.shown, rules: rules.url, rulesName: rules.shown)
    }
    LoadedAdvisors.keep(advisor)
    return advisor
  }
}

/// The advisors a command loaded, kept until the process exits.
///
/// Every command that loads an advisor exits soon after, and Swift does not free globals at exit:
/// without this the last release of a large rule base frees it object by object just before the
/// exit (a tenth of a cached load of 100,000 rules), as `clang -disable-free` avoids for its ASTs.
enum LoadedAdvisors {
  nonisolated(unsafe) private static var kept: [Advisor] = []

  /// Keeps `advisor` alive until the process exits.
  static func keep(_ advisor: Advisor) { kept.append(advisor) }
}
