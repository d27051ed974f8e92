import Foundation
import MycoKnowledge
import MycoRules
import Testing

/// Issue #12 item 1: one source registry, cited by id from rules and tables.
@Suite struct SourceRegistryTests {
  /// Every `<source ref>` in the bundled rules and knowledge tables names a registry entry.
  @Test func everyBundledCitationIsResolved() throws {
    let knowledge = Bundled.advisor.knowledge
    #expect(knowledge.sources.publications.count >= 100)
    for rule in Bundled.advisor.rules.rules {
      #expect(!rule.sources.isEmpty)
      for citation in rule.sources {
        #expect(citation.publication?.id == citation.id, "rule \(rule.id) cites \(citation.id)")
      }
    }
    var tableCitations: [Citation] = knowledge.tables.flatMap { $0.rows.flatMap(\.sources) }
    tableCitations += knowledge.varieties.flatMap { variety in
      variety.ranges.flatMap(\.sources) + variety.strains.flatMap(\.sources)
    }
    tableCitations += knowledge.bagSizes.flatMap(\.sources)
    #expect(tableCitations.count > 300)
    #expect(tableCitations.allSatisfy { $0.publication != nil })
  }

  @Test func shortCitationsAreAuthorAndYear() throws {
    let sources = Bundled.advisor.knowledge.sources
    #expect(sources["royse-2008"]?.shortCitation == "Royse et al. 2008")
    #expect(sources["zeng-shi-2016"]?.shortCitation == "Zeng and Shi 2016")
    #expect(sources["ding-1987"]?.shortCitation == "Ding Huguang 1987")
    #expect(sources["qhdth"]?.shortCitation == "qhdth.com page")
    let royse = try #require(sources["royse-2008"])
    #expect(royse.grade == .a)
    #expect(royse.fullCitation.contains("Bioresource Technology 99(17): 8212–8216"))
  }

  /// Links only to publishers, DOIs, government or university sites, named extension services.
  @Test func noLinkGoesToACopySite() {
    for source in Bundled.advisor.knowledge.sources.publications {
      guard let link = source.link else { continue }
      let host = URL(string: link)?.host ?? ""
      let trusted =
        host.hasSuffix(".gov.cn") || host.hasSuffix(".edu.cn") || host.hasSuffix(".ac.cn")
        || host.hasSuffix("hindawi.com") || host.hasSuffix("kepuchina.cn") || host.hasPrefix("doi.org")
      #expect(trusted, "\(source.id) links to \(host)")
    }
  }

  @Test func anUnknownSourceIdInAKnowledgeTableFailsTheLoad() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-knowledge-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: Bundled.knowledgeURL, to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("bags.xml")
    let text = try String(contentsOf: file, encoding: .utf8)
    try unknownIDOnly(text).write(to: file, atomically: true, encoding: .utf8)
    do {
      _ = try KnowledgeBase.load(directory: folder, displayName: "K")
      Issue.record("a knowledge base with an unknown source id loaded")
    } catch {
      let messages = error.diagnostics.map(\.description)
      #expect(messages.count == 1)
      #expect(messages.first?.hasPrefix("K/bags.xml:") == true)
      #expect(messages.first?.contains("error: unknown source id 'nobody-2099'") == true)
    }
  }

  /// The first `<source ref="…"` of `text` with its id replaced by one the registry lacks.
  private func unknownIDOnly(_ text: String) -> String {
    guard let start = text.range(of: "<source ref=\""), let end = text[start.upperBound...].firstIndex(of: "\"") else {
      return text
    }
    return text.replacingCharacters(in: start.upperBound..<end, with: "nobody-2099")
  }

  @Test func docsSourcesIsTheGeneratedRegistry() throws {
    let generated = KnowledgeListing(Bundled.advisor.knowledge).sourcesMarkdown()
    let file = try String(contentsOf: Bundled.repository.appendingPathComponent("Docs/sources.md"), encoding: .utf8)
    #expect(file == generated, "regenerate: swift run myco knowledge list sources --format markdown > Docs/sources.md")
    #expect(generated.contains("`royse-2008`"))
  }

  /// No product file names the developers' internal notes (the outputs: `SourceCommandTests`).
  @Test func noProductTextNamesTheInternalNotes() throws {
    let forbidden = ["fungi-facts", "pesticides-places", "shared/reference"]
    let manager = FileManager.default
    var files = ["README.md"]
    for folder in ["Knowledge", "Rules", "Docs", "Sources"] {
      let enumerator = manager.enumerator(atPath: Bundled.repository.appendingPathComponent(folder).path)
      while let path = enumerator?.nextObject() as? String {
        if path.hasSuffix(".xml") || path.hasSuffix(".md") || path.hasSuffix(".swift") || path.hasSuffix(".xsd")
          || path.hasSuffix(".py") || path.hasSuffix(".mustache") || path.hasSuffix(".csv")
        {
          files.append("\(folder)/\(path)")
        }
      }
    }
    #expect(files.count > 50)
    for file in files {
      let text = (try? String(contentsOf: Bundled.repository.appendingPathComponent(file), encoding: .utf8)) ?? ""
      for word in forbidden { #expect(!text.contains(word), "\(file) names \(word)") }
    }
  }
}
