import MycoRules
import MycoUnits

// The binary form of the knowledge tables, for the compiled rule-base cache (see AdvisorCache).
// Each type writes every stored property; the round-trip test compares with `==`.

extension CropRange: BinaryCodable {
  /// Appends every field.
  public func write(to writer: inout BinaryWriter) {
    writer.write(quantity)
    writer.write(stage)
    writer.write(minimum)
    writer.write(optimumLow)
    writer.write(optimumHigh)
    writer.write(maximum)
    writer.write(unit)
    writer.write(text)
    writer.write(sources)
  }
  /// Reads every field.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(
      quantity: try reader.read(), stage: try reader.read(), minimum: try reader.readOptional(),
      optimumLow: try reader.readOptional(), optimumHigh: try reader.readOptional(),
      maximum: try reader.readOptional(), unit: try reader.read(), text: try reader.readOptional(),
      sources: try reader.readArray())
  }
}

extension StartTrigger: BinaryCodable {
  /// Appends every field.
  public func write(to writer: inout BinaryWriter) {
    writer.write(season)
    writer.write(atMost)
    writer.write(atLeast)
    writer.write(staysAtLeast)
    writer.write(staysAtMost)
    writer.write(forDays)
    writer.write(staysAtLeastDays)
    writer.write(staysAtMostDays)
    writer.write(endsAtMost)
    writer.write(endsAtLeast)
    writer.write(endsAfterDays)
    writer.write(stage)
    writer.write(estimate)
    writer.write(sources)
  }
  /// Reads every field.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(
      season: try reader.read(), atMost: try reader.readOptional(), atLeast: try reader.readOptional(),
      staysAtLeast: try reader.readOptional(), staysAtMost: try reader.readOptional(), forDays: try reader.read(),
      staysAtLeastDays: try reader.read(Int.self), staysAtMostDays: try reader.read(Int.self),
      endsAtMost: try reader.readOptional(), endsAtLeast: try reader.readOptional(),
      endsAfterDays: try reader.read())
    stage = try reader.read()
    estimate = try reader.read()
    sources = try reader.readArray()
  }
}

extension CropStage: BinaryCodable {
  /// Appends every field.
  public func write(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(name)
    writer.write(startsAfterDays)
    writer.write(lastsDays)
    writer.write(sources)
  }
  /// Reads every field.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(
      id: try reader.read(), name: try reader.read(), startsAfterDays: try reader.read(),
      lastsDays: try reader.readOptional(), sources: try reader.readArray())
  }
}

extension Strain: BinaryCodable {
  /// Appends every field.
  public func write(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(aliases)
    writer.write(temperatureType)
    writer.write(fruitingMinimum)
    writer.write(fruitingMaximum)
    writer.write(sources)
  }
  /// Reads every field.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(
      id: try reader.read(), aliases: try reader.readArray(), temperatureType: try reader.read(),
      fruitingMinimum: try reader.readOptional(), fruitingMaximum: try reader.readOptional(),
      sources: try reader.readArray())
  }
}

extension CropCycle: BinaryCodable {
  /// Appends every field.
  public func write(to writer: inout BinaryWriter) {
    writer.write(phase)
    writer.write(daysMinimum)
    writer.write(daysMaximum)
    writer.write(text)
    writer.write(sources)
  }
  /// Reads every field.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(
      phase: try reader.read(), daysMinimum: try reader.readOptional(), daysMaximum: try reader.readOptional(),
      text: try reader.readOptional(), sources: try reader.readArray())
  }
}

extension Variety: BinaryCodable {
  /// Appends every field.
  public func write(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(name)
    writer.write(latin)
    writer.write(temperatureType)
    writer.write(notes)
    writer.write(ranges)
    writer.write(starts)
    writer.write(cycles)
    writer.write(stages)
    writer.write(strains)
    writer.write(commonBags)
  }
  /// Reads every field.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(
      id: try reader.read(), name: try reader.read(), latin: try reader.read(), temperatureType: try reader.read(),
      notes: try reader.read(), ranges: try reader.readArray(), starts: try reader.readArray(),
      cycles: try reader.readArray(), stages: try reader.readArray(), strains: try reader.readArray(),
      commonBags: try reader.readArray())
  }
}

extension BagSize: BinaryCodable {
  /// Appends every field.
  public func write(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(widthCM)
    writer.write(lengthCM)
    writer.write(fillKgMinimum)
    writer.write(fillKgMaximum)
    writer.write(crops)
    writer.write(note)
    writer.write(sources)
  }
  /// Reads every field.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(
      id: try reader.read(), widthCM: try reader.read(), lengthCM: try reader.read(),
      fillKgMinimum: try reader.readOptional(), fillKgMaximum: try reader.readOptional(),
      crops: try reader.readArray(), note: try reader.readOptional(), sources: try reader.readArray())
  }
}

extension BagClasses: BinaryCodable {
  /// Appends every field.
  public func write(to writer: inout BinaryWriter) {
    writer.write(smallBelowKg)
    writer.write(largeAboveKg)
    writer.write(referenceBag)
    writer.write(sources)
  }
  /// Reads every field.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(
      smallBelowKg: try reader.read(), largeAboveKg: try reader.read(), referenceBag: try reader.read(),
      sources: try reader.readArray())
  }
}

extension ClimateNormals: BinaryCodable {
  /// Appends every field.
  public func write(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(monthlyMeans)
    writer.write(referenceElevation)
    writer.write(lapseRatePer100m)
    writer.write(monthlyLapseRates)
    writer.write(note)
    writer.write(sources)
  }
  /// Reads every field; the month tables must have 12 entries, as a loaded base's do.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(
      id: try reader.read(), monthlyMeans: try reader.readArray(), referenceElevation: try reader.read(),
      lapseRatePer100m: try reader.read(), monthlyLapseRates: try reader.readOptional([Double].self),
      note: try reader.read(), sources: try reader.readArray())
    guard monthlyMeans.count == 12, monthlyLapseRates.map({ $0.count == 12 }) ?? true else {
      throw BinaryCodingError("climate tables need 12 months")
    }
  }
}

extension KnowledgeTable.Row: BinaryCodable {
  /// Appends every field.
  public func write(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(cells)
    writer.write(sources)
  }
  /// Reads every field.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(id: try reader.read(), cells: try reader.readStringDictionary(), sources: try reader.readArray())
  }
}

extension KnowledgeTable: BinaryCodable {
  /// Appends every field.
  public func write(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(title)
    writer.write(rows)
  }
  /// Reads every field.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(id: try reader.read(), title: try reader.read(), rows: try reader.readArray())
  }
}

extension ElevationBand: BinaryCodable {
  /// Appends id and bounds.
  public func write(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(fromMetres)
    writer.write(belowMetres)
  }
  /// Reads id and bounds.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(id: try reader.read(), fromMetres: try reader.read(), belowMetres: try reader.readOptional())
  }
}

extension KnowledgeBase: BinaryCodable {
  /// Appends every table of the knowledge base.
  public func write(to writer: inout BinaryWriter) {
    writer.write(version)
    writer.write(vocabulary)
    writer.write(sources)
    writer.write(varieties)
    writer.write(bagSizes)
    writer.write(bagClasses)
    writer.write(climate)
    writer.write(elevationBands.bands)
    writer.writeCount(elevationBandSources.count)
    for (band, citations) in elevationBandSources.sorted(by: { $0.key < $1.key }) {
      writer.write(band)
      writer.write(citations)
    }
    writer.write(tables)
  }
  /// Reads every table of the knowledge base.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    let version: String = try reader.read()
    let vocabulary: Vocabulary = try reader.read()
    let sources: SourceRegistry = try reader.read()
    let varieties: [Variety] = try reader.readArray()
    let bagSizes: [BagSize] = try reader.readArray()
    let bagClasses: BagClasses = try reader.read()
    let climate: ClimateNormals = try reader.read()
    let bands: [ElevationBand] = try reader.readArray()
    let count = try reader.readCount()
    var bandSources: [String: [Citation]] = [:]
    for _ in 0..<count {
      let band: String = try reader.read()
      guard bandSources.updateValue(try reader.readArray(), forKey: band) == nil else {
        throw BinaryCodingError("duplicate elevation band '\(band)'")
      }
    }
    self.init(
      version: version, vocabulary: vocabulary, sources: sources, varieties: varieties, bagSizes: bagSizes,
      bagClasses: bagClasses, climate: climate, elevationBands: ElevationBands(bands),
      elevationBandSources: bandSources, tables: try reader.readArray())
  }
}
