import MycoDiagnostics
import Foundation
import MycoCalendar

/// Runs the verification passes over a loaded rule base.
///
/// Load problems (schema and reference errors, duplicate ids, cycles) are found by the loader,
/// which refuses the whole base; ``VerificationReport/init(loadFailure:)`` turns them into findings.
/// The semantic passes run only on a base that loaded.
public struct Verifier: Sendable {
  /// The passes, in the order they run.
  public static let passes: [any VerificationPass] = [
    UnreachablePass(), ConflictPass(), SubsumptionPass(), ProductGuardPass(), CoveragePass(), SourceGradePass(),
  ]

  /// What the domain adds to the checks.
  public let context: VerificationContext

  /// A verifier; without a context only the domain-free checks find anything.
  public init(context: VerificationContext = VerificationContext()) { self.context = context }

  /// Every finding of every pass, sorted by place, plus the coverage matrix.
  public func check(_ base: RuleBase) -> VerificationReport {
    let input = VerificationInput(base: base, context: context)
    let findings = Self.passes.flatMap { $0.run(input) }
    return VerificationReport(
      findings: findings, coverage: context.coverage.map { Coverage(input, axes: $0) }, ruleCount: base.rules.count)
  }
}

/// What `myco rules check` found: findings, and the coverage matrix when the base loaded.
public struct VerificationReport: Sendable, Hashable, Codable {
  /// Sorted by file, line, column, kind.
  public var findings: [Finding]
  /// The coverage matrix, when the context gave axes.
  public var coverage: Coverage?
  /// How many rules were checked.
  public var ruleCount: Int

  /// A report of `findings`, sorted by place.
  public init(findings: [Finding], coverage: Coverage? = nil, ruleCount: Int = 0) {
    self.findings = findings.sorted(by: Finding.order)
    self.coverage = coverage
    self.ruleCount = ruleCount
  }

  /// The report of a base the loader refused: one finding per load problem.
  public init(loadFailure: Diagnostics) {
    self.init(findings: loadFailure.diagnostics.map(Finding.init))
  }

  /// True when some finding is an error (`myco rules check` then exits non-zero).
  public var hasErrors: Bool { findings.contains { $0.severity == .error } }

  /// How many findings of a severity.
  public func count(_ severity: Finding.Severity) -> Int { findings.filter { $0.severity == severity }.count }

  /// One line per finding, the coverage matrix, and a summary line.
  public func text(language: Language) -> String {
    var text = findings.map { $0.line(language: language) + "\n" }.joined()
    if let coverage { text += (text.isEmpty ? "" : "\n") + coverage.text(language: language) }
    let (errors, warnings, infos) = (count(.error), count(.warning), count(.info))
    if coverage == nil && hasErrors {
      text +=
        language == .zh
        ? "\n规则库未能载入：\(errors) 个错误（先改正这些错误，才能做其余的检查）\n"
        : "\nthe rule base did not load: \(errors) error\(errors == 1 ? "" : "s") (fix them to run the other checks)\n"
      return text
    }
    let weak = findings.filter { $0.kind == .weakSources }.count
    let weakNote =
      weak == 0
      ? ""
      : language == .zh
        ? "（其中 \(weak) 条规则只有 C 级来源）" : " (\(weak) rule\(weak == 1 ? "" : "s") supported only by grade-C sources)"
    text +=
      language == .zh
      ? "\n检查了 \(ruleCount) 条规则：\(errors) 个错误，\(warnings) 个警告，\(infos) 条提示\(weakNote)\n"
      : "\n\(ruleCount) rules checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) info\(weakNote)\n"
    return text
  }

  /// `{"findings": [...], "coverage": {...}, "rules": N}`; messages in `language`.
  public func json(language: Language) -> String {
    struct Item: Encodable {
      var severity, kind, location, message: String
      var rules: [String]
      var file: String
      var line, column: Int
      var witness: [String: String]?
    }
    struct Document: Encodable {
      var findings: [Item]
      var coverage: Coverage?
      var rules: Int
      var errors, warnings, infos: Int
    }
    let items = findings.map {
      Item(
        severity: $0.severity.rawValue, kind: $0.kind.rawValue, location: $0.location.description,
        message: $0.message.text(in: language), rules: $0.rules, file: $0.location.file, line: $0.location.line,
        column: $0.location.column,
        witness: $0.witness.isEmpty
          ? nil : Dictionary($0.witness.map { ($0.fact, $0.shown) }, uniquingKeysWith: { a, _ in a }))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let document = Document(
      findings: items, coverage: coverage, rules: ruleCount, errors: count(.error), warnings: count(.warning),
      infos: count(.info))
    return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
  }
}
