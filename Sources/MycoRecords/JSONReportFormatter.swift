/// The yield report as JSON with sorted keys and numbers at full precision (weights always in
/// kg): rounding is for the text, CSV and HTML reports, which people read.
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
      object["be_difference"] = test(comparison.be)
      object["yield_per_bag_difference_kg"] = test(comparison.yieldPerBag)
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
    func interval(_ range: ClosedRange<Double>?) -> JSONValue {
      range.map { .array([.exact($0.lowerBound), .exact($0.upperBound)]) } ?? .null
    }
    var byFlush: [String: JSONValue] = [:]
    for (flush, kg) in group.yieldPerBagByFlush {
      byFlush[String(flush)] = .exact(kg)
    }
    return .object([
      "key": .object(group.key.mapValues(JSONValue.string)),
      "label": .string(group.label),
      "batches": .number(String(group.batches)),
      "bags": .number(String(group.bags)),
      "fresh_kg": .exact(group.freshKg),
      "yield_per_bag_kg": .exact(group.yieldPerBagKg),
      "yield_per_bag_sd": .exact(group.yieldPerBagSD),
      "yield_per_bag_ci95": interval(group.yieldPerBagInterval),
      "be_percent": .exact(group.bePercent),
      "be_sd": .exact(group.beSD),
      "be_ci95": interval(group.beInterval),
      "contamination_percent": .exact(group.contaminationPercent),
      "flushes": .exact(group.flushes),
      "days_to_first_harvest": .exact(group.daysToFirstHarvest),
      "yield_per_bag_kg_by_flush": .object(byFlush),
    ])
  }

  private func test(_ test: WelchTest?) -> JSONValue {
    guard let test else { return .null }
    return .object([
      "difference": .exact(test.difference),
      "ci95": .array([.exact(test.interval.lowerBound), .exact(test.interval.upperBound)]),
      "t": .exact(test.t),
      "df": .exact(test.degreesOfFreedom),
      "p": .exact(test.p),
    ])
  }
}

extension JSONValue {
  /// A number at full precision (the shortest text that reads back as the same `Double`);
  /// null when it is nil, infinite or NaN, which JSON cannot carry.
  static func exact(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    return .number(NumberText.plain(value))
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
