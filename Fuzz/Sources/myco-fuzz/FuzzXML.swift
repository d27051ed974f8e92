import Foundation
import MycoKnowledge
import MycoRules
import MycoXML

/// `xml`: the XML load path over a copy of the bundled files.
///
/// Input layout: byte 0 picks the kind (`% 3`): 0 = `facts.xml` (vocabulary; when it loads,
/// the bundled rules are loaded against it), 1 = a knowledge table file in a folder with the
/// bundled `facts.xml`, `climate.xml` and `bags.xml`, 2 = a rules file checked against the
/// bundled vocabulary. Vocabularies and rules are read from memory; a knowledge table is
/// written to a scratch folder, because a knowledge base is loaded from a folder.
final class FuzzXML: FuzzTarget, @unchecked Sendable {
  private let scratch: URL
  private let vocabulary: Vocabulary
  private let vocabularySchema: XMLSchema
  private let rulesSchema: XMLSchema
  /// The bundled rule files, read once.
  private let bundledRules: [(data: Data, displayName: String)]

  init(root: URL) {
    let fileManager = FileManager.default
    scratch = FuzzScratch.folder("xml")
    try! fileManager.createDirectory(
      at: scratch.appendingPathComponent("knowledge"), withIntermediateDirectories: true)
    let knowledge = root.appendingPathComponent("Knowledge")
    for file in [
      "facts.xml", "sources.xml", "climate.xml", "bags.xml",
    ] {
      try! fileManager.copyItem(
        at: knowledge.appendingPathComponent(file), to: scratch.appendingPathComponent("knowledge/\(file)"))
    }
    vocabularySchema = try! BundledSchema.vocabulary.compiled()
    rulesSchema = try! BundledSchema.rules.compiled()
    vocabulary = try! KnowledgeBase.load(directory: knowledge).vocabulary
    bundledRules = RuleLoader.ruleFiles(in: root.appendingPathComponent("Rules")).map {
      (try! Data(contentsOf: $0), "Rules/\($0.lastPathComponent)")
    }
  }

  func run(_ input: Data) {
    guard let kind = input.first else { return }
    let file = Data(input.dropFirst())
    switch kind % 3 {
    case 0:
      guard let fuzzed = try? VocabularyLoader(schema: vocabularySchema).load(data: file, displayName: "facts.xml")
      else { return }
      _ = try? RuleLoader(vocabulary: fuzzed, schema: rulesSchema).load(documents: bundledRules)
    case 1:
      try! file.write(to: scratch.appendingPathComponent("knowledge/zz-fuzz.xml"))
      _ = try? KnowledgeBase.load(directory: scratch.appendingPathComponent("knowledge"), displayName: "Knowledge")
    default:
      _ = try? RuleLoader(vocabulary: vocabulary, schema: rulesSchema).load(documents: [(file, "fuzz.xml")])
    }
  }
}

/// Scratch folders for the targets that need a file: in RAM (`/dev/shm`) where there is one.
enum FuzzScratch {
  static func folder(_ target: String) -> URL {
    let shm = URL(fileURLWithPath: "/dev/shm")
    let base = FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
    let folder = base.appendingPathComponent("myco-fuzz-\(target)-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }
}
