import Foundation
import MycoKnowledge
import MycoRules
import MycoXML

/// The load path the fuzzer drives, set up once per process over a copy of the bundled files.
///
/// Input layout: byte 0 picks the kind (`% 3`): 0 = `facts.xml` (vocabulary; when it loads,
/// the bundled rules are loaded against it), 1 = a knowledge table file in a folder with the
/// bundled `facts.xml`, `climate.xml` and `bags.xml`, 2 = a rules file checked against the
/// bundled vocabulary. The remaining bytes are the file, written to a scratch folder and read
/// through the same loaders `myco` uses.
final class FuzzLoadPath: @unchecked Sendable {
  static let shared = FuzzLoadPath()

  private let scratch: URL
  private let vocabulary: Vocabulary
  private let vocabularySchema: XMLSchema
  private let rulesSchema: XMLSchema
  private let bundledRules: URL

  private init() {
    let root = Self.repositoryRoot()
    let fileManager = FileManager.default
    scratch = fileManager.temporaryDirectory.appendingPathComponent("myco-fuzz-\(getpid())")
    try? fileManager.removeItem(at: scratch)
    for folder in ["vocabulary/schema", "knowledge/schema", "rules/schema"] {
      try! fileManager.createDirectory(at: scratch.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    let knowledge = root.appendingPathComponent("Knowledge")
    for schema in ["knowledge.xsd", "vocabulary.xsd"] {
      let from = knowledge.appendingPathComponent("schema/\(schema)")
      try! fileManager.copyItem(at: from, to: scratch.appendingPathComponent("knowledge/schema/\(schema)"))
      try! fileManager.copyItem(at: from, to: scratch.appendingPathComponent("vocabulary/schema/\(schema)"))
    }
    for table in ["facts.xml", "climate.xml", "bags.xml"] {
      try! fileManager.copyItem(
        at: knowledge.appendingPathComponent(table), to: scratch.appendingPathComponent("knowledge/\(table)"))
    }
    try! fileManager.copyItem(
      at: root.appendingPathComponent("Rules/schema/rules.xsd"), to: scratch.appendingPathComponent("rules/schema/rules.xsd"))
    vocabularySchema = try! XMLSchema(file: knowledge.appendingPathComponent("schema/vocabulary.xsd"))
    rulesSchema = try! XMLSchema(file: root.appendingPathComponent("Rules/schema/rules.xsd"))
    vocabulary = try! KnowledgeBase.load(directory: knowledge).vocabulary
    bundledRules = root.appendingPathComponent("Rules")
  }

  /// Loads one input; any outcome but a crash or a hang is fine.
  func load(_ input: Data) {
    guard let kind = input.first else { return }
    let file = input.dropFirst()
    switch kind % 3 {
    case 0:
      let url = write(file, to: "vocabulary/facts.xml")
      guard let fuzzed = try? VocabularyLoader(schema: vocabularySchema).load(file: url, displayName: "facts.xml")
      else { return }
      _ = try? RuleLoader(vocabulary: fuzzed, schema: rulesSchema).load(directory: bundledRules, displayName: "Rules")
    case 1:
      _ = write(file, to: "knowledge/zz-fuzz.xml")
      _ = try? KnowledgeBase.load(directory: scratch.appendingPathComponent("knowledge"), displayName: "Knowledge")
    default:
      let url = write(file, to: "rules/fuzz.xml")
      _ = try? RuleLoader(vocabulary: vocabulary, schema: rulesSchema).load(files: [(url, "fuzz.xml")])
    }
  }

  private func write(_ data: Data, to path: String) -> URL {
    let url = scratch.appendingPathComponent(path)
    try! data.write(to: url)
    return url
  }

  /// `$MYCO_ROOT`, else the folder above the current one (Scripts/fuzz.sh runs from Fuzz/).
  private static func repositoryRoot() -> URL {
    if let root = ProcessInfo.processInfo.environment["MYCO_ROOT"], !root.isEmpty {
      return URL(fileURLWithPath: root)
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).deletingLastPathComponent()
  }
}
