import MycoCalendar
import MycoDiagnostics
import MycoUnits

/// One record of a CSV file, read by column name, that collects a `Diagnostic` for every
/// cell that does not parse.
struct CSVRow {
  let file: String
  let line: Int
  let fields: [String?]
  let columns: [String: Int]
  /// Whether each field was written in quotes (then its text is kept exactly, spaces too).
  let quoted: [Bool]
  private(set) var problems: [Diagnostic] = []

  init(file: String, line: Int, fields: [String?], columns: [String: Int], quoted: [Bool] = []) {
    self.file = file
    self.line = line
    self.fields = fields
    self.columns = columns
    self.quoted = quoted
    if fields.count != columns.count {
      report(
        "(row)", "has \(fields.count) fields but the header has \(columns.count) columns")
    }
  }

  mutating func report(_ column: String, _ message: String) {
    problems.append(Diagnostic.record(file: file, row: line, column: column, message: message))
  }

  /// Whether the file has this column.
  func has(_ column: String) -> Bool { columns[column] != nil }

  /// The raw cell, trimmed of spaces and tabs (unless `exact` and the cell is quoted); ""
  /// when the column or the cell is absent.
  mutating func raw(_ column: String, exact: Bool = false) -> Substring {
    guard let index = columns[column], index < fields.count else { return "" }
    guard let field = fields[index] else {
      report(column, "is not valid UTF-8 text")
      return ""
    }
    if exact, index < quoted.count, quoted[index] { return Substring(field) }
    return Substring(field).trimmed()
  }

  /// A text cell, with the export's formula guard removed. An unquoted cell is trimmed of
  /// spaces and tabs at both ends; a quoted one is kept exactly (export quotes every text
  /// that starts or ends with one, so export → import → export keeps them).
  mutating func text(_ column: String, required: Bool = false) -> String {
    let cell = raw(column, exact: true)
    if required, cell.isEmpty { report(column, "is empty") }
    return CSVWriter.unguard(String(cell))
  }

  /// A decimal number; nil (and a problem unless optional) when empty or not a number.
  mutating func number(_ column: String, optional: Bool = false) -> Double? {
    let cell = raw(column)
    if cell.isEmpty {
      if !optional { report(column, "is empty") }
      return nil
    }
    guard let value = NumberText.parse(cell) else {
      report(column, "\"\(cell)\" is not a number")
      return nil
    }
    return value
  }

  /// A whole number; `defaultValue` when empty and one is given.
  mutating func integer(_ column: String, defaultValue: Int? = nil) -> Int? {
    let cell = raw(column)
    if cell.isEmpty {
      if defaultValue == nil { report(column, "is empty") }
      return defaultValue
    }
    guard let value = Int(cell) else {
      report(column, "\"\(cell)\" is not a whole number")
      return nil
    }
    return value
  }

  /// An ISO date `YYYY-MM-DD`.
  mutating func date(_ column: String) -> CalendarDate? {
    let cell = raw(column)
    if cell.isEmpty {
      report(column, "is empty")
      return nil
    }
    do { return try CalendarDate.parse(cell) } catch {
      switch error.reason {
      case .notADate: report(column, "\"\(cell)\" is not a date written YYYY-MM-DD")
      case .outsideSupportedYears: report(column, "\(error)")
      }
      return nil
    }
  }

  /// A bag size `15x55`.
  mutating func bagSize(_ column: String) -> BagDimensions? {
    let cell = raw(column)
    if cell.isEmpty {
      report(column, "is empty")
      return nil
    }
    guard let size = BagDimensions(parsing: cell) else {
      report(column, "\"\(cell)\" is not \(BagDimensions.expectedForm)")
      return nil
    }
    return size
  }
}
