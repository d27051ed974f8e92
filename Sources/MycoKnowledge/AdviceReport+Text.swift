import Foundation
import MycoCalendar
import MycoRules

extension AdviceReport {
  /// The advice as terminal text in `language` (`zh` or `en`): grouped by topic, with certainty
  /// words, reasons and rule ids; then warnings, overridden advice, questions and estimates.
  public func text(language: Language) -> String {
    let zh = language == .zh
    var lines: [String] = [header(language: language)]
    lines += notes(language: language).map { "  * " + $0 }
    lines += betterFits(language: language).map { "  ➜ " + $0.text }
    lines.append("")
    if evaluation.advice.isEmpty && evaluation.warnings.isEmpty {
      lines.append(zh ? "没有适用的建议。补充下面的信息再试。" : "No advice applies yet. Give the facts below and try again.")
    }
    if !evaluation.warnings.isEmpty {
      lines.append(zh ? "⚠ 警告" : "⚠ Warnings")
      for warning in evaluation.warnings { lines += item(warning, language: language) }
      lines.append("")
    }
    var lastTopic = ""
    for advice in advice {
      let topic = topicLabel(advice.topic, language: language)
      if topic != lastTopic {
        lines.append("【\(topic)】")
        lastTopic = topic
      }
      lines += item(advice, language: language)
    }
    if !evaluation.advice.isEmpty { lines.append("") }
    if !evaluation.overridden.isEmpty {
      lines.append(zh ? "被取代的建议" : "Overridden advice")
      for advice in evaluation.overridden {
        let by = advice.overriddenBy ?? ""
        lines.append(
          "  - [\(advice.rule)] \(advice.title.text(in: language)) — " + (zh ? "被 [\(by)] 取代" : "overridden by [\(by)]")
        )
      }
      lines.append("")
    }
    if !questions.isEmpty {
      lines.append(zh ? "告诉我这些，建议会更准确：" : "Tell me these to refine the advice:")
      for (fact, rules) in questions {
        lines.append(
          "  ? \(fact.question.text(in: language))  "
            + (zh
              ? "（\(rules.count) 条建议取决于它）"
              : "(\(rules.count) " + (rules.count == 1 ? "rule waits" : "rules wait") + " on it)"))
      }
      lines.append("")
    }
    // Numbers and dates only: an internal class such as the start-window position is not for growers.
    let estimates = evaluation.facts.filter {
      guard case .estimated = $0.value.origin else { return false }
      let type = knowledge.vocabulary[$0.key]?.type
      return type == .number || type == .text
    }
    .sorted { $0.key < $1.key }
    if !estimates.isEmpty {
      lines.append(zh ? "估算值（不是实测）：" : "Estimates (not measurements):")
      for (name, fact) in estimates {
        lines.append("  ~ \(factLabel(name, language: language)): \(display(name, fact.value, language: language))")
      }
      lines.append("")
    }
    lines.append((zh ? "知识库版本 " : "Knowledge base ") + version)
    return lines.joined(separator: "\n") + "\n"
  }

  /// One line naming the situation.
  public func header(language: Language) -> String {
    let zh = language == .zh
    var parts = [knowledge.variety(situation.variety)?.name.text(in: language) ?? situation.variety]
    if let elevation = situation.elevation
      ?? evaluation.facts["elevation"].flatMap({ if case .number(let n) = $0.value { n } else { nil } })
    {
      parts.append((zh ? "海拔 " : "elevation ") + "\(Value.format(elevation))" + (zh ? " 米" : " m"))
    }
    if let date = situation.date { parts.append(date.description) }
    if let bag = situation.bag {
      parts.append(zh ? "料袋 \(Value.format(bag.widthCM))×\(Value.format(bag.lengthCM)) 厘米" : "bags \(bag) cm")
    }
    if let stage = situation.stage { parts.append(display("stage", .symbol(stage), language: language)) }
    return (zh ? "建议：" : "Advice: ") + parts.joined(separator: " · ")
  }

  private func item(_ advice: Advice, language: Language) -> [String] {
    let zh = language == .zh
    var lines = [
      "  • \(advice.certainty.words(in: language))\(zh ? "" : ":") \(fill(advice.text.text(in: language), language: language))  [\(advice.rule)]"
    ]
    lines.append("    " + (zh ? "原因：" : "Why: ") + advice.because.text(in: language))
    let basis = basis(of: advice.rule, language: language)
    if !basis.isEmpty {
      lines.append("    " + (zh ? "依据：" : "Because of: ") + basis.joined(separator: zh ? "；" : "; "))
    }
    let sources = advice.sources.map { Self.shownReference($0) + ($0.uncertain ? (zh ? "（不确定）" : " (uncertain)") : "") }
    lines.append("    " + (zh ? "来源：" : "Source: ") + sources.joined(separator: "; "))
    return lines
  }

  /// The facts a fired rule's advice rests on, in words a grower reads: what the grower said or
  /// measured, and the numbers it was compared with (estimates and sourced limits). Internal
  /// labels (a start-window class, a risk level, the stage a limit was taken for) are left out.
  func basis(of ruleID: String, language: Language) -> [String] {
    guard let firing = evaluation.fired.first(where: { $0.rule == ruleID }) else { return [] }
    var names: [String] = firing.matched.map(\.fact)
    for test in rules.rule(id: ruleID)?.condition.tests ?? [] {
      if let other = test.otherFact, !names.contains(other) { names.append(other) }
    }
    var seen = Set<String>()
    return names.compactMap { name in
      guard seen.insert(name).inserted, let fact = evaluation.facts[name], let declaration = knowledge.vocabulary[name]
      else {
        return nil
      }
      let grower = !declaration.question.isEmpty
      if case .given = fact.origin {} else if !grower && declaration.type != .number { return nil }
      var label = declaration.label.text(in: language)
      if let stage = evaluation.facts[name + "-stage"], case .symbol = stage.value {
        label = display(name + "-stage", stage.value, language: language) + (language == .zh ? "阶段" : " ") + label
      }
      return "\(label) \(display(name, fact.value, language: language))"
    }
  }

  /// A citation as a grower sees it: the short citation ("Royse et al. 2008"), what was taken from it,
  /// and the publisher's link where the registry has one.
  static func shownReference(_ citation: Citation) -> String {
    citation.referenceWithNote + (citation.href.map { " <\($0)>" } ?? "")
  }

  /// Why a rule did or did not give its advice, in plain words; nil for an unknown rule id.
  public func whyNot(_ ruleID: String, language: Language) -> String? {
    guard let rule = rules.rule(id: ruleID), let outcome = evaluation.outcome(of: ruleID) else { return nil }
    let zh = language == .zh
    let title = "[\(rule.id)] \(rule.title.text(in: language))"
    switch outcome {
    case .fired:
      return title + (zh ? "：已触发，建议已给出。" : ": fired; its advice is given.")
    case .overridden(let winner):
      return title
        + (zh
          ? "：已触发，但同一主题被优先级更高或更具体的 [\(winner)] 取代。"
          : ": fired, but [\(winner)] won the same topic (higher priority or more specific).")
    case .failed(let failure):
      let seen = failure.seen.map { display(failure.fact, $0, language: language) } ?? (zh ? "未知" : "unknown")
      return title
        + (zh
          ? "：没有触发，因为条件「\(failure.test)」不成立（\(factLabel(failure.fact, language: language)) 是 \(seen)）。"
          : ": did not fire because \"\(failure.test)\" is false (\(factLabel(failure.fact, language: language)) is \(seen)).")
    case .undecided(let missing):
      let names = missing.map { factLabel($0, language: language) + " (\($0))" }.joined(separator: zh ? "、" : ", ")
      return title + (zh ? "：无法判断，缺少：\(names)。" : ": cannot be decided; missing: \(names).")
    }
  }
}
