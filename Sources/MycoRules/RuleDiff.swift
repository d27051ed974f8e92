import Foundation
import MycoDiagnostics

/// What changed between two rule bases: rules added, removed and changed (and how).
public struct RuleDiff: Sendable, Hashable, Codable {
  /// One changed rule and the parts that changed.
  public struct Change: Sendable, Hashable, Codable {
    /// The id of the changed rule.
    public var rule: String
    /// `conditions`, `advice`, `certainty`, `priority`, `title`, `because`, `sources`.
    public var parts: [String]
    /// One line per changed part: `priority: 50 → 60`.
    public var details: [String]
  }

  /// Ids of rules only in the new base, sorted.
  public var added: [String]
  /// Ids of rules only in the old base, sorted.
  public var removed: [String]
  /// Rules in both bases that differ, by id.
  public var changed: [Change]

  /// Compares two rule bases rule by rule (matched by id).
  public init(old: RuleBase, new: RuleBase) {
    let oldIDs = Set(old.rules.map(\.id))
    let newIDs = Set(new.rules.map(\.id))
    added = newIDs.subtracting(oldIDs).sorted()
    removed = oldIDs.subtracting(newIDs).sorted()
    changed = oldIDs.intersection(newIDs).sorted().compactMap { id in
      Self.change(old.rule(id: id)!, new.rule(id: id)!)
    }
  }

  /// True when no rule was added, removed or changed.
  public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

  private static func change(_ a: Rule, _ b: Rule) -> Change? {
    var parts: [String] = []
    var details: [String] = []
    func compare(_ part: String, _ x: String, _ y: String) {
      guard x != y else { return }
      parts.append(part)
      details.append("\(part): \(x) → \(y)")
    }
    compare("conditions", canonical(a.condition), canonical(b.condition))
    compare("advice", conclusions(a), conclusions(b))
    compare("certainty", a.certainty.rawValue, b.certainty.rawValue)
    compare("priority", String(a.priority), String(b.priority))
    compare("title", a.title.text(in: .en), b.title.text(in: .en))
    if a.title.text(in: .zh) != b.title.text(in: .zh), !parts.contains("title") {
      compare("title", a.title.text(in: .zh), b.title.text(in: .zh))
    }
    compare("because", text(a.because), text(b.because))
    compare(
      "sources", a.sources.map(\.reference).joined(separator: "; "), b.sources.map(\.reference).joined(separator: "; "))
    return parts.isEmpty ? nil : Change(rule: a.id, parts: parts, details: details)
  }

  private static func text(_ text: LocalizedText) -> String {
    text.byLanguage.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: " | ")
  }

  private static func conclusions(_ rule: Rule) -> String {
    rule.conclusions.map { conclusion in
      switch conclusion {
      case .advise(let topic, let words): "advise \(topic) «\(text(words))»"
      case .warn(let topic, let words): "warn \(topic) «\(text(words))»"
      case .derive(let fact, let value): "derive \(fact) = \(value)"
      }
    }.joined(separator: "; ")
  }

  /// The condition as written (tests in their summaries), ignoring places in the file.
  static func canonical(_ condition: Condition) -> String {
    switch condition {
    case .all(let parts): "all(" + parts.map(canonical).joined(separator: ", ") + ")"
    case .any(let parts): "any(" + parts.map(canonical).joined(separator: ", ") + ")"
    case .not(let part): "not(" + canonical(part) + ")"
    case .test(let test): test.summary
    }
  }
}
