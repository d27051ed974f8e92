import MycoCalendar
import MycoDiagnostics
import MycoXML

/// Which combinations of the coverage axes some rule covers: rows (varieties) × topics, and for
/// the detail topic (timing) rows × detail rows (elevation bands) × detail columns (months).
///
/// A cell is covered when at least one rule on the topic can apply to a situation in it (its box
/// meets the cell's constraints). That is a necessary condition for good coverage, not a proof
/// that every situation in the cell gets advice.
public struct Coverage: Sendable, Hashable, Codable {
  /// One row of the topic matrix.
  public struct Row: Sendable, Hashable, Codable {
    /// The row's value, e.g. a variety id.
    public var id: String
    /// The topics some rule covers for this row.
    public var covered: [String]
    /// The topics no rule covers.
    public var gaps: [String]
  }

  /// One row × detail-row line of the detail matrix.
  public struct DetailRow: Sendable, Hashable, Codable {
    /// The row's value, e.g. a variety id.
    public var row: String
    /// The detail row's value, e.g. an elevation band.
    public var detail: String
    /// The detail columns (e.g. months) covered.
    public var covered: [String]
    /// The detail columns no rule covers.
    public var gaps: [String]
  }

  /// What the rows are, e.g. `variety`.
  public var rowName: String
  /// The topics, the columns of the topic matrix.
  public var topics: [String]
  /// The topic matrix, one row per row value.
  public var rows: [Row]
  /// The topic broken down further (e.g. `timing`), if any.
  public var detailTopic: String?
  /// The detail matrix's columns, e.g. months.
  public var detailColumns: [String]
  /// The detail matrix, one line per row × detail row.
  public var detailRows: [DetailRow]

  /// Computes the coverage of `input`'s rules over `axes`.
  public init(_ input: VerificationInput, axes: CoverageAxes) {
    var byTopic: [String: [Int]] = [:]
    for (index, rule) in input.rules.enumerated() {
      for topic in Set(rule.topics.map { String($0.split(separator: ".").first ?? "") }) {
        byTopic[topic, default: []].append(index)
      }
    }
    func covered(_ topic: String, _ points: [CoverageAxes.Point]) -> Bool {
      var cell = ConditionRegion()
      for point in points { cell = cell.intersection(ConditionRegion(constraints: point.constraints)) }
      return (byTopic[topic] ?? []).contains { index in
        input.regions[index].contains { box in !input.domains.restrict(box.intersection(cell)).isEmpty }
      }
    }
    rowName = axes.rowName
    topics = axes.topics
    rows = axes.rows.map { row in
      let split = Dictionary(grouping: axes.topics) { covered($0, [row]) }
      return Row(id: row.id, covered: split[true] ?? [], gaps: split[false] ?? [])
    }
    detailTopic = axes.detailTopic
    detailColumns = axes.detailColumns.map(\.id)
    detailRows = []
    if let topic = axes.detailTopic {
      for row in axes.rows {
        for detail in axes.detailRows {
          let split = Dictionary(grouping: axes.detailColumns) { covered(topic, [row, detail, $0]) }
          detailRows.append(
            DetailRow(
              row: row.id, detail: detail.id, covered: (split[true] ?? []).map(\.id),
              gaps: (split[false] ?? []).map(\.id)))
        }
      }
    }
  }

  /// The matrices as text: `●` covered, `·` no rule.
  public func text(language: Language) -> String {
    var lines: [String] = []
    let width = max(rows.map(\.id.count).max() ?? 0, rowName.count)
    lines.append(
      language == .zh ? "覆盖矩阵：\(rowName) × 主题（● 有规则，· 没有规则）" : "Coverage: \(rowName) × topic (● some rule, · no rule)")
    lines.append(rowName.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + topics.joined(separator: " "))
    for row in rows {
      let cells = topics.map { topic in
        let mark = row.covered.contains(topic) ? "●" : "·"
        return mark.padding(toLength: topic.count, withPad: " ", startingAt: 0)
      }
      lines.append(row.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + cells.joined(separator: " "))
    }
    if let detailTopic, !detailRows.isEmpty {
      let detailWidth = detailRows.map { $0.row.count + $0.detail.count + 3 }.max() ?? 0
      lines.append("")
      lines.append(
        language == .zh
          ? "覆盖矩阵：\(detailTopic)（\(rowName) × 海拔带 × 月份）" : "Coverage: \(detailTopic) (\(rowName) × band × month)")
      lines.append(
        String(repeating: " ", count: detailWidth) + "  "
          + detailColumns.map { $0.padding(toLength: 2, withPad: " ", startingAt: 0) }.joined(separator: " "))
      for row in detailRows {
        let label = "\(row.row) · \(row.detail)".padding(toLength: detailWidth, withPad: " ", startingAt: 0)
        let cells = detailColumns.map {
          (row.covered.contains($0) ? "●" : "·").padding(toLength: 2, withPad: " ", startingAt: 0)
        }
        lines.append(label + "  " + cells.joined(separator: " "))
      }
    }
    return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
  }
}

/// Reports the gaps of the coverage matrix as `info` findings: one per row with uncovered topics,
/// and one per row × detail row with uncovered columns (only for rows that have some rule at all).
public struct CoveragePass: VerificationPass {
  /// The pass's name and finding kind: `gap`.
  public let name = "gap"

  /// The pass (the axes come from the input's context).
  public init() {}

  /// The gap findings; none when the context has no coverage axes.
  public func run(_ input: VerificationInput) -> [Finding] {
    guard let axes = input.context.coverage else { return [] }
    let coverage = Coverage(input, axes: axes)
    var findings: [Finding] = []
    for row in coverage.rows where !row.gaps.isEmpty {
      findings.append(
        Finding(.info, kind: .gap, rules: [], at: axes.location, .topicGap(coverage.rowName, row.id, row.gaps)))
    }
    for row in coverage.detailRows where !row.gaps.isEmpty && !row.covered.isEmpty {
      findings.append(
        Finding(
          .info, kind: .gap, rules: [], at: axes.location,
          .detailGap(coverage.detailTopic ?? "", coverage.rowName, row.row, row.detail, row.gaps)))
    }
    return findings
  }
}

extension LocalizedText {
  fileprivate static func topicGap(_ axis: String, _ row: String, _ topics: [String]) -> Self {
    Self(
      zh: "\(axis) \(row)：没有规则给出以下主题的建议：\(topics.joined(separator: "、"))",
      en: "\(axis) \(row): no rule gives advice on \(topics.joined(separator: ", "))")
  }

  fileprivate static func detailGap(
    _ topic: String, _ axis: String, _ row: String, _ detail: String, _ columns: [String]
  ) -> Self {
    Self(
      zh: "\(axis) \(row)，\(detail)：没有\(topic)规则覆盖这些月份：\(columns.joined(separator: " "))",
      en: "\(axis) \(row), \(detail): no \(topic) rule covers months \(columns.joined(separator: " "))")
  }
}
