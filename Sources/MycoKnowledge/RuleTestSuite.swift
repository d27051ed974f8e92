import MycoDiagnostics
import Foundation
import MycoCalendar
import MycoRules
import MycoUnits
import MycoXML

/// The test cases in a rules folder (`tests/*.xml`), loaded and checked against the schema.
public struct RuleTestSuite: Sendable {
  /// The cases in file order.
  public var cases: [RuleTestCase]

  /// A suite of already loaded cases.
  public init(cases: [RuleTestCase]) { self.cases = cases }

  /// Loads every `*.xml` in `RULES/tests`, validating with the bundled ``BundledSchema/cases``. All-or-nothing.
  public static func load(rulesDirectory: URL, displayName: String) throws(Diagnostics) -> RuleTestSuite {
    let directory = rulesDirectory.appendingPathComponent("tests")
    let schema = try BundledSchema.cases.compiled()
    var diagnostics: [Diagnostic] = []
    var cases: [RuleTestCase] = []
    var seen: [String: SourceLocation] = [:]
    for url in RuleLoader.ruleFiles(in: directory) {
      do {
        let root = try XMLReader.read(
          file: url, displayName: "\(displayName)/tests/\(url.lastPathComponent)", schema: schema)
        for element in root.children(named: "case") {
          guard let testCase = parse(element, &diagnostics) else { continue }
          if let first = seen[testCase.id] {
            diagnostics.append(
              Diagnostic(
                kind: .duplicateID, at: element.location, "case id '\(testCase.id)' is already used at \(first)"))
          }
          seen[testCase.id] = element.location
          cases.append(testCase)
        }
      } catch {
        diagnostics += error.diagnostics
      }
    }
    if !diagnostics.isEmpty { throw Diagnostics(diagnostics) }
    return RuleTestSuite(cases: cases)
  }

  private static func parse(_ element: ParsedElement, _ diagnostics: inout [Diagnostic]) -> RuleTestCase? {
    guard let situationElement = element.child(named: "situation") else { return nil }
    let count = diagnostics.count
    func number(_ name: String) -> Double? {
      guard let text = situationElement[name] else { return nil }
      guard let value = Double(text) else {
        diagnostics.append(
          Diagnostic(kind: .badNumber, at: situationElement.location, "\(name) '\(text)' is not a number"))
        return nil
      }
      return value
    }
    var date: CalendarDate?
    if let text = situationElement["date"] {
      do { date = try CalendarDate.parse(text) } catch {
        diagnostics.append(Diagnostic(kind: .badDate, at: situationElement.location, "date \(error)"))
      }
    }
    var bag: BagDimensions?
    if let text = situationElement["bag"] {
      bag = BagDimensions(parsing: text)
      if bag == nil {
        diagnostics.append(
          Diagnostic(kind: .badBag, at: situationElement.location, "bag '\(text)' is not \(BagDimensions.expectedForm)")
        )
      }
    }
    let symptoms = situationElement["symptoms"].map {
      Set($0.split(separator: " ").map(String.init).filter { $0 != "none" })
    }
    let situation = Situation(
      variety: situationElement["variety"] ?? "", strain: situationElement["strain"], elevation: number("elevation"),
      date: date, bag: bag, substrate: situationElement["substrate"], stage: situationElement["stage"],
      facility: situationElement["facility"], temperature: number("temperature"),
      bagTemperature: number("bag-temperature"), humidity: number("humidity"),
      dayNightDifference: number("day-night-difference"), symptoms: symptoms, place: situationElement["place"],
      strainType: situationElement["strain-type"], soilTemperature: number("soil-temperature"),
      soilMoisture: number("soil-moisture"))
    let expectations = element.children.filter { $0.name == "expect" || $0.name == "expect-not" }.map {
      RuleTestCase.Expectation(
        present: $0.name == "expect", rule: $0["rule"], topic: $0["topic"],
        certainty: $0["certainty"].flatMap(Certainty.init(rawValue:)), location: $0.location)
    }
    for expectation in expectations where expectation.rule == nil && expectation.topic == nil {
      diagnostics.append(
        Diagnostic(kind: .emptyExpectation, at: expectation.location, "an expectation needs rule= or topic="))
    }
    guard diagnostics.count == count else { return nil }
    return RuleTestCase(
      id: element["id"] ?? "", title: element.localized("title"), situation: situation, expectations: expectations,
      location: element.location)
  }
}
