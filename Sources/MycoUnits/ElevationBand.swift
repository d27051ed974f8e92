/// A band of elevations, e.g. `low-mountain`: from 500 m to below 1,000 m.
public struct ElevationBand: Sendable, Hashable, Codable {
  /// The band's id, a value of the `elevation-band` fact (e.g. `mid-mountain`).
  public var id: String
  /// Lower bound in metres (inclusive).
  public var fromMetres: Double
  /// Upper bound in metres (exclusive); nil for the top band.
  public var belowMetres: Double?

  /// Creates a band.
  public init(id: String, fromMetres: Double, belowMetres: Double?) {
    self.id = id
    self.fromMetres = fromMetres
    self.belowMetres = belowMetres
  }

  /// Whether `elevation` metres lie in the band.
  public func contains(_ elevation: Double) -> Bool {
    elevation >= fromMetres && elevation < (belowMetres ?? .infinity)
  }
}

/// The elevation bands that group advice and yield reports, lowest first.
///
/// Declared once, in the knowledge base (`<elevation-band>` in Knowledge/climate.xml); the
/// yield records, which load no knowledge, are given them by the caller.
public struct ElevationBands: Sendable, Hashable, Codable, RandomAccessCollection {
  /// The bands, sorted by their lower bound.
  public let bands: [ElevationBand]

  /// The bands, sorted by their lower bound.
  public init(_ bands: [ElevationBand]) {
    self.bands = bands.sorted { $0.fromMetres < $1.fromMetres }
  }

  /// The position of the band that holds `elevation` metres (its order from the lowest), if any.
  public func index(of elevation: Double) -> Int? {
    bands.firstIndex { $0.contains(elevation) }
  }

  /// The band that holds `elevation` metres, if any.
  public func band(of elevation: Double) -> ElevationBand? {
    index(of: elevation).map { bands[$0] }
  }

  public var startIndex: Int { bands.startIndex }
  public var endIndex: Int { bands.endIndex }
  public subscript(position: Int) -> ElevationBand { bands[position] }
}
