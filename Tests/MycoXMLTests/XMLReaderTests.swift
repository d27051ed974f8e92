import MycoDiagnostics
import Foundation
import Testing

@testable import MycoXML

@Suite struct XMLReaderTests {
  private func parse(_ text: String, limits: XMLLimits = .standard) throws(Diagnostics) -> ParsedElement {
    try XMLReader.parse(data: Data(text.utf8), name: "test.xml", limits: limits)
  }

  private func firstError(_ text: String, limits: XMLLimits = .standard) -> Diagnostic? {
    do {
      _ = try parse(text, limits: limits)
      return nil
    } catch {
      return error.diagnostics.first
    }
  }

  @Test func elementsCarryLineAndColumn() throws {
    // Given a document with elements on several lines
    let root = try parse("<a>\n  <b x=\"1\"/>\n  <c><d/></c>\n</a>")
    // Then each element knows where its start tag is
    #expect(root.location.description == "test.xml:1:1")
    #expect(root.children[0].location.description == "test.xml:2:3")
    #expect(root.children[0]["x"] == "1")
    #expect(root.children[1].children[0].location.description == "test.xml:3:6")
  }

  @Test func malformedXMLGivesFileLineColumn() {
    let error = firstError("<a>\n  <b>\n</a>")
    #expect(error?.kind == .xmlMalformed)
    #expect(error?.location?.file == "test.xml")
    #expect(error?.location?.line == 3)
    #expect(error.map { "\($0)" }?.hasPrefix("test.xml:3:") == true)
  }

  @Test func externalEntityIsRefused() {
    let xxe = """
      <?xml version="1.0"?>
      <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <r>&x;</r>
      """
    let error = firstError(xxe)
    #expect(error?.kind == .xmlDoctype)
    #expect(error?.location?.line == 2)
    #expect(error?.location?.column == 1)
  }

  @Test func entityBombIsRefused() {
    var bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
    for level in 1...9 {
      let previous = level == 1 ? "lol" : "lol\(level - 1)"
      bomb += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
    }
    bomb += "]>\n<lolz>&lol9;</lolz>"
    #expect(firstError(bomb)?.kind == .xmlDoctype)
  }

  @Test func doctypeAfterCommentIsStillFound() {
    #expect(firstError("<!-- hi -->\n<!DOCTYPE r SYSTEM \"http://example.invalid/r.dtd\"><r/>")?.kind == .xmlDoctype)
  }

  @Test func undeclaredEntityIsMalformed() {
    #expect(firstError("<r>&x;</r>")?.kind == .xmlMalformed)
  }

  @Test func sizeLimitIsEnforced() {
    let error = firstError("<r>" + String(repeating: "x", count: 2000) + "</r>", limits: XMLLimits(maxBytes: 1000))
    #expect(error?.kind == .xmlTooLarge)
  }

  @Test func depthLimitIsEnforced() {
    let deep = String(repeating: "<a>", count: 20) + String(repeating: "</a>", count: 20)
    #expect(firstError(deep, limits: XMLLimits(maxDepth: 10))?.kind == .xmlTooDeep)
    #expect(firstError(deep, limits: XMLLimits(maxDepth: 30)) == nil)
  }

  @Test func tenThousandDeepNestingIsRefusedWithoutCrashing() {
    let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
    let error = firstError(deep)
    #expect(error != nil)
  }

  @Test func indentationBetweenChildElementsIsNotText() throws {
    // Given indented child elements, mixed content, and an element holding only white space
    let root = try parse("<a>\n  <b>x</b>\n  <c/>\n  <m>one <i/> two</m>\n  <s>  </s>\n</a>")
    // Then the layout between elements is dropped, and every real text is kept as written
    #expect(root.text == "")
    #expect(root.children.map(\.text) == ["x", "", "one  two", "  "])
  }

  @Test func namesNamespacesAndAttributesAreRead() throws {
    // Given two elements with the same names (libxml2 shares them) and entity-escaped attributes
    let root = try parse(
      "<r xmlns=\"urn:x:1\"><f name=\"a &amp; b\" v=\"&#x9999;\"/><f name=\"\" v=\"2\"/></r>")
    // Then every element has its own name, namespace and attribute values
    #expect(root.name == "r" && root.namespace == "urn:x:1")
    #expect(root.children.map(\.name) == ["f", "f"])
    #expect(root.children.map(\.namespace) == ["urn:x:1", "urn:x:1"])
    #expect(root.children[0]["name"] == "a & b" && root.children[0]["v"] == "香")
    #expect(root.children[1]["name"] == "" && root.children[1]["v"] == "2")
    #expect(root.children[1].location.description == "test.xml:1:54")
  }

  @Test func byteOrderMarkIsAccepted() throws {
    var data = Data([0xEF, 0xBB, 0xBF])
    data.append(Data("<r>香菇</r>".utf8))
    let root = try XMLReader.parse(data: data, name: "bom.xml")
    #expect(root.text == "香菇")
  }

  @Test func invalidUTF8IsRefused() {
    var data = Data("<r>".utf8)
    data.append(contentsOf: [0xC3, 0x28, 0xFF])
    data.append(Data("</r>".utf8))
    #expect(throws: Diagnostics.self) { try XMLReader.parse(data: data, name: "bad.xml") }
  }

  @Test func nulByteIsRefused() {
    var data = Data("<r>a".utf8)
    data.append(0)
    data.append(Data("b</r>".utf8))
    #expect(throws: Diagnostics.self) { try XMLReader.parse(data: data, name: "nul.xml") }
  }

  @Test func missingFileIsAnIOError() {
    do {
      _ = try XMLReader.read(file: URL(fileURLWithPath: "/nonexistent/rules.xml"), displayName: "rules.xml")
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostics.first?.kind == .xmlIO)
      #expect("\(error)".hasPrefix("rules.xml:1:1: error:"))
    }
  }

  @Test func aFolderIsAnIOError() {
    #expect(throws: Diagnostics.self) {
      try XMLReader.read(file: FileManager.default.temporaryDirectory, displayName: "rules")
    }
  }

  @Test func aFileThatNeverEndsIsRefusedAtTheSizeLimit() {
    // Given a device that reports size 0 and never ends (reading it whole never returned before)
    do {
      _ = try XMLReader.read(file: URL(fileURLWithPath: "/dev/zero"), limits: XMLLimits(maxBytes: 100_000))
      Issue.record("expected an error")
    } catch {
      // Then reading stops past the limit and the file is refused as too large
      #expect(error.diagnostics.first?.kind == .xmlTooLarge)
    }
  }

  @Test func aFileReadFromDiskIsTheSameTreeAsItsBytes() throws {
    // Given a file larger than one read (several chunks' worth of elements)
    let rows = (1...5_000).map { "  <row n=\"\($0)\">第 \($0) 行</row>" }.joined(separator: "\n")
    let text = "<?xml version=\"1.0\"?>\n<table>\n\(rows)\n</table>\n"
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("myco-read-\(UUID().uuidString).xml")
    try Data(text.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    // Then reading the file gives the tree parsing its bytes gives, down to the last row
    let fromFile = try XMLReader.read(file: file, displayName: "t.xml")
    let fromData = try XMLReader.parse(data: Data(text.utf8), name: "t.xml")
    #expect(fromFile == fromData)
    #expect(fromFile.children.count == 5_000)
    #expect(fromFile.children.last?["n"] == "5000" && fromFile.children.last?.text == "第 5000 行")
    #expect(fromFile.children.last?.location.description == "t.xml:5002:3")
  }

  @Test func schemaViolationsAreReportedWithLines() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-xsd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let schemaURL = folder.appendingPathComponent("s.xsd")
    try """
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:element name="r"><xs:complexType><xs:sequence>
        <xs:element name="n" type="xs:integer" maxOccurs="unbounded"/>
      </xs:sequence></xs:complexType></xs:element>
    </xs:schema>
    """.write(to: schemaURL, atomically: true, encoding: .utf8)
    let schema = try XMLSchema(file: schemaURL)
    do {
      _ = try XMLReader.parse(data: Data("<r>\n<n>1</n>\n<n>x</n>\n</r>".utf8), name: "v.xml", schema: schema)
      Issue.record("expected a schema error")
    } catch {
      #expect(error.diagnostics.count == 1)
      #expect(error.diagnostics[0].kind == .xmlSchema)
      #expect(error.diagnostics[0].location?.line == 3)
      #expect(error.diagnostics[0].message.english.contains("'x' is not a valid value"))
    }
  }
}
