import MycoCalendar
import MycoDiagnostics
import MycoXML

/// One thing the verifier found in a rule base: what kind, how bad, which rules, where, and why.
///
/// Findings are values (`Sendable`, `Hashable`, `Codable`) so tests compare them directly and the
/// CLI prints them as `FILE:LINE:COLUMN: severity: [kind] message (rules: a, b)`.
public struct Finding: Sendable, Hashable, Codable {
  /// Error, warning or info, as for load problems.
  public typealias Severity = Diagnostic.Severity

  /// One fact value of a witness situation.
  public struct WitnessValue: Sendable, Hashable, Codable {
    /// The fact's name.
    public var fact: String
    /// Its value in the witness, in the base unit.
    public var value: Value
    /// The value as people read it (with its unit or label).
    public var shown: String
  }

  /// How bad it is: an error fails `myco rules check`.
  public var severity: Severity
  /// What kind of finding; its raw value (`conflict`, `unknown-fact`) is the short machine name.
  public var kind: Diagnostic.Kind
  /// The rules involved; the first is the one the finding is about.
  public var rules: [String]
  /// Where to look: the rule (or declaration) the finding is about.
  public var location: SourceLocation
  /// What was found, in Chinese and English.
  public var message: LocalizedText
  /// For conflicts: a situation in which the rules involved all apply (one value per tested fact).
  public var witness: [WitnessValue]

  /// A finding of `kind` about `rules` at `location`.
  public init(
    _ severity: Severity, kind: Diagnostic.Kind, rules: [String], at location: SourceLocation, _ message: LocalizedText,
    witness: [WitnessValue] = []
  ) {
    self.severity = severity
    self.kind = kind
    self.rules = rules
    self.location = location
    self.message = message
    self.witness = witness
  }

  /// `FILE:LINE:COLUMN: severity: [kind] message (rules: a, b)`.
  public func line(language: Language) -> String {
    let rules = self.rules.isEmpty ? "" : " (rules: \(self.rules.joined(separator: ", ")))"
    return "\(location): \(severity.rawValue): [\(kind.rawValue)] \(message.text(in: language))\(rules)"
  }

  /// File, line, column, then kind and rules: the order findings are printed in.
  static func order(_ a: Finding, _ b: Finding) -> Bool {
    (a.location.file, a.location.line, a.location.column, a.kind.rawValue, a.rules.joined(separator: ","))
      < (b.location.file, b.location.line, b.location.column, b.kind.rawValue, b.rules.joined(separator: ","))
  }
}

extension Finding {
  /// A load problem (schema or reference error, duplicate id, cycle) as a finding.
  ///
  /// A loader's message that is English only gets a Chinese one naming the kind in Chinese and keeping
  /// the English detail (fact and value names are the same in both languages).
  public init(_ diagnostic: Diagnostic) {
    var message = diagnostic.message
    if message.byLanguage["zh"] == nil {
      let kind = diagnostic.kind.rawValue
      let label = Self.kindLabels[kind] ?? (kind.hasPrefix("xml-") ? "XML 文件错误" : "规则错误")
      message.byLanguage["zh"] = "\(label)：\(message.english)"
    }
    self.init(
      diagnostic.severity, kind: diagnostic.kind, rules: diagnostic.rules,
      at: diagnostic.location ?? SourceLocation(file: ""),
      message)
  }

  private static let kindLabels: [String: String] = [
    "unknown-fact": "未声明的事实",
    "unknown-value": "事实没有这个取值",
    "wrong-unit": "单位的量纲不对",
    "unknown-unit": "不认识的单位",
    "wrong-type": "事实类型不对",
    "duplicate-id": "规则编号重复",
    "missing-source": "缺少出处",
    "missing-text": "缺少中文或英文文字",
    "cycle": "推导出的事实循环依赖",
    "bad-number": "不是数字",
    "bad-range": "范围不完整",
    "missing-topic": "缺少主题",
    "missing-conclusion": "缺少结论",
    "missing-condition": "缺少条件",
    "empty-condition": "条件为空",
    "two-comparisons": "一个条件里有两个比较",
    "no-comparison": "条件没有比较",
    "missing-file": "找不到文件",
  ]
}
