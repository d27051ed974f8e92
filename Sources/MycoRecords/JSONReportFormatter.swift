/// The yield report as JSON with sorted keys and fixed decimals (weights always in kg).
///
/// `{"groups": [{"key": {...}, "label", "batches", "bags", "fresh_kg", "yield_per_bag_kg",
/// "yield_per_bag_sd", "yield_per_bag_ci95", "be_percent", "be_sd", "be_ci95",
/// "contamination_percent", "flushes", "days_to_first_harvest", "yield_per_bag_kg_by_flush"}],
/// "comparison": {...}, "query": {...}}`.
struct JSONReportFormatter {
  let report: YieldReport

  func render() -> String {
    var root: [String: JSONValue] = [
      "groups": .array(report.groups.map(group)),
      "query": query,
    ]
    if let comparison = report.comparison {
      var object: [String: JSONValue] = [
        "first": .string(comparison.first), "second": .string(comparison.second),
        "summary": .array(report.comparisonSentences.map(JSONValue.string)),
      ]
      object["be_difference"] = test(comparison.be, decimals: 1)
      object["yield_per_bag_difference_kg"] = test(comparison.yieldPerBag, decimals: 3)
      root["comparison"] = .object(object)
    }
    return JSONValue.object(root).serialized(indent: "") + "\n"
  }

  private var query: JSONValue {
    let q = report.query
    return .object([
      "by": .array(q.groupBy.map { .string($0.rawValue) }),
      "variety": q.variety.map(JSONValue.string) ?? .null,
      "from": q.from.map { .string($0.description) } ?? .null,
      "to": q.to.map { .string($0.description) } ?? .null,
      "advice_rule": q.adviceRule.map(JSONValue.string) ?? .null,
    ])
  }

  private func group(_ group: YieldReport.Group) -> JSONValue {
    let c = ReportCells(group, unit: .kg)
    func number(_ text: String) -> JSONValue { text.isEmpty ? .null : .number(text) }
    func interval(_ low: String, _ high: String) -> JSONValue {
      low.isEmpty ? .null : .array([.number(low), .number(high)])
    }
    var byFlush: [String: JSONValue] = [:]
    for (flush, kg) in group.yieldPerBagByFlush {
      byFlush[String(flush)] = .number(NumberText.fixed(kg, 3))
    }
    return .object([
      "key": .object(group.key.mapValues(JSONValue.string)),
      "label": .string(group.label),
      "batches": .number(c.batches),
      "bags": .number(c.bags),
      "fresh_kg": number(c.fresh),
      "yield_per_bag_kg": number(c.yieldPerBag),
      "yield_per_bag_sd": number(c.yieldPerBagSD),
      "yield_per_bag_ci95": interval(c.yieldPerBagLow, c.yieldPerBagHigh),
      "be_percent": number(c.be),
      "be_sd": number(c.beSD),
      "be_ci95": interval(c.beLow, c.beHigh),
      "contamination_percent": number(c.contamination),
      "flushes": number(c.flushes),
      "days_to_first_harvest": number(c.daysToFirstHarvest),
      "yield_per_bag_kg_by_flush": .object(byFlush),
    ])
  }

  private func test(_ test: WelchTest?, decimals: Int) -> JSONValue {
    guard let test else { return .null }
    return .object([
      "difference": .number(NumberText.fixed(test.difference, decimals)),
      "ci95": .array([
        .number(NumberText.fixed(test.interval.lowerBound, decimals)),
        .number(NumberText.fixed(test.interval.upperBound, decimals)),
      ]),
      "t": .number(NumberText.fixed(test.t, 2)),
      "df": .number(NumberText.fixed(test.degreesOfFreedom, 1)),
      "p": .number(NumberText.fixed(test.p, 3)),
    ])
  }
}

/// A JSON value written with sorted keys; numbers are kept as the exact text to print.
enum JSONValue {
  case object([String: JSONValue])
  case array([JSONValue])
  case string(String)
  case number(String)
  case null

  func serialized(indent: String) -> String {
    let inner = indent + "  "
    switch self {
    case .null: return "null"
    case .number(let text): return text
    case .string(let text): return Self.quoted(text)
    case .array(let values):
      if values.isEmpty { return "[]" }
      if values.allSatisfy({ if case .number = $0 { true } else { false } }) {
        return "[" + values.map { $0.serialized(indent: inner) }.joined(separator: ", ") + "]"
      }
      return "[\n" + values.map { inner + $0.serialized(indent: inner) }.joined(separator: ",\n")
        + "\n" + indent + "]"
    case .object(let members):
      if members.isEmpty { return "{}" }
      let sorted = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      return "{\n"
        + sorted.map { inner + Self.quoted($0) + ": " + members[$0]!.serialized(indent: inner) }
        .joined(separator: ",\n") + "\n" + indent + "}"
    }
  }

  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
