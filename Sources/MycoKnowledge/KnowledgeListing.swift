import Foundation
import MycoRules

/// What the knowledge base holds, as text or JSON, so an agent can see it.
public struct KnowledgeListing: Sendable {
  public let knowledge: KnowledgeBase

  public init(_ knowledge: KnowledgeBase) { self.knowledge = knowledge }

  /// The subjects `myco knowledge list` can show.
  public static let subjects = ["varieties", "bags"]

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
      return nil
    }
  }

  /// The listing of `subject` as JSON, or nil for an unknown subject.
  public func json(_ subject: String) -> String? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data: Data?
    switch subject {
    case "varieties": data = try? encoder.encode(knowledge.varieties)
    case "bags": data = try? encoder.encode(knowledge.bagSizes)
    default: return nil
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
