import Foundation
import MycoKnowledge
import MycoRules
import Testing

/// Issue #12 item 1: one source registry, cited by id from rules and tables.
@Suite struct SourceRegistryTests {
  typealias CLI = CommandLineTests

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

  @Test func anUnknownSourceIdInARuleFailsTheLoadWithItsLocation() throws {
    let draft = try CLI.draftRules([
      "draft.xml": CLI.header
        + CLI.rule("draft.a", when: "<fact name=\"month\" is=\"8\"/>")
        .replacingOccurrences(of: "ref=\"royse-2008\"", with: "ref=\"nobody-2099\"") + "</rules>\n"
    ])
    defer { try? FileManager.default.removeItem(at: draft) }
    let check = try CLI.myco(["rules", "check", "--rules", draft.path])
    #expect(check.status == 1)
    #expect(check.out.contains("draft.xml:8:5: error: [unknown-source] unknown source id 'nobody-2099'"))
    let advise = try CLI.myco(["advise", "--variety", "shiitake", "--rules", draft.path])
    #expect(advise.status == 1)
    #expect(advise.errors.contains("draft.xml:8:5: error: unknown source id 'nobody-2099'"))
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

  @Test func rulesSupportedOnlyByGradeCSourcesAreReportedAndCounted() throws {
    let run = try CLI.myco(["rules", "check"])
    #expect(run.status == 0)
    #expect(run.out.contains("[weak-sources] rule 'king-oyster.bag.22x45' is supported only by grade-C sources"))
    #expect(!run.out.contains("[weak-sources] rule 'shiitake.bag.smaller-bags-in-heat'"))
    let count = run.out.components(separatedBy: "[weak-sources]").count - 1
    #expect(count > 0)
    #expect(run.out.contains("(\(count) rules supported only by grade-C sources)"))
    #expect(run.out.contains(" 0 errors, 0 warnings,"))
  }

  @Test func knowledgeListSourcesInTextAndJSON() throws {
    let text = try CLI.myco(["knowledge", "list", "sources"])
    #expect(text.status == 0)
    #expect(text.out.contains("royse-2008  [A]  Royse et al. 2008"))
    #expect(text.out.contains("took: "))
    let json = try CLI.myco(["knowledge", "list", "sources", "--format", "json"])
    #expect(json.status == 0)
    let array = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
    #expect(array.count == Bundled.advisor.knowledge.sources.publications.count)
    #expect(
      array.allSatisfy {
        $0["id"] is String && $0["authors"] is String && $0["title"] is String && $0["grade"] is String
      })
    #expect(array.contains { $0["id"] as? String == "royse-2008" && $0["year"] as? Int == 2008 })
  }

  @Test func docsSourcesIsTheGeneratedRegistry() throws {
    let generated = KnowledgeListing(Bundled.advisor.knowledge).sourcesMarkdown()
    let file = try String(contentsOf: Bundled.repository.appendingPathComponent("Docs/sources.md"), encoding: .utf8)
    #expect(file == generated, "regenerate: swift run myco knowledge list sources --format markdown > Docs/sources.md")
    #expect(generated.contains("`royse-2008`"))
  }

  @Test func adviceShowsShortCitationsAndJSONSourcesHaveTheBibliographicFields() throws {
    let text = try CLI.myco(CLI.seed + ["--lang", "en"])
    #expect(text.status == 0)
    #expect(text.out.contains("Royse et al. 2008 — heavier logs, same BE"))
    let json = try CLI.myco(CLI.seed + ["--format", "json", "--temperature", "30", "--stage", "spawn-run"])
    #expect(json.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    var sourceObjects: [[String: Any]] = []
    for key in ["advice", "warnings", "overridden", "facts"] {
      for item in object[key] as? [[String: Any]] ?? [] {
        sourceObjects += item["sources"] as? [[String: Any]] ?? []
      }
    }
    #expect(sourceObjects.count > 10)
    for source in sourceObjects {
      #expect(source["id"] is String && source["authors"] is String && source["title"] is String)
      #expect(source.keys.contains("year"))
    }
    #expect(sourceObjects.contains { $0["id"] as? String == "royse-2008" && $0["year"] as? Int == 2008 })
  }

  /// No output and no product file names the developers' internal notes.
  @Test func noProductTextNamesTheInternalNotes() throws {
    let forbidden = ["fungi-facts", "pesticides-places", "shared/reference"]
    let outputs = [
      try CLI.myco(CLI.seed), try CLI.myco(CLI.seed + ["--lang", "en", "--format", "json"]),
      try CLI.myco(["knowledge", "list", "sources"]), try CLI.myco(["knowledge", "list", "limits"]),
      try CLI.myco(["knowledge", "list", "pesticides"]),
      try CLI.myco(["rules", "explain", "shiitake.timing.wait-for-cool"]),
    ]
    for run in outputs {
      for word in forbidden { #expect(!run.out.contains(word)) }
    }
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
