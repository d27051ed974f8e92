import Foundation
import MycoXML
import Testing

@testable import MycoRules

/// Hostile or huge input is refused, or loaded within the documented bounds, with a clear error.
@Suite struct HostileInputTests {
  typealias F = RuleFixture

  private func firstKind(_ text: String) -> String? { F.problems(text).first?.kind }

  @Test func externalFileEntity() {
    #expect(firstKind("<?xml version=\"1.0\"?>\n<!DOCTYPE rules [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<rules>&x;</rules>") == "xml-doctype")
  }

  @Test func externalNetworkEntity() {
    #expect(firstKind("<!DOCTYPE rules [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>\n<rules>&x;</rules>") == "xml-doctype")
  }

  @Test func parameterEntity() {
    #expect(firstKind("<!DOCTYPE rules [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]>\n<rules/>") == "xml-doctype")
  }

  @Test func quadraticBlowUp() {
    let big = String(repeating: "a", count: 50_000)
    let text = "<!DOCTYPE rules [<!ENTITY a \"\(big)\">]>\n<rules>" + String(repeating: "&a;", count: 5_000) + "</rules>"
    #expect(firstKind(text) == "xml-doctype")
  }

  @Test func fiftyMegabyteFileIsRefusedBeforeReading() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("myco-50mb-\(UUID().uuidString).xml")
    defer { try? FileManager.default.removeItem(at: url) }
    // A sparse file: 50 MB on paper, no time or disk spent writing it.
    FileManager.default.createFile(atPath: url.path, contents: Data("<rules>".utf8))
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 50 * 1024 * 1024)
    try handle.close()
    do {
      _ = try XMLReader.read(file: url, displayName: "big.xml")
      Issue.record("expected the size limit")
    } catch {
      #expect("\(error)" == "big.xml:1:1: error: file is 52428800 bytes; the limit is 33554432 bytes")
    }
  }

  @Test func schemaValidFileWithOneHundredThousandRulesLoads() throws {
    // Given 100,000 small but schema-valid rules in one file (about 24 MB, under the 32 MiB limit)
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rules xmlns=\"urn:myco:rules:1\" id=\"big\" version=\"1\">\n"
    text.reserveCapacity(26_000_000)
    for index in 0..<100_000 {
      text += "<rule id=\"r\(index)\" certainty=\"should\"><title lang=\"zh\">题</title><title lang=\"en\">T</title>"
        + "<when><fact name=\"temp\" above=\"\(index % 40)\"/></when><then><advise topic=\"t\(index % 100)\">"
        + "<text lang=\"zh\">做</text><text lang=\"en\">Do</text></advise></then>"
        + "<because lang=\"zh\">因</because><because lang=\"en\">B</because><source ref=\"s\"/></rule>\n"
    }
    text += "</rules>\n"
    // When it is loaded
    let base = try F.load(text)
    // Then every rule is there and evaluates
    #expect(base.rules.count == 100_000)
    let result = Engine(base).evaluate(["temp": Fact(.number(20))])
    #expect(result.fired.count == 50_000)
    #expect(result.advice.count == 100)
  }
}
