import Foundation
import MycoKnowledge
import MycoRules
import MycoXML
import Testing

/// Every input in Tests/Fixtures/fuzz-regressions/ goes through the fuzzer's load path
/// (Fuzz/Sources/myco-fuzz/FuzzLoadPath.swift) and must load or be refused with diagnostics —
/// never crash. The first byte picks the loader: 0 facts.xml, 1 a knowledge table, 2 a rules file.
@Suite struct FuzzRegressionTests {
  static let folder = Bundled.repository.appendingPathComponent("Tests/Fixtures/fuzz-regressions")

  static var inputs: [String] {
    // Files directly in the folder are `xml` inputs; subfolders hold other targets' findings.
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { name in
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(
        atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
      return exists && !name.hasPrefix(".") && !isFolder.boolValue
    }.sorted()
  }

  @Test func theRegressionCorpusIsThere() {
    #expect(Self.inputs.count >= 5)
  }

  @Test(arguments: inputs) func inputLoadsOrIsRefusedCleanly(_ name: String) throws {
    let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
    guard let kind = data.first else { return }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "myco-fuzz-regression-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let knowledge = Bundled.knowledgeURL
    switch kind % 3 {
    case 0:
      let url = scratch.appendingPathComponent("facts.xml")
      try data.dropFirst().write(to: url)
      let schema = try BundledSchema.vocabulary.compiled()
      do {
        let vocabulary = try VocabularyLoader(schema: schema).load(file: url, displayName: "facts.xml")
        _ = try? Advisor.loadRules(Bundled.rulesURL, name: "Rules", vocabulary: vocabulary)
      } catch {
        #expect(!error.diagnostics.isEmpty)
      }
    case 1:
      for file in [
        "facts.xml", "sources.xml", "climate.xml", "bags.xml",
      ] {
        try FileManager.default.copyItem(
          at: knowledge.appendingPathComponent(file), to: scratch.appendingPathComponent(file))
      }
      try data.dropFirst().write(to: scratch.appendingPathComponent("zz-fuzz.xml"))
      do { _ = try KnowledgeBase.load(directory: scratch, displayName: "Knowledge") } catch {
        #expect(!error.diagnostics.isEmpty)
      }
    default:
      let url = scratch.appendingPathComponent("fuzz.xml")
      try data.dropFirst().write(to: url)
      let schema = try BundledSchema.rules.compiled()
      do {
        _ = try RuleLoader(vocabulary: Bundled.advisor.knowledge.vocabulary, schema: schema).load(files: [
          (url, "fuzz.xml")
        ])
      } catch {
        #expect(!error.diagnostics.isEmpty)
        #expect(error.diagnostics.allSatisfy { !$0.message.isEmpty })
      }
    }
  }
}
