import ArgumentParser
import Foundation
import MycoCalendar
import MycoKnowledge
import MycoUnits

/// Where and when: the farm's elevation (or its place), the date and the facility. Shared by
/// `advise` and `sheet` (inside ``SituationOptions``) and by `suggest`.
struct FarmOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: ArgumentHelp("Elevation of the farm in metres.", valueName: "m"))
  var elevation: Double?

  @Option(
    help: ArgumentHelp(
      "Village or township (Chinese or pinyin, e.g. 官阳镇, guanyang); supplies the elevation when --elevation is not given.",
      valueName: "name"))
  var place: String?

  @Option(
    help: ArgumentHelp(
      "Date the advice is for (planned start or today), YYYY-MM-DD. Default: today.", valueName: "date"),
    transform: ArgumentValue.date)
  var date: CalendarDate?

  @Option(
    help: ArgumentHelp("Facility: simple-shed, insulated-shed, greenhouse, room, forest, field.", valueName: "id"))
  var facility: String?
}

/// The flags that describe a grower's situation (shared by `advise` and `sheet`).
struct SituationOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Mushroom grown, e.g. shiitake, oyster, wood-ear.", valueName: "id"))
  var variety: String

  @Option(help: ArgumentHelp("Strain, e.g. L808, 939.", valueName: "name"))
  var strain: String?

  @Option(
    name: .customLong("strain-type"),
    help: ArgumentHelp(
      "Temperature type of a strain Myco does not list: low, mid-low, mid, mid-high, high.", valueName: "type"))
  var strainType: String?

  @OptionGroup var farm: FarmOptions

  @Option(
    help: ArgumentHelp("Bag size, folded width × length in cm, e.g. 15x55.", valueName: "WxL"),
    transform: ArgumentValue.bag)
  var bag: BagDimensions?

  @Option(help: ArgumentHelp("Substrate, e.g. sawdust-bran, cottonseed-hulls, corncob.", valueName: "id"))
  var substrate: String?

  @Option(
    help: ArgumentHelp(
      "Stage: planning, bagging, sowing, sterilising, inoculation, spawn-run, browning, fruiting, resting.",
      valueName: "id"))
  var stage: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Measured air temperature in the shed, °C (beats the climate estimate).", valueName: "°C"))
  var temperature: Double?

  @Option(
    name: .customLong("bag-temperature"), parsing: .unconditional,
    help: ArgumentHelp("Measured temperature inside the bags, °C.", valueName: "°C"))
  var bagTemperature: Double?

  @Option(parsing: .unconditional, help: ArgumentHelp("Measured relative humidity, %.", valueName: "%"))
  var humidity: Double?

  @Option(
    name: .customLong("day-night-difference"), parsing: .unconditional,
    help: ArgumentHelp("Measured day–night temperature difference, °C.", valueName: "°C"))
  var dayNightDifference: Double?

  @Option(
    name: .customLong("soil-temperature"), parsing: .unconditional,
    help: ArgumentHelp("Measured soil temperature in the beds, °C (morel, wine cap).", valueName: "°C"))
  var soilTemperature: Double?

  @Option(
    name: .customLong("soil-moisture"), parsing: .unconditional,
    help: ArgumentHelp("Measured soil moisture in the beds, %.", valueName: "%"))
  var soilMoisture: Double?

  @Option(
    name: .customLong("symptom"),
    help: ArgumentHelp(
      "A symptom seen (repeatable): green-patches, orange-mould, soft-sticks, small-flies, mites, rotting-buds, sour-smell, deformed-fruit, thin-long-stems, cracked-caps; or none.",
      valueName: "id"))
  var symptoms: [String] = []

  /// The situation these flags describe, on `--date` or else `today`. `--symptom none` alone
  /// means none seen; no `--symptom` means not asked.
  func situation(today: CalendarDate = CalendarDate.today()) -> Situation {
    Situation(
      variety: variety, strain: strain, elevation: farm.elevation, date: farm.date ?? today, bag: bag,
      substrate: substrate, stage: stage, facility: farm.facility, temperature: temperature,
      bagTemperature: bagTemperature, humidity: humidity, dayNightDifference: dayNightDifference,
      symptoms: symptoms.isEmpty ? nil : Set(symptoms.filter { $0 != "none" }), place: farm.place,
      strainType: strainType, soilTemperature: soilTemperature, soilMoisture: soilMoisture)
  }
}

extension CalendarDate {
  /// Today's date in the local time zone.
  static func today() -> CalendarDate {
    let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
  }
}
