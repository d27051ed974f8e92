import ArgumentParser
import Foundation
import MycoKnowledge
import MycoRules

/// `myco-bench evaluate`: where the in-process "myco eval" time of `myco-bench engine` goes, on one
/// generated rule base (`myco-bench generate`): situation facts, `Engine.evaluate`, freeing the
/// result, and `Advisor.advise` as a whole. A driver for profilers (callgrind, perf) too.
struct EvaluationProfile: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Time the phases of evaluating every situation of a generated rule base (load excluded).")

  @Option(help: "A folder written by `myco-bench generate`.")
  var folder: String
  @Option(help: "Passes over all situations; the median pass is shown.")
  var runs = 5

  func run() throws {
    let root = URL(fileURLWithPath: folder)
    let flags = try String(contentsOf: root.appendingPathComponent("situations.txt"), encoding: .utf8)
      .split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    let situations = try flags.map(SyntheticSituations.situation)
    let clock = ContinuousClock()
    let loadStart = clock.now
    let advisor = try Advisor.load(
      knowledge: root.appendingPathComponent("knowledge"), knowledgeName: "knowledge",
      rules: root.appendingPathComponent("rules"), rulesName: "rules")
    print("\(advisor.rules.rules.count) rules loaded in \(format(loadStart.duration(to: clock.now)))")
    let engine = Engine(advisor.rules)
    let situationFacts = SituationFacts(knowledge: advisor.knowledge)
    var factsTimes: [Double] = [], engineTimes: [Double] = [], freeTimes: [Double] = [], adviseTimes: [Double] = []
    for _ in 1...runs {
      var facts: [[String: Fact]] = []
      let start = clock.now
      for situation in situations { facts.append(try situationFacts.facts(for: situation)) }
      let factsDone = clock.now
      var evaluations: [Evaluation] = []
      for situationFacts in facts { evaluations.append(engine.evaluate(situationFacts)) }
      let engineDone = clock.now
      evaluations = []
      let freed = clock.now
      for situation in situations { _ = try advisor.advise(situation) }
      let advised = clock.now
      factsTimes.append(seconds(start.duration(to: factsDone)))
      engineTimes.append(seconds(factsDone.duration(to: engineDone)))
      freeTimes.append(seconds(engineDone.duration(to: freed)))
      adviseTimes.append(seconds(freed.duration(to: advised)))
    }
    print("median of \(runs) passes over \(situations.count) situations, seconds")
    print(
      "facts \(f(median(factsTimes)))  engine \(f(median(engineTimes)))  free \(f(median(freeTimes)))  advise \(f(median(adviseTimes)))"
    )
  }

  private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  private func format(_ duration: Duration) -> String { f(seconds(duration)) + " s" }

  private func f(_ value: Double) -> String { String(format: "%.4f", value) }
}
