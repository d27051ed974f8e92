import MycoCalendar
import MycoDiagnostics
import MycoUnits

/// A situation as the `advise` and `sheet` flags give it: text where the grower types text
/// (date, bag size, names), numbers where the flag is a number.
///
/// `situation(today:)` is the one place these flags become a ``Situation``; the CLI and the
/// situation fuzz target (Fuzz/) both go through it.
public struct SituationInput: Sendable, Hashable {
  /// `--variety`: the variety's id.
  public var variety: String
  /// `--strain`: the strain's name or alias.
  public var strain: String?
  /// `--elevation`: metres above sea level.
  public var elevation: Double?
  /// `YYYY-MM-DD`; nil means today.
  public var date: String?
  /// `WIDTHxLENGTH` in cm.
  public var bag: String?
  /// `--substrate`: a substrate id.
  public var substrate: String?
  /// `--stage`: the growing stage now.
  public var stage: String?
  /// `--facility`: where the crop grows.
  public var facility: String?
  /// `--temperature`: measured air temperature (°C).
  public var temperature: Double?
  /// `--bag-temperature`: measured temperature inside the bags (°C).
  public var bagTemperature: Double?
  /// `--humidity`: measured relative humidity (%).
  public var humidity: Double?
  /// `--day-night-difference`: measured day–night difference (°C).
  public var dayNightDifference: Double?
  /// The `--symptom` values; empty means not asked, `none` means none seen.
  public var symptoms: [String]
  /// A village or township of the places table (Chinese or pinyin).
  public var place: String?
  /// The temperature type of a strain the table does not list.
  public var strainType: String?
  /// `--soil-temperature`: measured soil temperature in the beds (°C).
  public var soilTemperature: Double?
  /// `--soil-moisture`: measured soil moisture in the beds (%).
  public var soilMoisture: Double?

  /// The flags as given; nothing is checked until ``situation(today:)``.
  public init(
    variety: String, strain: String? = nil, elevation: Double? = nil, date: String? = nil, bag: String? = nil,
    substrate: String? = nil, stage: String? = nil, facility: String? = nil, temperature: Double? = nil,
    bagTemperature: Double? = nil, humidity: Double? = nil, dayNightDifference: Double? = nil, symptoms: [String] = [],
    place: String? = nil, strainType: String? = nil, soilTemperature: Double? = nil, soilMoisture: Double? = nil
  ) {
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
    self.place = place
    self.strainType = strainType
    self.soilTemperature = soilTemperature
    self.soilMoisture = soilMoisture
  }

  /// The situation these flags describe; throws for a malformed date or bag size, naming the flag.
  public func situation(today: CalendarDate) throws(Diagnostic) -> Situation {
    var parsedDate = today
    if let date {
      do { parsedDate = try CalendarDate.parse(date) } catch { throw Diagnostic(kind: .badDate, "--date \(error)") }
    }
    var dimensions: BagDimensions?
    if let bag {
      guard let value = BagDimensions(parsing: bag) else {
        throw Diagnostic(kind: .badBag, "--bag '\(bag)' is not a size like 15x55 (folded width × length, cm)")
      }
      dimensions = value
    }
    let seen = symptoms.filter { $0 != "none" }
    return Situation(
      variety: variety, strain: strain, elevation: elevation, date: parsedDate, bag: dimensions,
      substrate: substrate, stage: stage, facility: facility, temperature: temperature,
      bagTemperature: bagTemperature, humidity: humidity, dayNightDifference: dayNightDifference,
      symptoms: symptoms.isEmpty ? nil : Set(seen), place: place, strainType: strainType,
      soilTemperature: soilTemperature, soilMoisture: soilMoisture)
  }
}
