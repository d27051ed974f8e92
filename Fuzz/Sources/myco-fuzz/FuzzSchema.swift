import Foundation
import MycoKnowledge
import MycoXML

/// `xsd`: schema loading. Byte 0 picks a bundled document (`% 4`: a rules file, a test-case
/// file, `facts.xml`, a knowledge table); the rest is an `.xsd`. The schema is compiled with
/// `XMLSchema` and, when it compiles, the document is validated against it in memory.
///
/// `XMLSchema` reads a file (its `xs:include`s are resolved in the schema's own folder), so the
/// schema is written to a scratch folder in RAM beside copies of the bundled schemas; the
/// document is parsed from memory.
final class FuzzSchema: FuzzTarget, @unchecked Sendable {
  private let schemaURL: URL
  private let documents: [(data: Data, name: String)]

  init(root: URL) {
    let scratch = FuzzScratch.folder("xsd")
    for schema in BundledSchema.allCases {
      let from = schema.url
      try! FileManager.default.copyItem(at: from, to: scratch.appendingPathComponent(from.lastPathComponent))
    }
    schemaURL = scratch.appendingPathComponent("fuzz.xsd")
    documents = ["Rules/bag-size.xml", "Rules/tests/core.xml", "Knowledge/facts.xml", "Knowledge/bags.xml"].map {
      (try! Data(contentsOf: root.appendingPathComponent($0)), $0)
    }
  }

  func run(_ input: Data) {
    guard let kind = input.first else { return }
    try! Data(input.dropFirst()).write(to: schemaURL)
    guard let schema = try? XMLSchema(file: schemaURL) else { return }
    let document = documents[Int(kind) % documents.count]
    _ = try? XMLReader.parse(data: document.data, name: document.name, schema: schema)
  }
}
