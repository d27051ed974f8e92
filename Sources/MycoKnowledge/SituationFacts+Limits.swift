import Foundation
import MycoDiagnostics
import MycoRules

/// One danger limit for a reading, looked up from a variety's sourced ranges.
public struct ReadingLimit: Sendable, Hashable {
  /// The limit in the reading's base unit (°C or %).
  public var value: Double
  /// The stage (a `stage` fact value) the limit was taken for.
  public var stage: String
  /// Where it comes from: the range (`temperature at spawn-run`) or the strain.
  public var note: String
  /// The publications the limit comes from.
  public var sources: [Citation]
}

extension SituationFacts {
  /// Each measured reading and the range quantities that bound it, best first. A bag core without
  /// a bag-temperature range is held to the stage's temperature range (the mycelium's limits),
  /// except at fruiting, where the air range is about the mushrooms rather than the bag.
  public static let limitQuantities: [(fact: String, quantities: [String])] = [
    ("air-temp", ["temperature"]),
    ("bag-temp", ["bag-temperature", "temperature"]),
    ("air-humidity", ["humidity"]),
    ("soil-temp", ["soil-temperature"]),
    ("soil-moisture", ["soil-moisture"]),
  ]

  /// The stages a grower can be at while the crop grows (the ones limits are looked up for when
  /// the stage is not given).
  public static let growingStages = ["sowing", "inoculation", "spawn-run", "browning", "fruiting", "resting"]

  /// The range stages that stand for a grower's stage, best first: inoculation, browning and resting
  /// fall back to the spawn run; fruiting to bud set (`primordia`).
  static func rangeStages(for stage: String) -> [String] {
    switch stage {
    case "inoculation": ["inoculation", "spawn-run"]
    case "browning": ["browning", "spawn-run"]
    case "resting": ["resting", "spawn-run"]
    case "fruiting": ["fruiting", "primordia"]
    default: [stage]
    }
  }

  /// The upper (or lower) limit of `reading` at `stage` for `variety`; a known strain's fruiting
  /// range replaces the variety's fruiting temperature limits.
  public static func limit(
    of reading: String, upper: Bool, at stage: String, variety: Variety, strain: Strain?
  ) -> ReadingLimit? {
    guard let quantities = limitQuantities.first(where: { $0.fact == reading })?.quantities else { return nil }
    for rangeStage in rangeStages(for: stage) {
      let shownStage = rangeStage == "primordia" ? "fruiting" : rangeStage
      for quantity in quantities {
        // The bag core falls back to the air range only while the mycelium runs, not at fruiting.
        if reading == "bag-temp", quantity == "temperature", shownStage == "fruiting" { continue }
        guard let range = variety.range(quantity, at: rangeStage) else { continue }
        if quantity == "temperature", rangeStage == "fruiting" || rangeStage == "primordia", let strain,
          let value = upper ? strain.fruitingMaximum : strain.fruitingMinimum
        {
          return ReadingLimit(
            value: value, stage: shownStage, note: "strain \(strain.id) fruiting range", sources: strain.sources)
        }
        guard let bound = upper ? range.maximum : range.minimum else { continue }
        let factor = UnitOfMeasure.named(range.unit)?.factor ?? 1
        return ReadingLimit(
          value: bound * factor, stage: shownStage, note: "\(quantity) range at \(rangeStage)", sources: range.sources)
      }
    }
    return nil
  }

  /// The limit that holds whatever the stage: the highest upper (lowest lower) limit over the
  /// growing stages; a reading beyond it is dangerous at any stage. Ties keep the earlier stage.
  public static func widestLimit(of reading: String, upper: Bool, variety: Variety, strain: Strain?) -> ReadingLimit? {
    var best: ReadingLimit?
    for stage in growingStages {
      guard let limit = limit(of: reading, upper: upper, at: stage, variety: variety, strain: strain) else { continue }
      if let current = best, upper ? limit.value <= current.value : limit.value >= current.value { continue }
      best = limit
    }
    return best
  }

  /// Adds `READING-max`, `READING-min` and their `-stage` facts for every reading the variety has
  /// limits for, and `cultivation` (beds when the variety has soil ranges or the substrate is soil).
  func addLimits(_ variety: Variety, stage: String?, strain: Strain?, substrate: String?, _ facts: inout [String: Fact])
  {
    let beds = Self.growsInBeds(variety) || substrate == "soil"
    facts["cultivation"] = Fact(.symbol(beds ? "beds" : "bags"), origin: .reference("variety \(variety.id)"))
    for (reading, _) in Self.limitQuantities {
      for upper in [true, false] {
        let found =
          if let stage { Self.limit(of: reading, upper: upper, at: stage, variety: variety, strain: strain) } else {
            Self.widestLimit(of: reading, upper: upper, variety: variety, strain: strain)
          }
        guard let found else { continue }
        let name = "\(reading)-\(upper ? "max" : "min")"
        let note =
          "\(variety.id): \(found.note)" + (stage == nil ? " (stage not given: the widest limit of any stage)" : "")
        facts[name] = Fact(.number(found.value), origin: .reference(note), sources: found.sources)
        facts["\(name)-stage"] = Fact(.symbol(found.stage), origin: .reference(note))
      }
    }
  }

  /// True for crops grown in soil beds (the variety has soil ranges): their soil is measured, not a bag centre.
  public static func growsInBeds(_ variety: Variety) -> Bool {
    variety.ranges.contains { $0.quantity.hasPrefix("soil-") }
  }

  /// The strain table entry for the situation's strain, if the variety lists it.
  func knownStrain(_ situation: Situation, _ variety: Variety) -> Strain? {
    situation.strain.flatMap { variety.strain(named: $0) }
  }

  /// Adds `strain` (the table's name when known) and `strain-type`: from the strain table, or as the
  /// grower gave it for a strain the table does not list.
  func addStrain(_ situation: Situation, _ variety: Variety, _ facts: inout [String: Fact]) throws(Diagnostic) {
    if let type = situation.strainType { try check(type, isValueOf: "strain-type") }
    if let name = situation.strain {
      guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw Diagnostic(kind: .missingValue, "strain name is empty")
      }
      if let known = variety.strain(named: name) {
        facts["strain"] = Fact(.symbol(known.id))
        facts["strain-type"] = Fact(
          .symbol(known.temperatureType), origin: .reference("strain table: \(known.id)"), sources: known.sources)
        return
      }
      facts["strain"] = Fact(.symbol(name))
    }
    if let type = situation.strainType { facts["strain-type"] = Fact(.symbol(type)) }
  }

  /// Adds `elevation` from a named place (a village or township of the places table) when the
  /// grower gave a place and no elevation.
  func addPlace(_ situation: Situation, _ facts: inout [String: Fact]) throws(Diagnostic) {
    guard let name = situation.place, situation.elevation == nil else { return }
    let places = Places(knowledge: knowledge)
    guard let place = places.find(name) else {
      let near = places.nearest(name)
      throw Diagnostic(
        kind: .unknownPlace,
        "unknown place '\(name)'" + (near.isEmpty ? "" : "; nearest known: \(near.joined(separator: ", "))")
          + " (give --elevation instead)")
    }
    guard let elevation = place.elevation else {
      let span = [place.lowest, place.highest].compactMap { $0.map(Value.format) }.joined(separator: "–")
      throw Diagnostic(kind: .unknownPlace, "place '\(name)' spans \(span) m; give your farm's --elevation instead")
    }
    facts["elevation"] = Fact(.number(elevation), origin: .reference("place \(place.id)"), sources: place.sources)
  }
}
