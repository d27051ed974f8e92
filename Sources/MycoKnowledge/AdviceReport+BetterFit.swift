import MycoCalendar
import MycoRules

/// A better-fitting choice that the advice mentions: another variety when the chosen one has no
/// start window at this elevation, or another strain temperature type when the grower's fits the
/// estimated fruiting temperatures clearly worse.
public struct BetterFit: Sendable, Hashable, Encodable {
  /// `variety` or `strain-type`.
  public var kind: String
  /// The better-fitting varieties or strain types, best first.
  public var choices: [String]
  /// The sentence the advice prints, in the report's language.
  public var text: String
}

extension AdviceReport {
  /// How much larger (0–1) the best strain type's share of fruiting days in range must be than the
  /// grower's own type's for the advice to name it.
  public static let strainTypeMargin = 0.25

  /// The better fits to mention, from the same data as `myco suggest`; empty once the crop is
  /// started, or without a date and an elevation.
  public func betterFits(language: Language) -> [BetterFit] {
    let zh = language == .zh
    guard case .symbol("no")? = evaluation.facts["started"]?.value, let date = situation.date,
      case .number(let elevation)? = evaluation.facts["elevation"]?.value,
      let variety = knowledge.variety(situation.variety)
    else { return [] }
    let suggestions = VarietySuggester(knowledge: knowledge).suggest(elevation: elevation, date: date)
    var fits: [BetterFit] = []
    let name = variety.name.text(in: language)
    let command = "myco suggest --elevation \(Value.format(elevation)) --date \(date)"
    if case .symbol("none")? = evaluation.facts["start-window"]?.value {
      let others = suggestions.filter { $0.variety.id != variety.id && $0.window != nil && $0.reason != .noWindow }
        .prefix(3)
      if !others.isEmpty {
        let listed = others.map { other in
          let when =
            other.fitsNow
            ? (zh ? "现在可以开始" : "start now")
            : (zh
              ? "约 \(other.window?.nextOpens?.description ?? "?") 起"
              : "from about \(other.window?.nextOpens?.description ?? "?")")
          return "\(other.variety.name.text(in: language))" + (zh ? "（\(when)）" : " (\(when))")
        }
        fits.append(
          BetterFit(
            kind: "variety", choices: others.map(\.variety.id),
            text: zh
              ? "这个海拔没有\(name)的开始适期。这里更合适的品种：\(listed.joined(separator: "、"))（详见 \(command)）。"
              : "\(name.prefix(1).uppercased() + name.dropFirst()) has no start window at this elevation. Better fits here: \(listed.joined(separator: ", ")) (see \(command))."
          ))
      }
    }
    if case .symbol(let type)? = evaluation.facts["strain-type"]?.value,
      let own = suggestions.first(where: { $0.variety.id == variety.id }),
      let mine = own.strainTypes.first(where: { $0.type == type }), let best = own.strainTypes.first,
      best.type != type, best.shareInRange - mine.shareInRange >= Self.strainTypeMargin
    {
      let lines = SuggestionLines(
        suggestion: own, knowledge: knowledge, facility: nil, elevation: elevation, language: language)
      let better = own.strainTypes.filter { $0.shareInRange - mine.shareInRange >= Self.strainTypeMargin }
      let mineShare = Int((mine.shareInRange * 100).rounded())
      let label = knowledge.vocabulary["strain-type"]?.display(.symbol(type), language: language) ?? type
      let range = "\(Value.format(mine.fruitingMinimum))–\(Value.format(mine.fruitingMaximum))"
      let span = VarietySuggester.fruitingSpanDays
      fits.append(
        BetterFit(
          kind: "strain-type", choices: better.map(\.type),
          text: zh
            ? "您的菌株属\(label)（出菇 \(range) ℃）：估计约 \(mine.fruitingFrom) 开始出菇，此后 \(span) 天只有 \(mineShare)% 的日子在这个范围内。更合适的温型：\(better.map(lines.strainType).joined(separator: "；"))（Myco 按估算气温的推断）。"
            : "Your strain is \(label) (fruits at \(range) °C): fruiting should start about \(mine.fruitingFrom), and only \(mineShare) % of the next \(span) days fall in that range. Better-fitting types: \(better.map(lines.strainType).joined(separator: "; ")) (Myco's inference from the estimated temperatures)."
        ))
    }
    return fits
  }
}
