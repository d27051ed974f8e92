import MycoDiagnostics
import Foundation
import MycoXML
import Testing

@testable import MycoRules

/// The source registry format and citation by id (issue #12 item 1).
@Suite struct SourceRegistryParseTests {
  typealias F = RuleFixture

  static let registryText = """
    <?xml version="1.0" encoding="UTF-8"?>
    <sources xmlns="urn:myco:sources:1" version="1">
      <source id="royse-2008" grade="A" year="2008">
        <authors>Royse, D. J. et al.</authors>
        <title>Effects of substrate moisture content, log weight and filter porosity on shiitake yield</title>
        <published-in>Bioresource Technology</published-in>
        <pages>99(17): 8212–8216</pages>
        <took>heavier logs, same BE</took>
      </source>
      <source id="some-page" grade="C">
        <authors>unsigned (example.com)</authors>
        <title>A page</title>
        <took>a figure</took>
      </source>
    </sources>
    """

  static func registry(_ text: String = registryText) throws -> (SourceRegistry, [Diagnostic]) {
    let schema = try XMLSchema(file: F.repository.appendingPathComponent("Sources/MycoKnowledge/Schemas/sources.xsd"))
    let root = try XMLReader.parse(data: Data(text.utf8), name: "sources.xml", schema: schema)
    return SourceRegistry.parse(root)
  }

  @Test func theRegistryParsesAndGivesShortCitations() throws {
    let (registry, problems) = try Self.registry()
    #expect(problems.isEmpty)
    #expect(registry["royse-2008"]?.shortCitation == "Royse et al. 2008")
    #expect(registry["some-page"]?.shortCitation == "example.com page")
    #expect(registry["some-page"]?.grade == .c)
    #expect(registry["nobody"] == nil)
  }

  @Test func theSchemaRefusesABadIdADuplicateAndAMissingGrade() throws {
    for broken in [
      Self.registryText.replacingOccurrences(of: "id=\"some-page\"", with: "id=\"Some Page\""),
      Self.registryText.replacingOccurrences(of: "id=\"some-page\"", with: "id=\"royse-2008\""),
      Self.registryText.replacingOccurrences(of: " grade=\"C\"", with: ""),
      Self.registryText.replacingOccurrences(of: "<title>A page</title>", with: ""),
    ] {
      #expect(throws: Diagnostics.self) { _ = try Self.registry(broken) }
    }
  }

  @Test func aRuleCitingAnUnknownIdDoesNotLoadAndOneCitingAKnownIdIsResolved() throws {
    let (registry, _) = try Self.registry()
    let schema = try XMLSchema(file: F.repository.appendingPathComponent("Sources/MycoKnowledge/Schemas/rules.xsd"))
    let good = F.document(F.rule("r1", "<when><fact name=\"temp\" above=\"25\"/></when><then>\(F.advise("t"))</then>"))
      .replacingOccurrences(of: "<source ref=\"test\"/>", with: "<source ref=\"royse-2008\" note=\"heavier logs\"/>")
    #expect(good.contains("royse-2008"))
    let base = try RuleLoader(vocabulary: F.vocabulary, schema: schema, sources: registry)
      .load(documents: [(Data(good.utf8), "rules/r.xml")])
    let citation = try #require(base.rules.first?.sources.first)
    #expect(citation.reference == "Royse et al. 2008")
    #expect(citation.referenceWithNote == "Royse et al. 2008 — heavier logs")
    #expect(citation.publication?.grade == .a)
    let bad = good.replacingOccurrences(of: "royse-2008", with: "nobody-2099")
    do {
      _ = try RuleLoader(vocabulary: F.vocabulary, schema: schema, sources: registry).load(documents: [
        (Data(bad.utf8), "rules/r.xml")
      ])
      Issue.record("a rule citing an unknown source loaded")
    } catch {
      #expect(error.diagnostics.count == 1)
      #expect(error.diagnostics.first?.kind == .unknownSource)
      #expect(error.diagnostics.first?.rules == ["r1"])
      #expect(error.diagnostics.first?.description.hasPrefix("rules/r.xml:") == true)
      #expect(error.diagnostics.first?.description.contains("unknown source id 'nobody-2099'") == true)
    }
  }

  @Test func aRuleWithOnlyGradeCSourcesIsReported() throws {
    let (registry, _) = try Self.registry()
    let schema = try XMLSchema(file: F.repository.appendingPathComponent("Sources/MycoKnowledge/Schemas/rules.xsd"))
    let text = F.document(
      F.rule("weak", "<when><fact name=\"temp\" above=\"25\"/></when><then>\(F.advise("t"))</then>")
        .replacingOccurrences(of: "<source ref=\"test\"/>", with: "<source ref=\"some-page\"/>"),
      F.rule("strong", "<when><fact name=\"temp\" below=\"5\"/></when><then>\(F.advise("u"))</then>")
        .replacingOccurrences(
          of: "<source ref=\"test\"/>", with: "<source ref=\"some-page\"/><source ref=\"royse-2008\"/>"))
    let base = try RuleLoader(vocabulary: F.vocabulary, schema: schema, sources: registry)
      .load(documents: [(Data(text.utf8), "rules/r.xml")])
    let findings = SourceGradePass().run(VerificationInput(base: base, context: VerificationContext()))
    #expect(findings.map(\.rules) == [["weak"]])
    #expect(findings.first?.severity == .info)
  }
}
