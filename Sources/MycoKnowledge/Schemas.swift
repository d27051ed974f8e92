import Foundation
import MycoDiagnostics
import MycoRules
import MycoXML

/// The XML schemas that are Myco's contract for its data files. They are bundled with the program
/// (`Myco_MycoKnowledge.resources/Schemas`), never read from a user's knowledge or rules folder, so a
/// folder cannot loosen them (for example to allow zero-width bags).
public enum BundledSchema: String, CaseIterable, Sendable {
  /// `facts.xml`: the facts rules may test, with their values and usual ranges.
  case vocabulary
  /// The knowledge tables: varieties, bags, climate, elevation bands, tables.
  case knowledge
  /// `sources.xml`: the publications rules and tables cite.
  case sources
  /// The rule files of a rules folder.
  case rules
  /// The rule test cases in a rules folder's `tests/`.
  case cases

  /// Where the bundled schema file is.
  public var url: URL {
    guard let folder = Bundle.module.url(forResource: "Schemas", withExtension: nil) else {
      return URL(fileURLWithPath: "Myco_MycoKnowledge.resources/Schemas/\(rawValue).xsd")
    }
    return folder.appendingPathComponent("\(rawValue).xsd")
  }

  /// The compiled schema; a missing or broken bundle is a load failure located at the schema file.
  public func compiled() throws(Diagnostics) -> XMLSchema {
    try XMLSchema(file: url)
  }
}
