import Foundation
import MycoXML
import Testing

@testable import MycoRules

/// Hostile or huge input is refused, or loaded within the documented bounds, with a clear error.
@Suite struct HostileInputTests {
  typealias F = RuleFixture

  private func firstKind(_ text: String) -> String? { F.problems(text).first?.kind.rawValue }

  @Test func externalFileEntity() {
    #expect(
      firstKind(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rules [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<rules>&x;</rules>")
        == "xml-doctype")
  }

  @Test func externalNetworkEntity() {
    #expect(
      firstKind("<!DOCTYPE rules [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>\n<rules>&x;</rules>") == "xml-doctype")
  }

  @Test func parameterEntity() {
    #expect(
      firstKind("<!DOCTYPE rules [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]>\n<rules/>") == "xml-doctype")
  }

  @Test func quadraticBlowUp() {
    let big = String(repeating: "a", count: 50_000)
    let text =
      "<!DOCTYPE rules [<!ENTITY a \"\(big)\">]>\n<rules>" + String(repeating: "&a;", count: 5_000) + "</rules>"
    #expect(firstKind(text) == "xml-doctype")
  }

  @Test func fiftyMegabyteFileIsRefusedBeforeReading() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("myco-50mb-\(UUID().uuidString).xml")
    defer { try? FileManager.default.removeItem(at: url) }
    // A sparse file: 50 MB on paper, no time or disk spent writing it.
    _ = FileManager.default.createFile(atPath: url.path, contents: Data("<rules>".utf8))
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
    var text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rules xmlns=\"urn:myco:rules:1\" id=\"big\" version=\"1\">\n"
    text.reserveCapacity(26_000_000)
    for index in 0..<100_000 {
      text +=
        "<rule id=\"r\(index)\" certainty=\"should\"><title lang=\"zh\">题</title><title lang=\"en\">T</title>"
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

  @Test func billionLaughsThroughTheRuleLoader() {
    var entities = "<!ENTITY l0 \"ha\">"
    for level in 1...9 { entities += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">" }
    #expect(firstKind("<?xml version=\"1.0\"?>\n<!DOCTYPE rules [\(entities)]>\n<rules>&l9;</rules>") == "xml-doctype")
  }

  @Test func tenThousandDeepConditionIsRefusedWithALocation() {
    // <not> inside <not> 10,000 times: libxml2 stops at its own depth bound (256) before Myco's (64)
    let deep =
      String(repeating: "<not>", count: 10_000) + "<fact name=\"temp\" above=\"1\"/>"
      + String(repeating: "</not>", count: 10_000)
    let problems = F.problems(F.document(F.rule("deep", "<when>\(deep)</when><then>\(F.advise("t"))</then>")))
    #expect(["xml-malformed", "xml-tooDeep"].contains(problems.first?.kind.rawValue ?? ""))
    #expect(problems.first?.location?.file == "rules/r.xml")
  }

  @Test func conditionDeeperThanTheLimitIsRefused() {
    // 70 nested <not>: under libxml2's bound, over Myco's 64 levels
    let deep =
      String(repeating: "<not>", count: 70) + "<fact name=\"temp\" above=\"1\"/>"
      + String(repeating: "</not>", count: 70)
    let problems = F.problems(F.document(F.rule("deep", "<when>\(deep)</when><then>\(F.advise("t"))</then>")))
    #expect(problems.first?.kind == .xmlTooDeep)
    #expect(problems.first?.message.english == "elements nest deeper than 64 levels")
  }

  @Test func invalidUTF8AndNULInARulesFileAreRefused() throws {
    let good = F.document(F.rule("a", "<when><fact name=\"temp\" above=\"1\"/></when><then>\(F.advise("t"))</then>"))
    for bad in [good.replacingOccurrences(of: "Title a", with: "Title \u{0}a")] {
      #expect(firstKind(bad) == "xml-malformed")
    }
    // Bytes that are not UTF-8 (0xFF) cannot be written through a Swift String: write them directly.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-utf8-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var bytes = Array(good.utf8)
    bytes.insert(0xFF, at: bytes.firstIndex(of: UInt8(ascii: "T"))!)
    try Data(bytes).write(to: folder.appendingPathComponent("r.xml"))
    let schema = try XMLSchema(file: F.repository.appendingPathComponent("Sources/MycoKnowledge/Schemas/rules.xsd"))
    do {
      _ = try RuleLoader(vocabulary: F.vocabulary, schema: schema).load(directory: folder, displayName: "rules")
      Issue.record("expected invalid UTF-8 to be refused")
    } catch {
      #expect(error.diagnostics.first?.kind == .xmlMalformed)
    }
  }

  @Test func byteOrderMarkInARulesFileLoads() throws {
    let text =
      "\u{FEFF}"
      + F.document(F.rule("a", "<when><fact name=\"temp\" above=\"1\"/></when><then>\(F.advise("t"))</then>"))
    #expect(try F.load(text).rules.count == 1)
  }
}
