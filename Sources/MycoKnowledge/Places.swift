import Foundation
import MycoCalendar
import MycoDiagnostics
import MycoRules

/// A named place of the `places` table with its sourced elevation.
public struct Place: Sendable, Hashable {
  /// The row id in the `places` table.
  public var id: String
  /// The name in Chinese and pinyin.
  public var name: LocalizedText
  /// The elevation in metres, when the source gives one figure.
  public var elevation: Double?
  /// The span of elevations, when the source gives one (a township spans hundreds of metres).
  public var lowest: Double?
  /// See ``lowest``.
  public var highest: Double?
  /// The publications the elevation comes from.
  public var sources: [Citation]
}

/// Looks places up by name, in Chinese characters or pinyin, as growers write them.
public struct Places: Sendable {
  /// Every place of the table, in table order.
  public let places: [Place]

  /// The places of `knowledge`'s `places` table (none when it has no such table).
  public init(knowledge: KnowledgeBase) {
    places = (knowledge.table("places")?.rows ?? []).map { row in
      var name = LocalizedText()
      for language in Language.allCases {
        if let text = row.cells["name.\(language.rawValue)"] { name.byLanguage[language.rawValue] = text }
      }
      return Place(
        id: row.id, name: name, elevation: row.cells["elevation-m"].flatMap(Double.init),
        lowest: row.cells["elevation-min-m"].flatMap(Double.init),
        highest: row.cells["elevation-max-m"].flatMap(Double.init), sources: row.sources)
    }
  }

  /// The names a place answers to, compared by ``key(_:)``: its id, its Chinese name with and
  /// without 镇/乡/村 and anything in brackets, its pinyin (English) name without "town" etc.
  static func keys(_ place: Place) -> Set<String> {
    var keys: Set<String> = [key(place.id)]
    for language in Language.allCases {
      let text = place.name.text(in: language)
      if !text.isEmpty { keys.insert(key(text)) }
    }
    return keys.subtracting([""])
  }

  /// A place name reduced for comparison: lower case, no brackets or their content, no spaces,
  /// hyphens or apostrophes, and no trailing 镇 / 乡 / 村 / 街道 / town / township / village.
  public static func key(_ name: String) -> String {
    var text = ""
    var depth = 0
    for character in name.lowercased() {
      if "(（".contains(character) { depth += 1; continue }
      if ")）".contains(character) { depth = max(0, depth - 1); continue }
      if depth == 0 && !" -'’,，·".contains(character) { text.append(character) }
    }
    for suffix in ["街道", "镇", "乡", "村", "township", "town", "village"]
    where text.hasSuffix(suffix) && text.count > suffix.count {
      text.removeLast(suffix.count)
      break
    }
    return text
  }

  /// The place with this name (Chinese or pinyin, with or without 镇, "town" …), if listed.
  public func find(_ name: String) -> Place? {
    let wanted = Self.key(name)
    guard !wanted.isEmpty else { return nil }
    return places.first { Self.keys($0).contains(wanted) }
  }

  /// Up to `limit` listed names nearest to `name`: names it is a prefix of (or that are a prefix
  /// of it) first, then by edit distance, only those within half the name's length.
  public func nearest(_ name: String, limit: Int = 3) -> [String] {
    let wanted = Self.key(name)
    guard !wanted.isEmpty else { return [] }
    var scored: [(score: Int, name: String)] = []
    for place in places {
      let distances = Self.keys(place).map { key -> Int in
        if key.hasPrefix(wanted) || wanted.hasPrefix(key) { return 0 }
        return Self.editDistance(key, wanted)
      }
      guard let best = distances.min(), best <= max(1, wanted.count / 2) else { continue }
      let label = [place.name.text(in: .zh), place.name.text(in: .en)].filter { !$0.isEmpty }.joined(separator: " / ")
      scored.append((best, label))
    }
    return scored.sorted { ($0.score, $0.name) < ($1.score, $1.name) }.prefix(limit).map(\.name)
  }

  /// Levenshtein distance over characters.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
      var previous = row[0]
      row[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let current = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
        previous = current
      }
    }
    return row[b.count]
  }
}
