import Foundation
import MycoRules
import MycoUnits
import MycoXML

/// Everything Myco knows about the domain: the fact vocabulary and the sourced tables.
public struct KnowledgeBase: Sendable {
  /// Version label of the knowledge files (e.g. `2026.11`).
  public var version: String
  /// The facts rules may use (`facts.xml`).
  public var vocabulary: Vocabulary
  /// The source registry (`sources.xml`) that rules and tables cite by id.
  public var sources: SourceRegistry
  /// The cultivated mushrooms the knowledge base describes.
  public var varieties: [Variety]
  /// The bag-size table.
  public var bagSizes: [BagSize]
  /// How filled weight maps to bag classes.
  public var bagClasses: BagClasses
  /// The monthly climate normals and lapse rates.
  public var climate: ClimateNormals
  /// The elevation bands (Knowledge/climate.xml), lowest first.
  public var elevationBands: ElevationBands
  /// The sources of each elevation band, by band id.
  public var elevationBandSources: [String: [Citation]]
  /// The free tables (substrates, pesticides, places, topics, …).
  public var tables: [KnowledgeTable]

  /// The variety with this id, if known.
  public func variety(_ id: String) -> Variety? { varieties.first { $0.id == id } }

  /// The table with this id, if present.
  public func table(_ id: String) -> KnowledgeTable? { tables.first { $0.id == id } }

  /// The bag from the table with these dimensions, if listed.
  public func bagSize(_ dimensions: BagDimensions) -> BagSize? {
    bagSizes.first { $0.widthCM == dimensions.widthCM && $0.lengthCM == dimensions.lengthCM }
  }

  /// The elevation band that holds `elevation` metres.
  public func elevationBand(_ elevation: Double) -> ElevationBand? {
    elevationBands.band(of: elevation)
  }

  /// Loads a knowledge folder: `facts.xml` (the vocabulary) and every other `*.xml` in it.
  ///
  /// Schemas are read from `schema/` inside the folder. All-or-nothing: any problem throws
  /// ``LoadFailure`` listing every problem found.
  public static func load(directory: URL, displayName: String? = nil) throws(LoadFailure) -> KnowledgeBase {
    var loader = KnowledgeLoader(directory: directory, displayName: displayName ?? directory.path)
    return try loader.load()
  }
}
