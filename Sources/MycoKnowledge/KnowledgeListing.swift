import Foundation
import MycoRules

/// What the knowledge base holds, as text or JSON, so an agent can see it.
public struct KnowledgeListing: Sendable {
  public let knowledge: KnowledgeBase

  public init(_ knowledge: KnowledgeBase) { self.knowledge = knowledge }

  /// The subjects `myco knowledge list` can show.
  public static let subjects = ["varieties", "bags", "substrates", "pesticides", "places", "pests"]

  /// The table ids shown for each table subject (`pesticides` shows three tables).
  static let tableSubjects: [String: [String]] = [
    "substrates": ["substrates"],
    "pesticides": ["pesticides-registered", "pesticides-banned", "pesticides-unconfirmed"],
    "places": ["places"],
    "pests": ["contaminants-pests"],
  ]

  /// The listing of `subject` as text, or nil for an unknown subject.
  public func text(_ subject: String, language: String) -> String? {
    switch subject {
    case "varieties":
      let lines = knowledge.varieties.map { variety in
        let spawn = variety.range("temperature", at: "spawn-run").map(Self.describe) ?? "?"
        let fruit = variety.range("temperature", at: "fruiting").map(Self.describe) ?? "?"
        return "\(variety.id.padding(toLength: 12, withPad: " ", startingAt: 0)) \(variety.name.text(in: "zh"))  \(variety.name.text(in: "en")) (\(variety.latin)); \(variety.temperatureType); spawn run \(spawn); fruiting \(fruit); bags \(variety.commonBags.joined(separator: ", "))"
      }
      return (lines + ["\(knowledge.varieties.count) varieties, knowledge version \(knowledge.version)"]).joined(separator: "\n") + "\n"
    case "bags":
      let lines = knowledge.bagSizes.map { bag in
        let fill = bag.fillKg.map { "\(Value.format($0)) kg (\(knowledge.bagClasses.classify(fillKg: $0)))" } ?? "fill not sourced"
        return "\(bag.id.padding(toLength: 8, withPad: " ", startingAt: 0)) \(fill); \(bag.crops.joined(separator: ", "))\(bag.note.map { "; \($0)" } ?? "")"
      }
      return (lines + ["\(knowledge.bagSizes.count) bag sizes"]).joined(separator: "\n") + "\n"
    default:
      guard let ids = Self.tableSubjects[subject] else { return nil }
      return ids.compactMap { knowledge.table($0) }.map { tableText($0, language: language) }.joined(separator: "\n")
    }
  }

  /// One table as text: its title, then per row the id, its cells (language-tagged cells in
  /// `language` only) and its sources (marked "uncertain" where the source says so).
  func tableText(_ table: KnowledgeTable, language: String) -> String {
    var lines = ["\(table.title.text(in: language)) [\(table.id)]"]
    for row in table.rows {
      var cells: [String] = []
      for key in row.cells.keys.sorted() {
        let parts = key.split(separator: ".", maxSplits: 1)
        if parts.count == 2, parts[1] != language { continue }
        cells.append("\(parts[0]): \(row.cells[key] ?? "")")
      }
      lines.append("\(row.id)")
      lines += cells.map { "    \($0)" }
      let sources = row.sources.map { "\($0.reference)\($0.href.map { " <\($0)>" } ?? "")\($0.uncertain ? " (uncertain)" : "")" }
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
    case "bags": data = try? encoder.encode(knowledge.bagSizes)
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
      text += optimumLow == optimumHigh ? " (opt \(Value.format(optimumLow)))" : " (opt \(Value.format(optimumLow))–\(Value.format(optimumHigh)))"
    }
    return text
  }
}
