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
    // The three schemas are compiled, and every file is read, validated and turned into a tree, in
    // parallel (each task touches only its own slot; a compiled schema serves many threads). The
    // trees are then used in file order, so messages are the same as a one-by-one load's.
    let schemas: [BundledSchema] = [.vocabulary, .knowledge, .sources]
    var compiled = [Result<XMLSchema, Diagnostics>?](repeating: nil, count: schemas.count)
    compiled.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let slots = buffer
      DispatchQueue.concurrentPerform(iterations: schemas.count) { index in
        slots[index] = Result { () throws(Diagnostics) -> XMLSchema in try schemas[index].compiled() }
      }
    }
    let vocabularySchema = try compiled[0]!.get()
    let knowledgeSchema = try compiled[1]!.get()
    let sourcesSchema = try compiled[2]!.get()
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasSuffix(".xml") && $0 != "facts.xml" && $0 != "sources.xml" }.sorted()
    let (sourcesURL, sourcesName) = file("sources.xml")
    let reads: [(url: URL, shown: String, schema: XMLSchema)] =
      [(factsURL, factsName, vocabularySchema), (sourcesURL, sourcesName, sourcesSchema)]
      + names.map { name in
        let (url, shown) = file(name)
        return (url, shown, knowledgeSchema)
      }
    var trees = [Result<ParsedElement, Diagnostics>?](repeating: nil, count: reads.count)
    trees.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let slots = buffer
      DispatchQueue.concurrentPerform(iterations: reads.count) { index in
        let read = reads[index]
        slots[index] = Result { () throws(Diagnostics) -> ParsedElement in
          try XMLReader.read(file: read.url, displayName: read.shown, schema: read.schema)
        }
      }
    }
    var vocabulary = Vocabulary()
    do {
      vocabulary = try VocabularyLoader(schema: vocabularySchema).load(try trees[0]!.get())
    } catch {
      diagnostics += error.diagnostics
    }
    var registry = SourceRegistry()
    do {
      let (parsed, problems) = SourceRegistry.parse(try trees[1]!.get())
      registry = parsed
      diagnostics += problems
    } catch {
      diagnostics += error.diagnostics
    }
    var builder = KnowledgeBuilder()
    builder.registry = registry
    var versions: [String] = []
    for tree in trees.dropFirst(2) {
      do {
        let root = try tree!.get()
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
