import MycoCalendar
import MycoUnits

/// A grower's situation, as they describe it: what, where, when, and what they measured.
///
/// Only `variety` is required; everything else left out becomes a missing fact that the
/// advice asks for when it matters.
public struct Situation: Sendable, Hashable, Codable {
  /// The variety's id, e.g. `shiitake` (required).
  public var variety: String
  /// The strain's name or alias as the grower writes it, e.g. `L808`.
  public var strain: String?
  /// The strain's temperature type, when the grower knows it and the strain table does not.
  public var strainType: String?
  /// A village or township of the places table (Chinese or pinyin); supplies the elevation.
  public var place: String?
  /// Elevation of the farm in metres.
  public var elevation: Double?
  /// The date the advice is for (planned start, or today).
  public var date: CalendarDate?
  /// The bag's folded width × length.
  public var bag: BagDimensions?
  /// A `substrate` fact value, e.g. `sawdust`.
  public var substrate: String?
  /// The growing stage now (a `stage` fact value), if given.
  public var stage: String?
  /// Where the crop grows (a `facility` fact value), e.g. `shed`.
  public var facility: String?
  /// Measured air temperature in the shed (°C); beats the climate estimate.
  public var temperature: Double?
  /// Measured temperature inside the bags (°C).
  public var bagTemperature: Double?
  /// Measured relative humidity (%).
  public var humidity: Double?
  /// Measured day–night difference (°C).
  public var dayNightDifference: Double?
  /// Measured soil temperature in the beds (°C; morel, wine cap).
  public var soilTemperature: Double?
  /// Measured soil moisture in the beds (%).
  public var soilMoisture: Double?
  /// Symptoms seen; nil means not asked, an empty set means none seen.
  public var symptoms: Set<String>?

  /// A situation; only the variety is required.
  public init(
    variety: String, strain: String? = nil, elevation: Double? = nil, date: CalendarDate? = nil,
    bag: BagDimensions? = nil, substrate: String? = nil, stage: String? = nil, facility: String? = nil,
    temperature: Double? = nil, bagTemperature: Double? = nil, humidity: Double? = nil,
    dayNightDifference: Double? = nil, symptoms: Set<String>? = nil, place: String? = nil,
    strainType: String? = nil, soilTemperature: Double? = nil, soilMoisture: Double? = nil
  ) {
    self.place = place
    self.strainType = strainType
    self.soilTemperature = soilTemperature
    self.soilMoisture = soilMoisture
    self.variety = variety
    self.strain = strain
    self.elevation = elevation
    self.date = date
    self.bag = bag
    self.substrate = substrate
    self.stage = stage
    self.facility = facility
    self.temperature = temperature
    self.bagTemperature = bagTemperature
    self.humidity = humidity
    self.dayNightDifference = dayNightDifference
    self.symptoms = symptoms
  }
}
