import MycoDiagnostics
import Foundation
import MycoXML
import Testing

@testable import MycoRules

/// The in-memory entry points (used by the fuzz targets) load exactly what the file ones do.
@Suite struct InMemoryLoadTests {
  typealias F = RuleFixture

  @Test func rulesFromMemoryLoadLikeRulesFromFiles() throws {
    let text = F.document(
      F.rule("r1", "<when><fact name=\"temp\" above=\"25\"/></when><then>\(F.advise("t", "{temp}"))</then>"))
    let schema = try XMLSchema(file: F.repository.appendingPathComponent("Sources/MycoKnowledge/Schemas/rules.xsd"))
    let fromMemory = try RuleLoader(vocabulary: F.vocabulary, schema: schema).load(documents: [
      (Data(text.utf8), "rules/r.xml")
    ])
    let fromFile = try F.load(text)
    #expect(fromMemory.rules == fromFile.rules)
  }

  @Test func schemaErrorsFromMemoryNameTheRuleToo() throws {
    let text = F.document(F.rule("r1", "<when><fact name=\"temp\" above=\"25\"/></when><then>\(F.advise("t"))</then>"))
      .replacingOccurrences(of: "priority=\"50\"", with: "priority=\"2000\"")
    let schema = try XMLSchema(file: F.repository.appendingPathComponent("Sources/MycoKnowledge/Schemas/rules.xsd"))
    #expect(throws: Diagnostics.self) {
      _ = try RuleLoader(vocabulary: F.vocabulary, schema: schema).load(documents: [(Data(text.utf8), "rules/r.xml")])
    }
    do {
      _ = try RuleLoader(vocabulary: F.vocabulary, schema: schema).load(documents: [(Data(text.utf8), "rules/r.xml")])
    } catch {
      #expect(error.diagnostics.first?.rules == ["r1"])
      #expect(error.diagnostics.first?.location?.description == "rules/r.xml:3:3")
    }
  }

  @Test func aVocabularyFromMemoryLoads() throws {
    let text = """
      <?xml version="1.0"?>
      <vocabulary xmlns="urn:myco:vocabulary:1" version="1">
        <fact name="h" type="number" dimension="length" unit="cm" min="5" max="60"><label lang="en">H</label></fact>
      </vocabulary>
      """
    let vocabulary = try VocabularyLoader(schema: nil).load(data: Data(text.utf8), displayName: "facts.xml")
    #expect(vocabulary["h"]?.range == 0.05...0.6)
  }
}
