import Foundation
import MycoCalendar
import MycoRules

/// The words of one suggestion in one language, shared by the text and the JSON output.
struct SuggestionLines {
  let suggestion: VarietySuggestion
  let knowledge: KnowledgeBase
  /// The grower's facility, when given.
  let facility: String?
  let elevation: Double
  let language: Language

  private var zh: Bool { language == .zh }

  /// `香菇 shiitake (Lentinula edodes)` or the English name with the Chinese one.
  var title: String {
    let variety = suggestion.variety
    let other = variety.name.text(in: zh ? .en : .zh)
    return "\(variety.name.text(in: language)) \(other) (\(variety.latin))"
  }

  /// A few words: start now, or when, or not here.
  var verdict: String {
    let window = suggestion.window
    switch suggestion.reason {
    case .inWindow:
      let closes = window?.closes?.description ?? "?"
      let left = suggestion.daysLeft ?? 0
      return zh
        ? "现在可以开始（适期估计到 \(closes)，还有 \(left) 天）" : "start now (window estimated to close \(closes), \(left) days left)"
    case .noWindow:
      return zh ? "这个海拔没有适期" : "no start window at this elevation"
    case .noStartData:
      return zh ? "没有开始时机的资料" : "no start data"
    default:
      let opens = window?.nextOpens?.description ?? "?"
      let days = suggestion.daysToStart ?? 0
      return zh ? "现在不适合；下一个适期约从 \(opens) 开始（\(days) 天后）" : "not now; next window from about \(opens) (in \(days) days)"
    }
  }

  /// Why, with the numbers: the estimated temperature and the start limits it was compared with.
  var reason: String {
    let mean = Value.format(suggestion.dayMean)
    guard let window = suggestion.window else {
      return zh ? "知识库里没有这个品种的开始温度条件。" : "The knowledge base gives no start temperatures for this variety."
    }
    let trigger = window.trigger
    let limits = Self.limits(trigger, zh: zh)
    let estimate =
      trigger.estimate
      ? (zh ? "（适期是 Myco 按有出处的温度范围推断的）" : " (the window is Myco's inference from sourced temperature ranges)") : ""
    let text: String
    switch suggestion.reason {
    case .inWindow:
      let opens = window.opens?.description ?? "?"
      let closes = window.closes?.description ?? "?"
      text =
        zh
        ? "估算当天平均气温 \(mean) ℃，符合开始条件（\(limits)）；这个海拔的适期估计为 \(opens) 至 \(closes)。"
        : "The estimated daily mean is \(mean) °C, within the start limits (\(limits)); at this elevation the window is estimated at \(opens) to \(closes)."
    case .tooHotNow:
      text =
        zh
        ? "太热：估算当天平均气温 \(mean) ℃，开始条件是 \(limits)。"
        : "Too hot: the estimated daily mean is \(mean) °C; a start needs \(limits)."
    case .tooColdNow:
      text =
        zh
        ? "太冷：估算当天平均气温 \(mean) ℃，开始条件是 \(limits)。"
        : "Too cold: the estimated daily mean is \(mean) °C; a start needs \(limits)."
    case .tooHotAhead:
      let closed = window.closes?.description ?? "?"
      text =
        zh
        ? "太热：这一季的适期估计在 \(closed) 前后结束，现在开始，发菌期会碰上高温（开始条件：\(limits)）。"
        : "Too hot: this season's window is estimated to have closed around \(closed); a start now would meet heat during the spawn run (start limits: \(limits))."
    case .tooColdAhead:
      let closed = window.closes?.description ?? "?"
      text =
        zh
        ? "太冷：这一季的适期估计在 \(closed) 前后结束，现在开始，发菌期会碰上低温（开始条件：\(limits)）。"
        : "Too cold: this season's window is estimated to have closed around \(closed); a start now would meet cold during the spawn run (start limits: \(limits))."
    case .noWindow:
      let elevation = Value.format(elevation)
      let nearest =
        suggestion.nearestElevation.map {
          zh
            ? "最近有适期的海拔约 \(Value.format($0)) 米。"
            : " The nearest elevation with a window is about \(Value.format($0)) m."
        } ?? ""
      text =
        zh
        ? "海拔 \(elevation) 米全年没有一天符合开始条件（\(limits)）。\(nearest)"
        : "No day of the year at \(elevation) m meets the start limits (\(limits)).\(nearest)"
    case .noStartData:
      text = ""
    }
    var bridge = ""
    if suggestion.facilityHelps, let id = facility {
      let name = knowledge.vocabulary["facility"]?.display(.symbol(id), language: language) ?? id
      bridge =
        zh
        ? "您有\(name)：如果能把发菌温度保持在限值内的话，不在适期也可以开始（Myco 的推断）。"
        : " With your facility (\(name)): if it keeps the spawn run within its limits, a start outside the window is possible (Myco's inference)."
    }
    return text + estimate + bridge
  }

  /// The start limits in words, e.g. `daily mean 10–25 °C, then ≥ 10 °C for 60 days, ≤ 25 °C for 90 days`.
  static func limits(_ trigger: StartTrigger, zh: Bool) -> String {
    var parts: [String] = []
    switch (trigger.atLeast, trigger.atMost) {
    case let (low?, high?):
      parts.append((zh ? "日平均 " : "daily mean ") + "\(Value.format(low))–\(Value.format(high)) " + (zh ? "℃" : "°C"))
    case let (low?, nil): parts.append((zh ? "日平均 ≥ " : "daily mean ≥ ") + Value.format(low) + (zh ? " ℃" : " °C"))
    case let (nil, high?): parts.append((zh ? "日平均 ≤ " : "daily mean ≤ ") + Value.format(high) + (zh ? " ℃" : " °C"))
    case (nil, nil): break
    }
    if let low = trigger.staysAtLeast {
      parts.append(
        zh
          ? "此后 \(trigger.staysAtLeastDays) 天不低于 \(Value.format(low)) ℃"
          : "then ≥ \(Value.format(low)) °C for \(trigger.staysAtLeastDays) days")
    }
    if let high = trigger.staysAtMost {
      parts.append(
        zh
          ? "此后 \(trigger.staysAtMostDays) 天不高于 \(Value.format(high)) ℃"
          : "then ≤ \(Value.format(high)) °C for \(trigger.staysAtMostDays) days")
    }
    return parts.joined(separator: zh ? "，" : ", ")
  }

  /// The stage that starts the crop, then the cycle lengths the knowledge base gives, e.g.
  /// `starts with inoculation; spawn run 60–120 days`.
  var needs: [String] {
    var needs: [String] = []
    if let stage = suggestion.window?.trigger.stage {
      let label = knowledge.vocabulary["stage"]?.display(.symbol(stage), language: language) ?? stage
      needs.append(zh ? "从「\(label)」开始" : "starts with \(label)")
    }
    return needs
      + suggestion.variety.cycles.compactMap { cycle in
        guard let low = cycle.daysMinimum ?? cycle.daysMaximum else { return nil }
        let high = cycle.daysMaximum ?? low
        let days = low == high ? "\(low)" : "\(low)–\(high)"
        return "\(Self.phase(cycle.phase, zh: zh)) \(days)" + (zh ? " 天" : " days")
      }
  }

  /// A cycle phase's name (the phase id where no name is known).
  static func phase(_ id: String, zh: Bool) -> String {
    let names: [String: (String, String)] = [
      "spawn-run": ("发菌", "spawn run"), "fruiting": ("出菇", "fruiting"), "composting": ("堆料发酵", "composting"),
      "casing-to-pinning": ("覆土到现蕾", "casing to pinning"), "autumn-crop": ("秋季一茬", "autumn crop"),
      "factory": ("工厂化周期", "factory cycle"), "pins-to-harvest": ("现蕾到采收", "pins to harvest"),
      "to-first-harvest": ("到第一潮采收", "to first harvest"),
      "sowing-to-nutrient-bags": ("播种到摆营养袋", "sowing to nutrient bags"),
      "whole": ("全周期", "whole cycle"), "colonisation": ("菌丝长满畦床", "colonising the bed"),
      "sowing-to-harvest": ("播种到采收", "sowing to harvest"), "to-first-ears": ("接种到出耳", "inoculation to first ears"),
    ]
    guard let name = names[id] else { return id }
    return zh ? name.0 : name.1
  }

  /// The strain-type lines (shiitake): the header, then each type with its share of days in range.
  var strainTypes: [String] {
    guard let first = suggestion.strainTypes.first else { return [] }
    let range = "\(Value.format(first.coldestMean))–\(Value.format(first.warmestMean))"
    var lines = [
      zh
        ? "菌株温型（估计约 \(first.fruitingFrom) 开始出菇，此后 \(VarietySuggester.fruitingSpanDays) 天估算日均温 \(range) ℃；Myco 的推断）："
        : "Strain types (fruiting from about \(first.fruitingFrom); estimated daily means \(range) °C over the next \(VarietySuggester.fruitingSpanDays) days; Myco's inference):"
    ]
    for fit in suggestion.strainTypes {
      lines.append("  " + strainType(fit))
    }
    return lines
  }

  func strainType(_ fit: StrainTypeFit) -> String {
    let label = knowledge.vocabulary["strain-type"]?.display(.symbol(fit.type), language: language) ?? fit.type
    let share = Int((fit.shareInRange * 100).rounded())
    let range = "\(Value.format(fit.fruitingMinimum))–\(Value.format(fit.fruitingMaximum))"
    let strains = fit.strains.joined(separator: zh ? "、" : ", ")
    return zh
      ? "\(label)（出菇 \(range) ℃，如 \(strains)）：\(share)% 的日子在范围内"
      : "\(label) (fruits at \(range) °C, e.g. \(strains)): \(share) % of days in range"
  }

  /// A citation as the advice shows it.
  static func citation(_ citation: Citation, zh: Bool) -> String {
    AdviceReport.shownReference(citation) + (citation.uncertain ? (zh ? "（不确定）" : " (uncertain)") : "")
  }
}
