import Foundation
@testable import MycoKnowledge
import MycoXML
import Testing

/// The builder never makes up a value: a required attribute that is missing (a table read
/// without the schema) is a located error, not a silent 0 or "".
@Suite struct KnowledgeBuilderTests {
  static func build(_ body: String) throws -> KnowledgeBuilder {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <knowledge xmlns="urn:myco:knowledge:1" version="1">
      \(body)
      </knowledge>
      """
    var builder = KnowledgeBuilder()
    builder.add(try XMLReader.parse(data: Data(text.utf8), name: "bags.xml"))
    return builder
  }

  @Test func aBagWithoutAWidthIsALocatedErrorNotAZeroWidthBag() throws {
    let builder = try Self.build(#"<bag-size id="15x55" length-cm="55"/>"#)
    #expect(builder.diagnostics.map(\.description) == ["bags.xml:3:1: error: <bag-size> needs width-cm (a number)"])
  }

  @Test func bagClassesWithoutTheirLimitsAreLocatedErrors() throws {
    let builder = try Self.build(#"<bag-classes small-below-kg="1"/>"#)
    #expect(
      builder.diagnostics.map(\.description) == [
        "bags.xml:3:1: error: <bag-classes> needs large-above-kg (a number)",
        "bags.xml:3:1: error: <bag-classes> needs reference-bag",
      ])
  }

  @Test func aVarietyWithoutItsRequiredAttributesIsALocatedError() throws {
    let builder = try Self.build(
      #"<variety id="x"><start for-days="60"/><stage id="s"/><strain temperature-type="low"/></variety>"#)
    #expect(
      builder.diagnostics.map(\.message.english) == [
        "<start> needs season", "<stage> needs starts-after-days (a whole number)", "<strain> needs id",
        "<variety> needs latin", "<variety> needs temperature-type",
      ])
    #expect(builder.diagnostics.allSatisfy { $0.kind == .missingValue && $0.location?.line == 3 })
  }

  @Test func aWellFormedTableBuildsWithoutProblems() throws {
    let builder = try Self.build(
      #"<bag-size id="15x55" width-cm="15" length-cm="55"/><elevation-band id="low" from-m="0" below-m="800"/>"#)
    #expect(builder.diagnostics.isEmpty)
    #expect(builder.bagSizes.map(\.widthCM) == [15])
    #expect(builder.elevationBands.map(\.fromMetres) == [0])
  }
}
