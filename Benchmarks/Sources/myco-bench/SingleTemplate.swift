import Foundation
import MycoRules
import SingleTemplateFolder

/// The "single template" shape, where CLIPS is at its best: one `situation` template, each rule
/// one pattern on it (constants on variety, season, stage) and `test` CEs on elevation and
/// temperature ranges; 20 situations asserted at once by `deffacts` and matched in one `(run)`.
///
/// Drawn with CPython's generator in the order of `clips_single_template.py N SEED`, so that
/// `rules.clp` is byte-identical to that script's output. Layout of `DIR`:
/// - `rules.clp` (the script's output) and `run.bat` (the script's way to run it:
///   `clips -f2 DIR/run.bat` prints `fired <count>`); `load.bat` only loads the rules;
/// - `check.clp`: the same rules with a situation id slot, printing `FIRED r<i> <situation>`;
/// - `vocabulary/facts.xml` (+ schema): the six slots as Myco facts; `rules/rules-NNN.xml`
///   (+ schema): the same rules for Myco's engine (`is=` for constants, `at-least=` and
///   `below=` for the half-open ranges `(>= ?e lo) (< ?e hi)`);
/// - `situations.txt`: one situation a line, `variety=… season=… stage=… elevation=… temp=… bagwidth=…`.
enum SingleTemplate {
  static let varieties = [
    "shiitake", "oyster", "woodear", "kingoyster", "enoki", "tremella", "button", "lionsmane", "morel", "winecap",
    "lingzhi",
  ]
  static let seasons = ["spring", "summer", "autumn", "winter"]
  static let stages = ["bagging", "spawnrun", "fruiting", "harvest"]
  static let bagWidths = [13, 15, 17, 18, 22, 25]
  static let rulesPerFile = 2_000

  struct Rule {
    var number: Int
    var variety, season, stage: String?
    /// Half-open ranges [low, high).
    var elevation, temperature: (low: Int, high: Int)?
  }

  typealias Situation = SingleTemplateSituation

  /// The rules and 20 situations, drawn exactly as the Python script draws them.
  static func generate(count: Int, seed: UInt64) -> (rules: [Rule], situations: [Situation]) {
    var random = PythonRandom(seed: seed)
    var rules: [Rule] = []
    rules.reserveCapacity(count)
    for number in 0..<count {
      var rule = Rule(number: number)
      if random.random() < 0.9 { rule.variety = random.choice(varieties) }
      if random.random() < 0.5 { rule.season = random.choice(seasons) }
      if random.random() < 0.5 { rule.stage = random.choice(stages) }
      if random.random() < 0.6 {
        let low = random.randrange(0, 2000, 50)
        rule.elevation = (low, low + random.randrange(100, 1200, 50))
      }
      if random.random() < 0.6 {
        let low = random.randrange(0, 35)
        rule.temperature = (low, low + random.randrange(2, 15))
      }
      rules.append(rule)
    }
    let situations = (0..<20).map { _ in
      Situation(
        variety: random.choice(varieties), season: random.choice(seasons), stage: random.choice(stages),
        elevation: random.randrange(100, 2000), temperature: random.randrange(0, 35),
        bagWidth: random.choice(bagWidths))
    }
    return (rules, situations)
  }

  // MARK: CLIPS

  /// The script's output. With `checking`, a situation id slot and a `FIRED r<i> <id>` line per firing.
  static func clips(_ rules: [Rule], _ situations: [Situation], checking: Bool = false) -> String {
    var text =
      "(deftemplate situation \(checking ? "(slot id) " : "")(slot variety) (slot season) (slot stage) (slot elevation) (slot temp) (slot bagwidth))\n"
    text += "(deftemplate derived (slot name) (slot value))\n(defglobal ?*fired* = 0)\n"
    text.reserveCapacity(rules.count * 160)
    for rule in rules {
      var conditions: [String] = checking ? ["(id ?sid)"] : []
      var tests: [String] = []
      if let variety = rule.variety { conditions.append("(variety \(variety))") }
      if let season = rule.season { conditions.append("(season \(season))") }
      if let stage = rule.stage { conditions.append("(stage \(stage))") }
      if let range = rule.elevation {
        conditions.append("(elevation ?e)")
        tests.append("(test (and (>= ?e \(range.low)) (< ?e \(range.high))))")
      }
      if let range = rule.temperature {
        conditions.append("(temp ?t)")
        tests.append("(test (and (>= ?t \(range.low)) (< ?t \(range.high))))")
      }
      let action =
        checking
        ? "(printout t \"FIRED r\(rule.number) \" ?sid crlf)" : "(bind ?*fired* (+ ?*fired* 1))"
      text +=
        "(defrule r\(rule.number) (situation \(conditions.joined(separator: " "))) \(tests.joined(separator: " ")) => \(action))\n"
    }
    for (index, situation) in situations.enumerated() {
      text +=
        "(deffacts s\(index) (situation \(checking ? "(id \(index + 1)) " : "")(variety \(situation.variety)) (season \(situation.season)) (stage \(situation.stage)) (elevation \(situation.elevation)) (temp \(situation.temperature)) (bagwidth \(situation.bagWidth))))\n"
    }
    return text
  }

  /// The script's run file: load, reset, run, print the count, exit.
  static func runBatch(_ clp: URL) -> String {
    "(load \"\(clp.path)\")\n(reset)\n(run)\n(printout t \"fired \" ?*fired* crlf)\n(exit)\n"
  }

  // MARK: Myco

  static func vocabulary() -> String {
    func choice(_ name: String, _ values: [String]) -> String {
      "  <fact name=\"\(name)\" type=\"choice\">\n    <label lang=\"en\">\(name)</label>\n"
        + values.map { "    <value id=\"\($0)\"><label lang=\"en\">\($0)</label></value>\n" }.joined() + "  </fact>\n"
    }
    func number(_ name: String, _ dimension: String, _ unit: String, _ max: Int) -> String {
      "  <fact name=\"\(name)\" type=\"number\" dimension=\"\(dimension)\" unit=\"\(unit)\" min=\"-50\" max=\"\(max)\">\n"
        + "    <label lang=\"en\">\(name)</label>\n  </fact>\n"
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<!-- Generated by myco-bench generate (shape single-template): the slots of CLIPS' situation template. -->\n"
      + "<vocabulary xmlns=\"urn:myco:vocabulary:1\" version=\"bench\">\n"
      + choice("variety", varieties) + choice("season", seasons) + choice("stage", stages)
      + number("elevation", "length", "m", 9000) + number("temp", "temperature", "°C", 60)
      + number("bagwidth", "length", "cm", 100) + "</vocabulary>\n"
  }

  static func rulesDocument(_ rules: ArraySlice<Rule>, id: String, seed: UInt64) -> String {
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    text += "<!-- Generated by myco-bench generate (shape single-template, seed \(seed)): not advice. -->\n"
    text += "<rules xmlns=\"urn:myco:rules:1\" id=\"\(id)\" version=\"bench.\(seed)\">\n"
    text.reserveCapacity(rules.count * 420)
    for rule in rules {
      text += "  <rule id=\"r\(rule.number)\" certainty=\"should\">\n"
      text += "    <title lang=\"zh\">合成规则 \(rule.number)</title>\n"
      text += "    <title lang=\"en\">Synthetic rule \(rule.number)</title>\n    <when>\n"
      var tests: [String] = []
      if let variety = rule.variety { tests.append("<fact name=\"variety\" is=\"\(variety)\"/>") }
      if let season = rule.season { tests.append("<fact name=\"season\" is=\"\(season)\"/>") }
      if let stage = rule.stage { tests.append("<fact name=\"stage\" is=\"\(stage)\"/>") }
      if let range = rule.elevation {
        tests.append("<fact name=\"elevation\" at-least=\"\(range.low)\"/>")
        tests.append("<fact name=\"elevation\" below=\"\(range.high)\"/>")
      }
      if let range = rule.temperature {
        tests.append("<fact name=\"temp\" at-least=\"\(range.low)\"/>")
        tests.append("<fact name=\"temp\" below=\"\(range.high)\"/>")
      }
      // `<when>` needs a condition; CLIPS' bare `(situation)` matches every situation, and so
      // does "variety is one of all the varieties" (every situation has one of them).
      if tests.isEmpty { tests.append("<fact name=\"variety\" in=\"\(varieties.joined(separator: " "))\"/>") }
      text += tests.map { "      \($0)\n" }.joined()
      text +=
        "    </when>\n    <then><advise topic=\"bench\"><text lang=\"zh\">合成建议</text>"
        + "<text lang=\"en\">Synthetic advice</text></advise></then>\n"
      text += "    <because lang=\"zh\">合成规则，用于基准测试</because>\n"
      text += "    <because lang=\"en\">Synthetic rule for benchmarks</because>\n"
      text += "    <source ref=\"myco-bench-generate\"/>\n  </rule>\n"
    }
    return text + "</rules>\n"
  }

  // MARK: Files

  struct Files {
    let folder: URL
    var clips: URL { folder.appendingPathComponent("rules.clp") }
    var check: URL { folder.appendingPathComponent("check.clp") }
    var run: URL { folder.appendingPathComponent("run.bat") }
    var loadOnly: URL { folder.appendingPathComponent("load.bat") }
    var vocabulary: URL { SingleTemplateFolder(folder).vocabulary }
    var rules: URL { SingleTemplateFolder(folder).rules }
    var situations: URL { SingleTemplateFolder(folder).situations }

    /// Writes every file; returns the number of rules and situations.
    func write(rules count: Int, seed: UInt64, repository: URL) throws -> (rules: Int, situations: Int) {
      let fileManager = FileManager.default
      try? fileManager.removeItem(at: folder)
      for schema in [vocabulary, rules] {
        try fileManager.createDirectory(
          at: schema.appendingPathComponent("schema"), withIntermediateDirectories: true)
      }
      try fileManager.copyItem(
        at: repository.appendingPathComponent("Sources/MycoKnowledge/Schemas/vocabulary.xsd"),
        to: vocabulary.appendingPathComponent("schema/vocabulary.xsd"))
      try fileManager.copyItem(
        at: repository.appendingPathComponent("Sources/MycoKnowledge/Schemas/rules.xsd"),
        to: rules.appendingPathComponent("schema/rules.xsd"))
      let (generated, situationList) = SingleTemplate.generate(count: count, seed: seed)
      try Data(SingleTemplate.vocabulary().utf8).write(to: vocabulary.appendingPathComponent("facts.xml"))
      for start in stride(from: 0, to: generated.count, by: rulesPerFile) {
        let file = start / rulesPerFile + 1
        try Data(
          SingleTemplate.rulesDocument(
            generated[start..<min(start + rulesPerFile, generated.count)], id: "single-\(file)", seed: seed
          ).utf8
        ).write(to: rules.appendingPathComponent("rules-\(String(file).leftPadded(3)).xml"))
      }
      try Data(SingleTemplate.clips(generated, situationList).utf8).write(to: clips)
      try Data((SingleTemplate.clips(generated, situationList, checking: true) + "(reset)\n(run)\n(exit)\n").utf8)
        .write(to: check)
      try Data(SingleTemplate.runBatch(clips).utf8).write(to: run)
      try Data("(load \"\(clips.path)\")\n(exit)\n".utf8).write(to: loadOnly)
      try Data(situationList.map { $0.line + "\n" }.joined().utf8).write(to: situations)
      return (generated.count, situationList.count)
    }

    func readSituations() throws -> [Situation] { try SingleTemplateFolder(folder).readSituations() }

    /// Myco's engine over the rules folder (see ``SingleTemplateFolder/load()``).
    func load() throws -> Engine { try SingleTemplateFolder(folder).load() }
  }
}
