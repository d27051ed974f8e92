import Foundation
import MycoDiagnostics
import MycoKnowledge
import MycoRules
import Testing

/// The XSDs are the program's contract: a data folder cannot bring a looser schema of its own.
@Suite struct BundledSchemaTests {
  /// A copy of `folder` in a temporary folder, with `schema/NAME` files written into it.
  static func copy(_ folder: URL, schemas: [String: String]) throws -> URL {
    let target = FileManager.default.temporaryDirectory.appendingPathComponent("myco-schema-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: folder, to: target)
    try FileManager.default.createDirectory(
      at: target.appendingPathComponent("schema"), withIntermediateDirectories: true)
    for (name, text) in schemas {
      try text.write(to: target.appendingPathComponent("schema/\(name)"), atomically: true, encoding: .utf8)
    }
    return target
  }

  /// A schema that accepts any document at all.
  static func permissive(namespace: String, root: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="\(namespace)"
      elementFormDefault="qualified">
      <xs:element name="\(root)"><xs:complexType><xs:sequence>
        <xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence><xs:anyAttribute processContents="skip"/></xs:complexType></xs:element>
    </xs:schema>

    """
  }

  @Test func theSchemasAreBundledWithTheProgram() throws {
    for schema in BundledSchema.allCases {
      #expect(FileManager.default.fileExists(atPath: schema.url.path), "\(schema.url.path)")
      _ = try schema.compiled()
    }
    #expect(!FileManager.default.fileExists(atPath: Bundled.knowledgeURL.appendingPathComponent("schema").path))
    #expect(!FileManager.default.fileExists(atPath: Bundled.rulesURL.appendingPathComponent("schema").path))
  }

  @Test func aKnowledgeFolderWithItsOwnPermissiveSchemaCannotLoadAZeroWidthBag() throws {
    // Given a knowledge folder whose own schema accepts anything, and a bag 0 cm wide
    let knowledge = try String(
      contentsOf: BundledSchema.knowledge.url, encoding: .utf8)
    let namespace = try #require(knowledge.firstMatch(of: /targetNamespace="([^"]+)"/)?.1)
    let folder = try Self.copy(
      Bundled.knowledgeURL,
      schemas: ["knowledge.xsd": Self.permissive(namespace: String(namespace), root: "knowledge")])
    defer { try? FileManager.default.removeItem(at: folder) }
    let bags = folder.appendingPathComponent("bags.xml")
    let text = try String(contentsOf: bags, encoding: .utf8)
    #expect(text.contains("width-cm=\"15\" length-cm=\"55\""))
    try text.replacingOccurrences(of: "width-cm=\"15\" length-cm=\"55\"", with: "width-cm=\"0\" length-cm=\"55\"")
      .write(to: bags, atomically: true, encoding: .utf8)
    // When it loads, then the bundled schema refuses the bag, at its line
    do {
      _ = try KnowledgeBase.load(directory: folder, displayName: "Knowledge")
      Issue.record("a zero-width bag loaded")
    } catch {
      #expect(error.diagnostics.map(\.kind) == [.xmlSchema], "\(error.diagnostics)")
      #expect(error.diagnostics.first?.location?.description.hasPrefix("Knowledge/bags.xml:4:") == true)
      #expect(error.diagnostics.first?.message.english.contains("width-cm") == true, "\(error.diagnostics)")
    }
  }

  @Test func aRulesFolderWithItsOwnPermissiveSchemaIsStillValidatedByTheBundledOne() throws {
    // Given the bundled rules with their own schema accepting anything, and a certainty the real schema lacks
    let rulesSchema = try String(contentsOf: BundledSchema.rules.url, encoding: .utf8)
    let namespace = try #require(rulesSchema.firstMatch(of: /targetNamespace="([^"]+)"/)?.1)
    let folder = try Self.copy(
      Bundled.rulesURL, schemas: ["rules.xsd": Self.permissive(namespace: String(namespace), root: "rules")])
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("timing.xml")
    let text = try String(contentsOf: file, encoding: .utf8)
    let certainty = try #require(text.firstMatch(of: /certainty="[a-z]+"/))
    try text.replacingCharacters(in: certainty.range, with: "certainty=\"perhaps\"").write(
      to: file, atomically: true, encoding: .utf8)
    // Then loading refuses it with the bundled schema's error
    do {
      _ = try Advisor.loadRules(folder, name: "Rules", vocabulary: Bundled.advisor.knowledge.vocabulary)
      Issue.record("a rule with certainty 'perhaps' loaded")
    } catch {
      #expect(
        error.diagnostics.contains { $0.kind == .xmlSchema && $0.message.english.contains("'perhaps'") },
        "\(error.diagnostics)")
      #expect(
        error.diagnostics.allSatisfy { $0.location?.file.hasPrefix("Rules/timing.xml") == true }, "\(error.diagnostics)"
      )
    }
  }
}
