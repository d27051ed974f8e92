import MycoDiagnostics

/// Finds rules supported only by grade-C sources (web pages, blogs): each is worth a better source.
///
/// Reported as `info` (kind `weak-sources`), one per rule, so that a base can release while
/// experts look for peer-reviewed, official or extension sources; the summary line counts them.
/// Citations not resolved against a registry (a rule base loaded without one) are not judged.
public struct SourceGradePass: VerificationPass {
  /// The pass's name and finding kind: `weak-sources`.
  public let name = "weak-sources"

  /// The pass (it has no settings).
  public init() {}

  /// One `info` finding per rule whose resolved sources are all grade C.
  public func run(_ input: VerificationInput) -> [Finding] {
    input.rules.compactMap { rule in
      let grades = rule.sources.compactMap { $0.publication?.grade }
      guard !grades.isEmpty, grades.count == rule.sources.count, grades.allSatisfy({ $0 == .c }) else { return nil }
      let ids = rule.sources.map(\.id).joined(separator: ", ")
      return Finding(
        .info, kind: .weakSources, rules: [rule.id], at: rule.location,
        LocalizedText(
          zh: "规则 '\(rule.id)' 只有 C 级来源（网页、博客）：\(ids)；请补充 A 级或 B 级来源",
          en: "rule '\(rule.id)' is supported only by grade-C sources (web pages, blogs): \(ids); find an A or B source"
        ))
    }
  }
}
