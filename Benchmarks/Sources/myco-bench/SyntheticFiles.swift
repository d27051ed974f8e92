import Foundation
import MycoKnowledge
import MycoRules

/// Writes a synthetic rule base in its two forms: a Myco rules + knowledge folder, and CLIPS.
///
/// Layout of `DIR`:
/// - `knowledge/`: `bags.xml`, `climate.xml`, `topics.xml`, three variety tables,
///   and `facts.xml` = the real vocabulary plus the synthetic derived facts;
/// - `rules/`: `rules-NNN.xml` (2,000 rules per file);
/// - `situations.txt`: one situation per line, as `myco advise` flags;
/// - `rules.clp`: the same rules as CLIPS defrules, then every situation
///   (`(reset)`, `(assert …)`, `(run)`), then `(exit)`; run it with `clips -f DIR/rules.clp`;
/// - `first-situation.clp`: the same rules and only the first situation (to compare with one
///   `myco advise` process).
struct SyntheticFiles {
  let folder: URL
  let repository: URL

  var knowledge: URL { folder.appendingPathComponent("knowledge") }
  var rules: URL { folder.appendingPathComponent("rules") }
  var situations: URL { folder.appendingPathComponent("situations.txt") }
  var clips: URL { folder.appendingPathComponent("rules.clp") }
  var clipsFirst: URL { folder.appendingPathComponent("first-situation.clp") }

  static let rulesPerFile = 2_000
  static let knowledgeTables = [
    "bags.xml", "climate.xml", "topics.xml", "variety-shiitake.xml", "variety-oyster.xml", "variety-wood-ear.xml",
  ]

  /// Generates and writes everything; returns the number of rules and situations.
  func write(rules count: Int, situations situationCount: Int, seed: UInt64) throws -> (rules: Int, situations: Int) {
    let fileManager = FileManager.default
    try? fileManager.removeItem(at: folder)
    try fileManager.createDirectory(at: knowledge, withIntermediateDirectories: true)
    try fileManager.createDirectory(at: rules, withIntermediateDirectories: true)
    let realKnowledge = repository.appendingPathComponent("Knowledge")
    for table in Self.knowledgeTables {
      try fileManager.copyItem(
        at: realKnowledge.appendingPathComponent(table), to: knowledge.appendingPathComponent(table))
    }

    // The source registry, with the one source every synthetic rule cites (the varieties' tables
    // cite the real sources, so the whole registry is needed).
    let realSources = try String(contentsOf: realKnowledge.appendingPathComponent("sources.xml"), encoding: .utf8)
    try realSources.replacingOccurrences(of: "</sources>", with: Self.benchmarkSource + "</sources>")
      .write(to: knowledge.appendingPathComponent("sources.xml"), atomically: true, encoding: .utf8)

    // The vocabulary first without synthetic facts: the generator needs the declared values.
    let realFacts = try String(contentsOf: realKnowledge.appendingPathComponent("facts.xml"), encoding: .utf8)
    try realFacts.write(to: knowledge.appendingPathComponent("facts.xml"), atomically: true, encoding: .utf8)
    let base = try KnowledgeBase.load(directory: knowledge)
    let synthetic = SyntheticRules.generate(count: count, seed: seed, vocabulary: base.vocabulary)
    let facts = realFacts.replacingOccurrences(
      of: "</vocabulary>", with: Self.declarations(synthetic.derivedFacts) + "</vocabulary>")
    try facts.write(to: knowledge.appendingPathComponent("facts.xml"), atomically: true, encoding: .utf8)

    for start in stride(from: 0, to: synthetic.rules.count, by: Self.rulesPerFile) {
      let slice = synthetic.rules[start..<min(start + Self.rulesPerFile, synthetic.rules.count)]
      let name = "rules-\(String(start / Self.rulesPerFile + 1).leftPadded(3)).xml"
      try Data(MycoRulesWriter.document(slice, id: "synthetic-\(start / Self.rulesPerFile + 1)", seed: seed).utf8)
        .write(to: rules.appendingPathComponent(name))
    }

    let flags = SyntheticSituations.generate(count: situationCount, seed: seed, vocabulary: base.vocabulary)
    try Data(flags.map { $0.joined(separator: " ") + "\n" }.joined().utf8).write(to: situations)
    let advisor = try Advisor.load(knowledge: knowledge, knowledgeName: "knowledge", rules: rules, rulesName: "rules")
    var clipsSituations: [String] = []
    for (index, line) in flags.enumerated() {
      let facts = try SituationFacts(knowledge: advisor.knowledge).facts(for: SyntheticSituations.situation(line))
      let missing = SyntheticRules.baseFacts.filter { facts[$0] == nil }
      guard missing.isEmpty else {
        throw BenchmarkFailure(
          "situation \(index + 1) lacks \(missing.joined(separator: ", ")): \(line.joined(separator: " "))")
      }
      clipsSituations.append(ClipsWriter.situation(index + 1, facts, vocabulary: advisor.knowledge.vocabulary))
    }
    let constructs = ClipsWriter.constructs(synthetic.rules, seed: seed)
    try Data((constructs + clipsSituations.joined() + "(exit)\n").utf8).write(to: clips)
    try Data((constructs + (clipsSituations.first ?? "") + "(exit)\n").utf8).write(to: clipsFirst)
    return (synthetic.rules.count, flags.count)
  }

  /// The situations in `situations.txt`, as flag lists.
  func readSituations() throws -> [[String]] {
    try String(contentsOf: situations, encoding: .utf8).split(separator: "\n").map {
      $0.split(separator: " ").map(String.init)
    }
  }

  /// The registry entry of `myco-bench-generate`, the source the synthetic rules cite.
  static let benchmarkSource = """
      <source id="myco-bench-generate" grade="C">
        <authors>myco-bench</authors>
        <title>Synthetic rules generated for benchmarking (not advice)</title>
        <took>nothing: synthetic benchmark rules</took>
      </source>

    """

  private static func declarations(_ derived: [SyntheticRules.DerivedFact]) -> String {
    derived.map { fact in
      "  <fact name=\"\(fact.name)\" type=\"choice\">\n"
        + "    <label lang=\"zh\">合成推导 \(fact.name)</label>\n    <label lang=\"en\">synthetic derived \(fact.name)</label>\n"
        + SyntheticRules.derivedValues.map {
          "    <value id=\"\($0)\"><label lang=\"zh\">\($0)</label><label lang=\"en\">\($0)</label></value>\n"
        }.joined() + "  </fact>\n"
    }.joined()
  }
}

/// Myco's XML form of synthetic rules.
enum MycoRulesWriter {
  static func document(_ rules: ArraySlice<SyntheticRules.Rule>, id: String, seed: UInt64) -> String {
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    text += "<!-- Generated by myco-bench generate (seed \(seed)): synthetic rules for benchmarking, not advice. -->\n"
    text += "<rules xmlns=\"urn:myco:rules:1\" id=\"\(id)\" version=\"bench.\(seed)\">\n"
    for rule in rules { text += self.rule(rule) }
    return text + "</rules>\n"
  }

  private static func rule(_ rule: SyntheticRules.Rule) -> String {
    let number = rule.id.split(separator: ".").last!
    var text = "  <rule id=\"\(rule.id)\" priority=\"\(rule.priority)\" certainty=\"\(rule.certainty)\">\n"
    text += "    <title lang=\"zh\">合成规则 \(number)</title>\n    <title lang=\"en\">Synthetic rule \(number)</title>\n"
    text += "    <when>\n"
    for condition in rule.conditions {
      switch condition {
      case .test(let test): text += "      \(self.test(test))\n"
      case .not(let test): text += "      <not>\(self.test(test))</not>\n"
      case .any(let tests): text += "      <any>" + tests.map(self.test).joined() + "</any>\n"
      }
    }
    text += "    </when>\n    <then>\n"
    let element = rule.warns ? "warn" : "advise"
    text +=
      "      <\(element) topic=\"\(rule.topic)\"><text lang=\"zh\">合成建议 \(number)</text>"
      + "<text lang=\"en\">Synthetic advice \(number)</text></\(element)>\n"
    if let derives = rule.derives { text += "      <derive fact=\"\(derives.fact)\" value=\"\(derives.value)\"/>\n" }
    text += "    </then>\n"
    text +=
      "    <because lang=\"zh\">合成规则，用于基准测试</because>\n    <because lang=\"en\">Synthetic rule for benchmarks</because>\n"
    text += "    <source ref=\"myco-bench-generate\"/>\n  </rule>\n"
    return text
  }

  private static func test(_ test: SyntheticRules.Test) -> String {
    func unit(_ number: SyntheticRules.NumberText) -> String { number.unit.map { " unit=\"\($0)\"" } ?? "" }
    switch test {
    case .symbolIs(let fact, let value): return "<fact name=\"\(fact)\" is=\"\(value)\"/>"
    case .symbolIn(let fact, let values): return "<fact name=\"\(fact)\" in=\"\(values.joined(separator: " "))\"/>"
    case .has(let fact, let value): return "<fact name=\"\(fact)\" has=\"\(value)\"/>"
    case .compare(let fact, let relation, let number):
      return "<fact name=\"\(fact)\" \(relation.rawValue)=\"\(number.text)\"\(unit(number))/>"
    case .between(let fact, let low, let high):
      return "<fact name=\"\(fact)\" from=\"\(low.text)\" to=\"\(high.text)\"\(unit(low))/>"
    case .versusFact(let fact, let relation, let other, let by):
      return "<fact name=\"\(fact)\" \(relation.rawValue)-fact=\"\(other)\"" + (by.map { " by=\"\($0.text)\"" } ?? "")
        + "/>"
    }
  }
}
