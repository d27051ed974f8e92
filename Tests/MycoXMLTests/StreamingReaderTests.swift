import MycoDiagnostics
import Foundation
import Testing

@testable import MycoXML

/// The streaming fast path gives the same tree as libxml2's tree converted, and leaves every
/// document it cannot answer for (errors, `&` in attributes, other encodings) to the tree path.
@Suite struct StreamingReaderTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let schemas = repository.appendingPathComponent("Sources/MycoKnowledge/Schemas")

  /// Both paths' results: the tree, or the errors as printed.
  private func both(_ text: String, schema: XMLSchema? = nil, limits: XMLLimits = .standard) -> (
    streaming: Result<ParsedElement, Diagnostics>, tree: Result<ParsedElement, Diagnostics>
  ) {
    let data = Data(text.utf8)
    let streaming = Result { () throws(Diagnostics) -> ParsedElement in
      try XMLReader.parse(data: data, name: "t.xml", schema: schema, limits: limits, streaming: true)
    }
    let tree = Result { () throws(Diagnostics) -> ParsedElement in
      try XMLReader.parse(data: data, name: "t.xml", schema: schema, limits: limits, streaming: false)
    }
    return (streaming, tree)
  }

  private func fastPath(_ text: String, schema: XMLSchema? = nil, limits: XMLLimits = .standard) -> ParsedElement? {
    let bytes = Array(text.utf8)
    return StreamingReader.read(bytes: bytes, name: "t.xml", schema: schema, lines: LineIndex(bytes), limits: limits)
  }

  @Test(arguments: [
    // Namespaces, attributes, indentation, several tags on one line, Chinese text.
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <rules xmlns="urn:t" id="a" version="1">
      <rule id="r1"><title lang="zh">标题 一</title><title lang="en">  Title
        one </title></rule>
      <rule id="r2" x:y="z" xmlns:x="urn:x"><x:other>v</x:other></rule>
    </rules>
    """,
    // Mixed content, entities and character references in text, CDATA, comments, PIs.
    "<a>one <b/> two &amp; &lt;three&gt; &#x4E2D;<![CDATA[ <raw> ]]><!-- c --><?pi x?> end</a>",
    // White space only: kept in an element without children, dropped between child elements.
    "<a>  <b>   </b>\n  <c/>\t</a>",
    // No declaration, a byte order mark, attribute values with white space to normalise.
    "\u{FEFF}<a v=\"x\ty\nz\" w='q'/>",
    // Deep but within the limit; a declaration naming utf-8 in lower case.
    "<?xml version='1.0' encoding='utf-8'?><a><a><a><a><a>x</a></a></a></a></a>",
  ])
  func theFastPathGivesTheTreePathsTree(_ text: String) throws {
    let (streaming, tree) = both(text)
    #expect(fastPath(text) != nil)
    let fast = try streaming.get()
    #expect(fast == (try tree.get()))
    #expect(fast.attributes.map(\.value) == (try tree.get()).attributes.map(\.value))
  }

  @Test(arguments: [
    "<a v=\"x &amp; y\"/>",  // libxml2 decodes `&` in attributes only in its tree
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\u{E9}</a>",  // another encoding
    "<a><b></a>",  // malformed
    "<a/><b/>",  // two roots
    "<a>&undefined;</a>",  // an undeclared entity
    "<a><a><a>x</a></a></a>",  // over a depth limit of 2 (below)
  ])
  func everythingElseGoesTheTreeWayWithTheSameResult(_ text: String) {
    let limits = XMLLimits(maxBytes: 1 << 20, maxDepth: 2)
    let (streaming, tree) = both(text, limits: limits)
    #expect(fastPath(text, limits: limits) == nil)
    switch (streaming, tree) {
    case (.success(let a), .success(let b)): #expect(a == b)
    case (.failure(let a), .failure(let b)):
      #expect(a.diagnostics.map(\.description) == b.diagnostics.map(\.description))
    default: Issue.record("one path failed and the other did not: \(streaming) \(tree)")
    }
  }

  @Test func schemaViolationsAreReportedAsBefore() throws {
    let schema = try XMLSchema(file: Self.schemas.appendingPathComponent("rules.xsd"))
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rules xmlns="urn:myco:rules:1" id="x" version="1">
        <rule id="r" certainty="perhaps"><title lang="en">T</title></rule>
      </rules>
      """
    #expect(fastPath(text, schema: schema) == nil)
    let (streaming, tree) = both(text, schema: schema)
    guard case .failure(let a) = streaming, case .failure(let b) = tree else {
      Issue.record("an invalid document was accepted")
      return
    }
    #expect(!a.diagnostics.isEmpty)
    #expect(a.diagnostics.map(\.description) == b.diagnostics.map(\.description))
  }

  /// libxml2's tree keeps lines in 16 bits and reads later ones another way: such documents go
  /// the tree way, with the same result.
  @Test func elementsPastLine65534GoTheTreeWay() throws {
    let text = "<a>" + String(repeating: "\n", count: 70_000) + "<b x=\"1\"/></a>"
    #expect(fastPath(text) == nil)
    let (streaming, tree) = both(text)
    #expect(try streaming.get() == tree.get())
    #expect(try streaming.get().children.first?.location.line == 70_001)
  }

  @Test func onlyUTF8DocumentsTakeTheFastPath() {
    #expect(StreamingReader.declaresUTF8(Array("<a/>".utf8)))
    #expect(StreamingReader.declaresUTF8([0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\"?><a/>".utf8)))
    #expect(StreamingReader.declaresUTF8(Array("<?xml version='1.0' encoding = 'UTF-8'?><a/>".utf8)))
    #expect(!StreamingReader.declaresUTF8(Array("<?xml version='1.0' encoding='latin1'?><a/>".utf8)))
    #expect(!StreamingReader.declaresUTF8([0xFF, 0xFE, 0x3C, 0x00]))
    #expect(!StreamingReader.declaresUTF8([0x00, 0x3C, 0x00, 0x61]))
    #expect(!StreamingReader.declaresUTF8([]))
  }

  /// A document refused by the fast path in the middle of a start tag, with a schema plugged in:
  /// the validator reads that tag's attributes after the builder has refused (stopping the parser
  /// there freed them under it, a crash).
  @Test(arguments: [
    // `&` in an attribute.
    "<rule id=\"a &amp; b\" certainty=\"should\">",
    // Deeper than the limit of 5 below, at an element with attributes.
    "<rule id=\"a\" certainty=\"should\"><when><all><all><fact name=\"x\" is=\"y\"/></all></all></when>",
  ])
  func refusingInsideAStartTagWithASchemaIsSafe(_ rule: String) throws {
    let schema = try XMLSchema(file: Self.schemas.appendingPathComponent("rules.xsd"))
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rules xmlns="urn:myco:rules:1" id="x" version="1">
        \(rule)<title lang="zh">标题</title><title lang="en">T</title></rule>
      </rules>
      """
    let limits = XMLLimits(maxBytes: 1 << 20, maxDepth: 5)
    #expect(fastPath(text, schema: schema, limits: limits) == nil)
    let (streaming, tree) = both(text, schema: schema, limits: limits)
    #expect(String(describing: streaming) == String(describing: tree))
  }

  /// Every bundled rule and knowledge file, validated against its schema: the fast path answers,
  /// and its tree equals the tree path's, element by element, locations included.
  @Test func theBundledFilesGiveTheSameTreeBothWays() throws {
    let folders: [(String, String)] = [("Rules", "rules.xsd"), ("Knowledge", "knowledge.xsd")]
    var compared = 0
    for (folder, schemaName) in folders {
      let schema = try XMLSchema(file: Self.schemas.appendingPathComponent(schemaName))
      let directory = Self.repository.appendingPathComponent(folder)
      let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
        $0.hasSuffix(".xml") && $0 != "facts.xml" && $0 != "sources.xml"
      }
      for name in names.sorted() {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        let text = String(decoding: data, as: UTF8.self)
        #expect(fastPath(text, schema: schema) != nil, "\(folder)/\(name)")
        let fast = try XMLReader.parse(data: data, name: name, schema: schema, limits: .standard, streaming: true)
        let tree = try XMLReader.parse(data: data, name: name, schema: schema, limits: .standard, streaming: false)
        #expect(fast == tree, "\(folder)/\(name)")
        compared += 1
      }
    }
    #expect(compared > 20)
  }
}
