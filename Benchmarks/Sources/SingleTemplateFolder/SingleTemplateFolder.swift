import Foundation
import MycoRules
import MycoXML

/// A folder written by `myco-bench generate --shape single-template`, as Myco's engine reads it:
/// `vocabulary/facts.xml`, `rules/*.xml` (each with its schema) and `situations.txt`.
///
/// Shared by `myco-bench` (which writes such folders and checks both engines fire the same rules)
/// and `myco-single-run` (the timed Myco process, which links only the engine).
public struct SingleTemplateFolder: Sendable {
  public let folder: URL

  public init(_ folder: URL) { self.folder = folder }

  public var vocabulary: URL { folder.appendingPathComponent("vocabulary") }
  public var rules: URL { folder.appendingPathComponent("rules") }
  public var situations: URL { folder.appendingPathComponent("situations.txt") }

  /// A line of `situations.txt` that cannot be read.
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
  }

  public func readSituations() throws -> [SingleTemplateSituation] {
    try String(contentsOf: situations, encoding: .utf8).split(separator: "\n").map(SingleTemplateSituation.init(line:))
  }

  /// Myco's engine over the rules folder: vocabulary and rules loaded and validated against their schemas.
  public func load() throws -> Engine {
    let vocabularySchema = try XMLSchema(file: vocabulary.appendingPathComponent("schema/vocabulary.xsd"))
    let words = try VocabularyLoader(schema: vocabularySchema).load(
      file: vocabulary.appendingPathComponent("facts.xml"), displayName: "vocabulary/facts.xml")
    let rulesSchema = try XMLSchema(file: rules.appendingPathComponent("schema/rules.xsd"))
    return Engine(try RuleLoader(vocabulary: words, schema: rulesSchema).load(directory: rules, displayName: "rules"))
  }
}

/// One line of `situations.txt`: the six slots of CLIPS's `situation` template.
public struct SingleTemplateSituation: Sendable {
  public var variety, season, stage: String
  public var elevation, temperature, bagWidth: Int

  public var line: String {
    "variety=\(variety) season=\(season) stage=\(stage) elevation=\(elevation) temp=\(temperature) bagwidth=\(bagWidth)"
  }

  /// The facts Myco's engine reads (numbers in the base units, m and °C).
  public var facts: [String: Fact] {
    [
      "variety": Fact(.symbol(variety)), "season": Fact(.symbol(season)), "stage": Fact(.symbol(stage)),
      "elevation": Fact(.number(Double(elevation))), "temp": Fact(.number(Double(temperature))),
      "bagwidth": Fact(.number(Double(bagWidth))),
    ]
  }

  public init(variety: String, season: String, stage: String, elevation: Int, temperature: Int, bagWidth: Int) {
    (self.variety, self.season, self.stage) = (variety, season, stage)
    (self.elevation, self.temperature, self.bagWidth) = (elevation, temperature, bagWidth)
  }

  /// Reads a line of `situations.txt`.
  public init(line: Substring) throws {
    var values: [Substring: Substring] = [:]
    for pair in line.split(separator: " ") {
      let parts = pair.split(separator: "=", maxSplits: 1)
      if parts.count == 2 { values[parts[0]] = parts[1] }
    }
    guard let variety = values["variety"], let season = values["season"], let stage = values["stage"],
      let elevation = values["elevation"].flatMap({ Int($0) }), let temperature = values["temp"].flatMap({ Int($0) }),
      let width = values["bagwidth"].flatMap({ Int($0) })
    else { throw SingleTemplateFolder.Failure("situations.txt: cannot read '\(line)'") }
    self.init(
      variety: String(variety), season: String(season), stage: String(stage), elevation: elevation,
      temperature: temperature, bagWidth: width)
  }
}
