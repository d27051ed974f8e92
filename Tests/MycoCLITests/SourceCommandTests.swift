import Foundation
import MycoKnowledge
import MycoTestSupport
import Testing

/// The source registry through `myco`: unknown ids refused, grade-C support reported, sources
/// listed and cited (issue #12 item 1).
@Suite struct SourceCommandTests {
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
    let registry = try KnowledgeBase.load(directory: Repository.knowledgeURL).sources
    #expect(array.count == registry.publications.count)
    #expect(
      array.allSatisfy {
        $0["id"] is String && $0["authors"] is String && $0["title"] is String && $0["grade"] is String
      })
    #expect(array.contains { $0["id"] as? String == "royse-2008" && $0["year"] as? Int == 2008 })
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

  /// No output names the developers' internal notes.
  @Test func noOutputNamesTheInternalNotes() throws {
    let forbidden = ["fungi-facts", "pesticides-places", "shared/reference"]
    let outputs = [
      try CLI.myco(CLI.seed), try CLI.myco(CLI.seed + ["--lang", "en", "--format", "json"]),
      try CLI.myco(["knowledge", "list", "sources"]), try CLI.myco(["knowledge", "list", "limits"]),
      try CLI.myco(["knowledge", "list", "pesticides"]),
      try CLI.myco(["rules", "explain", "shiitake.timing.wait-for-cool"]),
    ]
    for run in outputs {
      #expect(run.status == 0, "\(run.err)")
      for word in forbidden { #expect(!run.out.contains(word)) }
    }
  }
}
