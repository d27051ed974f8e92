import MycoDiagnostics
import Foundation
import MycoRules
import MycoUnits
import MycoXML

/// Reads a knowledge folder into a ``KnowledgeBase``, checking cross-references.
struct KnowledgeLoader {
  let directory: URL
  let displayName: String
  private var diagnostics: [Diagnostic] = []

  init(directory: URL, displayName: String) {
    self.directory = directory
    self.displayName = displayName
  }

  private func file(_ name: String) -> (URL, String) {
    (directory.appendingPathComponent(name), "\(displayName)/\(name)")
  }

  mutating func load() throws(Diagnostics) -> KnowledgeBase {
    let (factsURL, factsName) = file("facts.xml")
    guard FileManager.default.fileExists(atPath: factsURL.path) else {
      throw Diagnostics([
        Diagnostic(
          kind: .missingFile, at: SourceLocation(file: factsName, line: 1, column: 1),
          "knowledge folder has no facts.xml (is \(displayName) a Myco knowledge folder?)")
      ])
    }
    let vocabularySchema = try BundledSchema.vocabulary.compiled()
    let knowledgeSchema = try BundledSchema.knowledge.compiled()
    let sourcesSchema = try BundledSchema.sources.compiled()
    var vocabulary = Vocabulary()
    do {
      vocabulary = try VocabularyLoader(schema: vocabularySchema).load(file: factsURL, displayName: factsName)
    } catch {
      diagnostics += error.diagnostics
    }
    var registry = SourceRegistry()
    let (sourcesURL, sourcesName) = file("sources.xml")
    do {
      let root = try XMLReader.read(file: sourcesURL, displayName: sourcesName, schema: sourcesSchema)
      let (parsed, problems) = SourceRegistry.parse(root)
      registry = parsed
      diagnostics += problems
    } catch {
      diagnostics += error.diagnostics
    }
    var builder = KnowledgeBuilder()
    builder.registry = registry
    var versions: [String] = []
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasSuffix(".xml") && $0 != "facts.xml" && $0 != "sources.xml" }.sorted()
    for name in names {
      let (url, shown) = file(name)
      do {
        let root = try XMLReader.read(file: url, displayName: shown, schema: knowledgeSchema)
        if let version = root["version"] { versions.append(version) }
        builder.add(root)
      } catch {
        diagnostics += error.diagnostics
      }
    }
    diagnostics += builder.diagnostics
    let location = SourceLocation(file: displayName, line: 1, column: 1)
    guard diagnostics.isEmpty else { throw Diagnostics(diagnostics) }
    guard let climate = builder.climate, let bagClasses = builder.bagClasses else {
      throw Diagnostics([
        Diagnostic(
          kind: .missingTable, at: location, "the knowledge folder needs a <climate> and a <bag-classes> table")
      ])
    }
    let base = KnowledgeBase(
      version: versions.max() ?? "", vocabulary: vocabulary, sources: registry, varieties: builder.varieties,
      bagSizes: builder.bagSizes, bagClasses: bagClasses, climate: climate,
      elevationBands: ElevationBands(builder.elevationBands), elevationBandSources: builder.elevationBandSources,
      tables: builder.tables)
    let problems = Self.crossCheck(base, builder.locations)
    if !problems.isEmpty { throw Diagnostics(problems) }
    return base
  }

  /// Every variety must be a value of the `variety` fact, and every common bag must be in the bag table.
  private static func crossCheck(_ base: KnowledgeBase, _ locations: [String: SourceLocation]) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    let declared = base.vocabulary["variety"]
    for variety in base.varieties {
      let location = locations["variety:\(variety.id)"] ?? SourceLocation(file: "", line: 1, column: 1)
      if declared?.allowedValue(variety.id) == nil {
        problems.append(
          Diagnostic(
            kind: .unknownValue, at: location,
            "variety '\(variety.id)' is not a value of the fact 'variety' in facts.xml"))
      }
      for bag in variety.commonBags where !base.bagSizes.contains(where: { $0.id == bag }) {
        problems.append(
          Diagnostic(
            kind: .unknownBag, at: location,
            "variety '\(variety.id)' lists bag '\(bag)', which is not in the bag-size table"))
      }
    }
    if !base.bagSizes.contains(where: { $0.id == base.bagClasses.referenceBag && $0.fillKg != nil }) {
      problems.append(
        Diagnostic(
          kind: .unknownBag, at: locations["bag-classes"] ?? SourceLocation(file: "", line: 1, column: 1),
          "reference bag '\(base.bagClasses.referenceBag)' is not in the bag-size table with a fill weight"))
    }
    return problems
  }
}
