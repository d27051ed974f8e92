import Foundation
import MycoCalendar

/// The rules of a rule base as a table (text) or an array (JSON), for review.
public struct RuleListing: Sendable {
  /// The rule base listed.
  public let base: RuleBase

  /// A listing of `base`'s rules, sorted by id.
  public init(_ base: RuleBase) { self.base = base }

  struct Entry: Encodable {
    var id, certainty, title, location: String
    var priority: Int
    var topics: [String]
    var derives: [String]
    var conditions: [String]
    var sources: [Citation]
  }

  private func entries(language: Language) -> [Entry] {
    base.rules.sorted { $0.id < $1.id }.map {
      Entry(
        id: $0.id, certainty: $0.certainty.rawValue, title: $0.title.text(in: language),
        location: $0.location.description, priority: $0.priority, topics: $0.topics, derives: $0.derivedFacts,
        conditions: $0.condition.tests.map(\.summary), sources: $0.sources)
    }
  }

  /// One line per rule: id, priority, certainty, topics, title.
  public func text(language: Language) -> String {
    let rows = entries(language: language)
    let width = rows.map(\.id.count).max() ?? 0
    var lines = rows.map { entry in
      let topics =
        entry.topics.isEmpty ? "derive: " + entry.derives.joined(separator: ",") : entry.topics.joined(separator: ",")
      return entry.id.padding(toLength: width, withPad: " ", startingAt: 0)
        + "  \(String(entry.priority).leftPadded(3))  \(entry.certainty.padding(toLength: 8, withPad: " ", startingAt: 0))  \(topics)  \(entry.title)"
    }
    lines.append("\(rows.count) rules, version \(base.version)")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A JSON array of rules with id, priority, certainty, topics, conditions, sources and location.
  public func json(language: Language) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(entries(language: language))) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

extension String {
  func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
