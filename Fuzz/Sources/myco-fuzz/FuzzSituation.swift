import Foundation
import MycoCalendar
import MycoKnowledge
import MycoUnits

/// `situation`: the `advise` flags → `Situation` → facts → advice path, from memory.
///
/// The input is lines `FLAG=VALUE` (`variety=shiitake`, `elevation=300`, `date=2026-08-15`,
/// `bag=18x60`, `symptom=mites`, …), as `myco advise --FLAG VALUE` would get them. Number flags
/// are parsed as ArgumentParser parses a `Double` option (`Double(text)`), the date and the bag as
/// the CLI's typed options parse them (`CalendarDate.parse`, `BagDimensions(parsing:)`; a value they
/// refuse ends the run, as the CLI refuses it); the `Situation` then goes through `Advisor.advise`
/// and both renderings (text, JSON), in the language named by a `lang=` line (`zh`, the default, or
/// `en`; any other value means `en`).
final class FuzzSituation: FuzzTarget, @unchecked Sendable {
  private let advisor: Advisor
  private let today = CalendarDate(year: 2026, month: 8, day: 15)!

  init(root: URL) {
    advisor = try! Advisor.load(
      knowledge: root.appendingPathComponent("Knowledge"), knowledgeName: "Knowledge",
      rules: root.appendingPathComponent("Rules"), rulesName: "Rules")
  }

  func run(_ input: Data) {
    var flags = Situation(variety: "", date: today)
    var symptoms: [String] = []
    var language = Language.zh
    var whyNot: String?
    for line in String(decoding: input, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
      guard let equals = line.firstIndex(of: "=") else { continue }
      let value = String(line[line.index(after: equals)...])
      switch line[..<equals] {
      case "variety": flags.variety = value
      case "strain": flags.strain = value
      case "elevation": flags.elevation = Double(value)
      case "date":
        guard let date = try? CalendarDate.parse(value) else { return }
        flags.date = date
      case "bag":
        guard let bag = BagDimensions(parsing: value) else { return }
        flags.bag = bag
      case "substrate": flags.substrate = value
      case "stage": flags.stage = value
      case "facility": flags.facility = value
      case "temperature": flags.temperature = Double(value)
      case "bag-temperature": flags.bagTemperature = Double(value)
      case "humidity": flags.humidity = Double(value)
      case "day-night-difference": flags.dayNightDifference = Double(value)
      case "symptom": symptoms.append(value)
      case "lang": language = Language(rawValue: value) ?? .en
      case "why-not": whyNot = value
      default: continue
      }
    }
    if !symptoms.isEmpty { flags.symptoms = Set(symptoms.filter { $0 != "none" }) }
    guard let report = try? advisor.advise(flags) else { return }
    _ = report.text(language: language)
    _ = report.json(language: language)
    if let whyNot { _ = report.whyNot(whyNot, language: language) }
  }
}
