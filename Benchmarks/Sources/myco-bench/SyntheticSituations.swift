import MycoCalendar
import MycoKnowledge
import MycoRules
import MycoUnits

/// Growers' situations for the synthetic rule base, written as `myco advise` flags.
///
/// Every situation gives every base fact the synthetic rules read (Myco treats a missing fact as
/// unknown, CLIPS as absent; with all base facts present the two agree).
enum SyntheticSituations {
  static let varieties = ["shiitake", "oyster", "wood-ear"]
  static let bags = ["15x55", "17x58", "18x60", "12x24", "15.5x55", "20x40"]

  /// `count` situations as flag lists (`--variety shiitake --elevation 800 …`).
  static func generate(count: Int, seed: UInt64, vocabulary: Vocabulary) -> [[String]] {
    var random = SeededRandom(seed: seed ^ 0x5EED)
    func values(_ fact: String) -> [String] { vocabulary[fact]!.values.map(\.id) }
    func step(_ low: Double, _ high: Double, _ step: Double) -> String {
      Value.format(low + Double(Int.random(in: 0...Int(((high - low) / step).rounded()), using: &random)) * step)
    }
    return (0..<count).map { _ in
      var flags = [
        "--variety", random.pick(varieties),
        "--elevation", step(0, 2400, 10),
        "--date",
        "2026-\(String(Int.random(in: 1...12, using: &random)).leftPadded(2))-\(String(Int.random(in: 1...28, using: &random)).leftPadded(2))",
        "--bag", random.pick(bags),
        "--substrate", random.pick(values("substrate")),
        "--stage", random.pick(values("stage")),
        "--facility", random.pick(values("facility")),
        "--temperature", step(-5, 38, 0.5),
        "--bag-temperature", step(-5, 40, 0.5),
        "--humidity", step(40, 100, 1),
        "--day-night-difference", step(0, 15, 0.5),
      ]
      let symptoms = values("symptoms").filter { _ in random.chance(0.15) }
      for symptom in symptoms.isEmpty ? ["none"] : symptoms { flags += ["--symptom", symptom] }
      return flags
    }
  }

  /// The situation the flags describe (the same reading as `myco advise`'s options).
  static func situation(_ flags: [String]) throws -> Situation {
    var value: [String: String] = [:]
    var symptoms: Set<String> = []
    var index = 0
    while index + 1 < flags.count {
      let name = String(flags[index].dropFirst(2))
      if name == "symptom" {
        if flags[index + 1] != "none" { symptoms.insert(flags[index + 1]) }
      } else {
        value[name] = flags[index + 1]
      }
      index += 2
    }
    guard let variety = value["variety"], let date = value["date"].flatMap(CalendarDate.init(iso:)) else {
      throw BenchmarkFailure("situation without --variety or a valid --date: \(flags.joined(separator: " "))")
    }
    return Situation(
      variety: variety, elevation: value["elevation"].flatMap(Double.init), date: date,
      bag: value["bag"].flatMap(BagDimensions.init(parsing:)), substrate: value["substrate"], stage: value["stage"],
      facility: value["facility"], temperature: value["temperature"].flatMap(Double.init),
      bagTemperature: value["bag-temperature"].flatMap(Double.init), humidity: value["humidity"].flatMap(Double.init),
      dayNightDifference: value["day-night-difference"].flatMap(Double.init), symptoms: symptoms)
  }
}
