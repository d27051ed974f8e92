import MycoDiagnostics
import Foundation
import Testing

@testable import MycoXML

/// ``ParsedElement`` is a view into its document's flat ``ElementTree``: these check that the
/// views read as the nested values they replaced.
@Suite struct ElementTreeTests {
  private let text = """
    <r xmlns="urn:t" a="1">
      <x n="1"><y>deep</y><y>er</y></x>
      <x n="2"/>
      <z>text <!-- c --> more</z>
    </r>
    """

  @Test func childrenAttributesAndTextReadInDocumentOrder() throws {
    let root = try XMLReader.parse(data: Data(text.utf8), name: "t.xml")
    #expect(root.name == "r" && root.namespace == "urn:t" && root["a"] == "1" && root["b"] == nil)
    #expect(root.children.map(\.name) == ["x", "x", "z"])
    #expect(root.children.map { $0["n"] } == ["1", "2", nil])
    #expect(root.children[0].children.map(\.text) == ["deep", "er"])
    #expect(root.children[0].children[1].location.description == "t.xml:2:23")
    #expect(root.children[1].children.isEmpty && root.children[1].attributes.count == 1)
    #expect(root.children[2].text == "text  more")
    #expect(root.children(named: "x").count == 2 && root.child(named: "z")?.text == "text  more")
    #expect(root.attributes.map(\.name) == ["a"] && root.attributes.map(\.value) == ["1"])
  }

  @Test func anElementBuiltByHandEqualsTheParsedOne() throws {
    let parsed = try XMLReader.parse(data: Data("<a k=\"v\"><b>t</b><c/></a>".utf8), name: "f")
    // Children taken from another document are copied with everything inside them.
    let built = ParsedElement(
      name: "a", attributes: [("k", "v")], children: Array(parsed.children),
      location: SourceLocation(file: "f", line: 1, column: 1))
    #expect(built == parsed)
    #expect(built.children[0].text == "t" && built.children[0].location == parsed.children[0].location)
    let other = ParsedElement(
      name: "a", attributes: [("k", "w")], children: Array(parsed.children),
      location: SourceLocation(file: "f", line: 1, column: 1))
    #expect(other != parsed)
    #expect(Set([built, parsed]).count == 1)
  }

  @Test func bothReadingPathsBuildEqualTrees() throws {
    // The streaming path and libxml2's tree path fill the same flat tables.
    let data = Data(text.utf8)
    let streaming = try XMLReader.parse(data: data, name: "t.xml", schema: nil, limits: .standard, streaming: true)
    let tree = try XMLReader.parse(data: data, name: "t.xml", schema: nil, limits: .standard, streaming: false)
    #expect(streaming == tree)
    #expect(streaming.tree.nodes.count == 6 && tree.tree.nodes.count == 6)
    #expect(streaming.tree.children == tree.tree.children)
  }
}
