import Foundation
import MycoCalendar
import MycoRules

/// What the knowledge base holds, as text or JSON, so an agent can see it.
public struct KnowledgeListing: Sendable {
  /// The knowledge base listed.
  public let knowledge: KnowledgeBase

  /// A listing of `knowledge`.
  public init(_ knowledge: KnowledgeBase) { self.knowledge = knowledge }

  /// The subjects `myco knowledge list` can show.
  public static let subjects = [
    "varieties", "limits", "bags", "substrates", "pesticides", "places", "pests", "sources",
  ]

  /// The table ids shown for each table subject (`pesticides` shows three tables).
  static let tableSubjects: [String: [String]] = [
    "substrates": ["substrates"],
    "pesticides": ["pesticides-registered", "pesticides-banned", "pesticides-unconfirmed"],
    "places": ["places"],
    "pests": ["contaminants-pests"],
  ]

  /// The listing of `subject` as text, or nil for an unknown subject.
  public func text(_ subject: String, language: Language) -> String? {
    switch subject {
    case "limits": return limitsText()
    case "sources": return sourcesText()
    case "varieties":
      let lines = knowledge.varieties.map { variety in
        let spawn = variety.range("temperature", at: "spawn-run").map(Self.describe) ?? "?"
        let fruit = variety.range("temperature", at: "fruiting").map(Self.describe) ?? "?"
        return
          "\(variety.id.padding(toLength: 12, withPad: " ", startingAt: 0)) \(variety.name.text(in: .zh))  \(variety.name.text(in: .en)) (\(variety.latin)); \(variety.temperatureType); spawn run \(spawn); fruiting \(fruit); bags \(variety.commonBags.joined(separator: ", "))"
      }
      return (lines + ["\(knowledge.varieties.count) varieties, knowledge version \(knowledge.version)"]).joined(
        separator: "\n") + "\n"
    case "bags":
      let lines = knowledge.bagSizes.map { bag in
        let fill =
          bag.fillKg.map { "\(Value.format($0)) kg (\(knowledge.bagClasses.classify(fillKg: $0).rawValue))" }
          ?? "fill not sourced"
        return
          "\(bag.id.padding(toLength: 8, withPad: " ", startingAt: 0)) \(fill); \(bag.crops.joined(separator: ", "))\(bag.note.map { "; \($0)" } ?? "")"
      }
      return (lines + ["\(knowledge.bagSizes.count) bag sizes"]).joined(separator: "\n") + "\n"
    default:
      guard let ids = Self.tableSubjects[subject] else { return nil }
      return ids.compactMap { knowledge.table($0) }.map { tableText($0, language: language) }.joined(separator: "\n")
    }
  }

  /// One table as text: its title, then per row the id, its cells (language-tagged cells in
  /// `language` only) and its sources (marked "uncertain" where the source says so).
  func tableText(_ table: KnowledgeTable, language: Language) -> String {
    var lines = ["\(table.title.text(in: language)) [\(table.id)]"]
    for row in table.rows {
      var cells: [String] = []
      for key in row.cells.keys.sorted() {
        let parts = key.split(separator: ".", maxSplits: 1)
        if parts.count == 2, parts[1] != language.rawValue { continue }
        cells.append("\(parts[0]): \(row.cells[key] ?? "")")
      }
      lines.append("\(row.id)")
      lines += cells.map { "    \($0)" }
      let sources = row.sources.map {
        "\($0.referenceWithNote)\($0.href.map { " <\($0)>" } ?? "")\($0.uncertain ? " (uncertain)" : "")"
      }
      lines.append("    source: \(sources.joined(separator: "; "))")
    }
    lines.append("\(table.rows.count) rows, knowledge version \(knowledge.version)")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The listing of `subject` as JSON, or nil for an unknown subject.
  public func json(_ subject: String) -> String? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data: Data?
    switch subject {
    case "varieties": data = try? encoder.encode(knowledge.varieties)
    case "limits": data = try? encoder.encode(limitRows())
    case "bags": data = try? encoder.encode(knowledge.bagSizes)
    case "sources": data = try? encoder.encode(knowledge.sources.publications)
    default:
      guard let ids = Self.tableSubjects[subject] else { return nil }
      data = try? encoder.encode(ids.compactMap { knowledge.table($0) })
    }
    return data.map { String(decoding: $0, as: UTF8.self) + "\n" }
  }

  static func describe(_ range: CropRange) -> String {
    let low = range.minimum.map(Value.format) ?? "?"
    let high = range.maximum.map(Value.format) ?? "?"
    var text = "\(low)–\(high) \(range.unit)"
    if let optimumLow = range.optimumLow, let optimumHigh = range.optimumHigh {
      text +=
        optimumLow == optimumHigh
        ? " (opt \(Value.format(optimumLow)))" : " (opt \(Value.format(optimumLow))–\(Value.format(optimumHigh)))"
    }
    return text
  }

  // MARK: limits

  /// One row of the limits table: a variety, a stage and the limits of each reading there, exactly
  /// as the advice uses them (with the fallbacks of ``SituationFacts/limit(of:upper:at:variety:strain:)``).
  public struct LimitRow: Sendable, Hashable, Encodable {
    /// The limits of one reading at the row's stage.
    public struct Cell: Sendable, Hashable, Encodable {
      /// The reading, e.g. `temperature` or `humidity`.
      public var reading: String
      /// The lower danger limit in the reading's unit, if known.
      public var minimum: Double?
      /// The upper danger limit, if known.
      public var maximum: Double?
      /// The stage the limit was taken from when it differs (e.g. inoculation uses the spawn run's).
      public var fromStage: String?
      /// The publications the limits come from.
      public var sources: [Citation]
    }
    /// The variety's id.
    public var variety: String
    /// The growing stage (a `stage` fact value).
    public var stage: String
    /// One cell per reading that has limits.
    public var cells: [Cell]
  }

  /// The limits of every variety by growing stage (plus each strain's fruiting temperatures).
  public func limitRows() -> [LimitRow] {
    var rows: [LimitRow] = []
    for variety in knowledge.varieties {
      for stage in SituationFacts.growingStages {
        let beds = SituationFacts.growsInBeds(variety)
        let cells = SituationFacts.limitQuantities.compactMap { reading -> LimitRow.Cell? in
          if reading.fact == (beds ? "bag-temp" : "soil-temp") || (!beds && reading.fact == "soil-moisture") {
            return nil
          }
          let high = SituationFacts.limit(of: reading.fact, upper: true, at: stage, variety: variety, strain: nil)
          let low = SituationFacts.limit(of: reading.fact, upper: false, at: stage, variety: variety, strain: nil)
          guard high != nil || low != nil else { return nil }
          let from = [high?.stage, low?.stage].compactMap { $0 }.first { $0 != stage }
          var sources: [Citation] = []
          for citation in (low?.sources ?? []) + (high?.sources ?? []) where !sources.contains(citation) {
            sources.append(citation)
          }
          return LimitRow.Cell(
            reading: reading.fact, minimum: low?.value, maximum: high?.value, fromStage: from, sources: sources)
        }
        if !cells.isEmpty { rows.append(LimitRow(variety: variety.id, stage: stage, cells: cells)) }
      }
      for strain in variety.strains where strain.fruitingMinimum != nil || strain.fruitingMaximum != nil {
        let cell = LimitRow.Cell(
          reading: "air-temp", minimum: strain.fruitingMinimum, maximum: strain.fruitingMaximum, fromStage: nil,
          sources: strain.sources)
        rows.append(
          LimitRow(
            variety: variety.id,
            stage:
              "fruiting (strain \(([strain.id] + strain.aliases).joined(separator: " = ")), \(strain.temperatureType))",
            cells: [cell]))
      }
    }
    return rows
  }

  private static func span(_ cell: LimitRow.Cell) -> String {
    let low = cell.minimum.map(Value.format) ?? "–"
    let high = cell.maximum.map(Value.format) ?? "–"
    let unit = cell.reading.hasSuffix("temp") ? "°C" : "%"
    return "min \(low) / max \(high) \(unit)" + (cell.fromStage.map { " (\($0) limits)" } ?? "")
  }

  private static func sourceText(_ citation: Citation) -> String {
    citation.referenceWithNote + (citation.href.map { " <\($0)>" } ?? "") + (citation.uncertain ? " (uncertain)" : "")
  }

  // MARK: sources

  /// The source registry as text: per source its id, grade, short and full citation, link and what Myco took.
  func sourcesText() -> String {
    var lines: [String] = []
    for source in knowledge.sources.publications {
      lines.append("\(source.id)  [\(source.grade.rawValue)]  \(source.shortCitation)")
      lines.append("    \(source.fullCitation)")
      if let link = source.link { lines.append("    <\(link)>") }
      lines.append("    took: \(source.took)")
    }
    let counts = Publication.Grade.allCases.map { grade in
      "\(knowledge.sources.publications.filter { $0.grade == grade }.count) \(grade.rawValue)"
    }
    lines.append(
      "\(knowledge.sources.publications.count) sources (\(counts.joined(separator: ", "))), knowledge version \(knowledge.version)"
    )
    return lines.joined(separator: "\n") + "\n"
  }

  /// The source registry as a Markdown document (Docs/sources.md is generated from it).
  public func sourcesMarkdown() -> String {
    var lines = [
      "# Sources of the Myco knowledge base",
      "",
      "Generated by `myco knowledge list sources --format markdown > Docs/sources.md` from",
      "`Knowledge/sources.xml`; do not edit by hand. Rules and knowledge tables cite these sources by id",
      "(`<source ref=\"royse-2008\" note=\"…\"/>`); `myco rules check` and loading reject an unknown id.",
      "What Myco could not source, and what it estimates itself, is in [gaps.md](gaps.md).",
      "",
      "Grades: **A** peer-reviewed or official; **B** extension text or textbook; **C** web page or blog.",
      "A link is given only where it is the publisher, a DOI, a government or university site or a named",
      "extension service; texts that were read on copy sites carry no link.",
      "Knowledge version \(knowledge.version).",
    ]
    let titles: [Publication.Grade: String] = [
      .a: "A: peer-reviewed or official", .b: "B: extension text or textbook", .c: "C: web page or blog",
    ]
    for grade in Publication.Grade.allCases {
      let sources = knowledge.sources.publications.filter { $0.grade == grade }
      guard !sources.isEmpty else { continue }
      lines += ["", "## \(titles[grade] ?? grade.rawValue) (\(sources.count))", ""]
      for source in sources {
        var line = "* `\(source.id)` — \(source.fullCitation)"
        if let link = source.link { line += " <\(link)>" }
        line += " *Myco took:* \(source.took)"
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The limits as text: per variety and stage, each reading's danger limits and their sources.
  func limitsText() -> String {
    var lines: [String] = []
    var last = ""
    for row in limitRows() {
      if row.variety != last {
        if !last.isEmpty { lines.append("") }
        let name = knowledge.variety(row.variety).map { "\($0.name.text(in: .zh)) \($0.name.text(in: .en))" } ?? ""
        lines.append("\(row.variety) \(name)")
        last = row.variety
      }
      lines.append("  \(row.stage)")
      for cell in row.cells {
        lines.append("    \(cell.reading.padding(toLength: 14, withPad: " ", startingAt: 0)) \(Self.span(cell))")
        lines += cell.sources.map { "      source: \(Self.sourceText($0))" }
      }
    }
    lines.append("")
    lines.append(
      "A reading at or beyond a limit warns (Rules/limits.xml); a known strain's fruiting range replaces the variety's fruiting air limits. Knowledge version \(knowledge.version)."
    )
    return lines.joined(separator: "\n") + "\n"
  }

  /// The limits as a Markdown document (Docs/limits.md is generated from it).
  public func limitsMarkdown() -> String {
    var lines = [
      "# Limits by variety and stage",
      "",
      "Generated by `myco knowledge list limits --format markdown > Docs/limits.md`; do not edit by hand.",
      "The limits come from the `<range>` elements of `Knowledge/variety-*.xml` (and, for a named strain,",
      "its `<strain>` fruiting range). Myco warns when a **measured** reading is at or beyond a limit",
      "(`Rules/limits.xml`): at the limit counts as dangerous. Inoculation, browning and resting use the",
      "spawn-run limits where the variety has none of their own (marked \"spawn-run limits\"); a bag",
      "centre without a bag-temperature range is held to the stage's air range. With the stage unknown",
      "Myco uses the widest limit of any stage and says which stage it assumed.",
      "Knowledge version \(knowledge.version).",
      "",
    ]
    var last = ""
    for row in limitRows() {
      if row.variety != last {
        let name =
          knowledge.variety(row.variety).map { "\($0.name.text(in: .en)) \($0.name.text(in: .zh))" } ?? row.variety
        lines += ["", "## \(name)", "", "| stage | reading | min | max | sources |", "|---|---|---|---|---|"]
        last = row.variety
      }
      for cell in row.cells {
        let unit = cell.reading.hasSuffix("temp") ? " °C" : " %"
        let sources = cell.sources.map { citation in
          let text = citation.referenceWithNote.replacingOccurrences(of: "|", with: "\\|")
          return (citation.href.map { "[\(text)](\($0))" } ?? text) + (citation.uncertain ? " (uncertain)" : "")
        }.joined(separator: "; ")
        let stage = row.stage + (cell.fromStage.map { " (\($0) limits)" } ?? "")
        lines.append(
          "| \(stage) | \(cell.reading) | \(cell.minimum.map { Value.format($0) + unit } ?? "–") | \(cell.maximum.map { Value.format($0) + unit } ?? "–") | \(sources) |"
        )
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
