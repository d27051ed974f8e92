import MycoCalendar
import Foundation
import MycoRecords

/// Writes and reports on the records database for the API and the agent's pages.
struct RecordsService: Sendable {
  let database: any YieldRecords

  func add(batch input: RecordInput, base: LoadedBase) throws(InputError) -> Batch {
    let batch = try input.batch(kbVersion: base.advisor.version)
    let known = Set(base.advisor.knowledge.varieties.map(\.id))
    do { try database.add(batch, knownVarieties: known) } catch {
      throw Self.inputError(error, batch: true, failure: "the batch could not be stored")
    }
    return batch
  }

  func add(harvest input: RecordInput) throws(InputError) -> Harvest {
    let harvest = try input.harvest()
    do { try database.add(harvest) } catch {
      throw Self.inputError(error, batch: false, failure: "the harvest could not be stored")
    }
    return harvest
  }

  /// Records an input or spray; a banned product is refused (422), an unregistered one is stored
  /// with a warning, which is returned.
  func add(input form: RecordInput, base: LoadedBase) throws(InputError) -> Input {
    let input = try form.input()
    do {
      return try database.add(input, checker: base.advisor.knowledge.inputChecker, file: "agent-input")
    } catch {
      throw Self.inputError(error, batch: false, failure: "the input could not be stored")
    }
  }

  func report(_ query: ReportQuery) throws(InputError) -> YieldReport {
    do { return try database.report(query) } catch {
      throw Self.inputError(error, batch: false, failure: "the report could not be made")
    }
  }

  /// What a client is told when the records refuse or fail: a refusal names the bad input; a
  /// storage failure is a plain 500 with `failure`, never the store's own message.
  private static func inputError(_ error: any Error, batch: Bool, failure: String) -> InputError {
    guard let error = error as? YieldRecordsError else { return InputError(status: 500, failure) }
    switch error {
    case .database, .query: return InputError(status: 500, failure)
    default: return error.inputError(batch: batch)
    }
  }

  /// A report query from `by`, `variety`, `from`, `to`, `advice` (as `myco yields report`).
  static func query(_ pairs: [(String, String)]) throws(InputError) -> ReportQuery {
    var values: [String: String] = [:]
    for (key, value) in pairs where !value.isEmpty { values[key] = value }
    var fields: [ReportField] = []
    for name in (values["by"] ?? "").split(separator: ",") {
      let trimmed = name.trimmingCharacters(in: .whitespaces)
      guard let field = ReportField(rawValue: trimmed) else {
        throw InputError(
          "'by': \"\(trimmed)\" is not a field; use \(ReportField.allCases.map(\.rawValue).joined(separator: ", "))",
          field: "by")
      }
      fields.append(field)
    }
    func date(_ key: String) throws(InputError) -> CalendarDate? {
      guard let text = values[key] else { return nil }
      guard let date = CalendarDate(iso: text) else {
        throw InputError("'\(key)' must be a date like 2026-08-15", field: key)
      }
      return date
    }
    let from = try date("from")
    let to = try date("to")
    if fields.contains(.advice), values["advice"] == nil {
      throw InputError("'by=advice' needs 'advice=RULE-ID'", field: "advice")
    }
    if let from, let to, to < from { throw InputError("'to' is before 'from'", field: "to") }
    return ReportQuery(groupBy: fields, variety: values["variety"], from: from, to: to, adviceRule: values["advice"])
  }
}
