import GRDB
import MycoCSV
import MycoDiagnostics

/// The inputs CSV file (`inputs.csv`): its columns, and the conversion between a row and an
/// `Input`.
enum InputCSV {
  /// The columns, in the order export writes them.
  static let columns = ["batch_id", "used_on", "kind", "product", "amount", "unit", "target", "note", "warning"]

  /// Columns that must be present in the header.
  static let requiredColumns: Set<String> = ["batch_id", "used_on", "kind", "product"]

  /// Reads an input from a row; nil when a cell does not parse (the row holds the problems).
  static func input(from row: inout CSVRow) -> Input? {
    let batchID = row.text("batch_id", required: true)
    let date = row.date("used_on")
    let kindText = String(row.raw("kind"))
    let kind = InputKind(rawValue: kindText)
    if kind == nil {
      row.report("kind", "\"\(kindText)\" is not a kind of input (spawn, substrate, pesticide, disinfectant or other)")
    }
    let product = row.text("product", required: true)
    let amount = row.number("amount", optional: true)
    let unitText = String(row.raw("unit"))
    let unit = unitText.isEmpty ? nil : InputUnit(rawValue: unitText)
    if !unitText.isEmpty, unit == nil { row.report("unit", "\"\(unitText)\" is not a unit (ml, g, kg or L)") }
    let input = Input(
      batchID: batchID, usedOn: date ?? PlausibleRanges.earliestDate, kind: kind ?? .other, product: product,
      amount: amount, unit: unit, target: row.text("target"), note: row.text("note"), warning: row.text("warning"))
    guard date != nil, kind != nil, row.problems.isEmpty else { return nil }
    let found = input.problems().filter { !($0.message == "is empty" && ["batch_id", "product"].contains($0.column)) }
    for problem in found { row.report(problem.column, problem.message) }
    return found.isEmpty ? input : nil
  }

  /// The cells of an input, in `columns` order.
  static func fields(of input: Input) -> [String] {
    [
      CSVWriter.guarded(input.batchID), input.usedOn.description, input.kind.rawValue, CSVWriter.guarded(input.product),
      input.amount.map(NumberText.plain) ?? "", input.unit?.rawValue ?? "", CSVWriter.guarded(input.target),
      CSVWriter.guarded(input.note), CSVWriter.guarded(input.warning),
    ]
  }
}

extension CSVFiles {
  /// Reads the inputs file's rows into `result.inputs`, problems into `result.problems`.
  func readInputs(into result: inout CSVImport) {
    guard let path = inputsPath else { return }
    Self.forEachRow(
      path: path, bytes: inputBytes, columns: InputCSV.columns, required: InputCSV.requiredColumns,
      into: &result.problems
    ) { record, columns, problems in
      var row = CSVRow(
        file: path, line: record.line, fields: record.strings, columns: columns,
        quoted: record.fields.map(\.quoted))
      defer { problems.append(contentsOf: row.problems) }
      guard let input = InputCSV.input(from: &row) else { return }
      result.inputs.append(SourcedRecord(input, file: path, row: row.line))
    }
  }
}

extension YieldDatabase {
  /// Checks imported inputs against the batches (stored or imported) and the checker: the
  /// problems, and the inputs to write (with the checker's warning stored when the row has none).
  func checkInputs(
    _ inputs: [SourcedRecord<Input>], batches imported: [SourcedRecord<Batch>], checker: InputChecker?,
    _ db: Database
  ) throws -> (problems: [Diagnostic], inputs: [Input], warnings: [Diagnostic]) {
    if inputs.isEmpty { return ([], [], []) }
    var varieties: [String: String] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT id, variety FROM batch") { varieties[row[0]] = row[1] }
    return Self.checkInputs(inputs, batches: imported, storedVarieties: varieties, checker: checker)
  }

  /// `checkInputs` given the variety of each stored batch (`storedVarieties`, id → variety).
  static func checkInputs(
    _ inputs: [SourcedRecord<Input>], batches imported: [SourcedRecord<Batch>],
    storedVarieties: [String: String], checker: InputChecker?
  ) -> (problems: [Diagnostic], inputs: [Input], warnings: [Diagnostic]) {
    var warnings: [Diagnostic] = []
    var varieties = storedVarieties
    for record in imported { varieties[record.value.id] = record.value.variety }
    var problems: [Diagnostic] = []
    var checked: [Input] = []
    for record in inputs {
      guard let variety = varieties[record.value.batchID] else {
        problems.append(record.problem("batch_id", "no batch \"\(record.value.batchID)\" is recorded"))
        continue
      }
      var input = record.value
      switch checker?(input, variety) ?? .fine {
      case .fine: break
      case .warning(let text):
        var warning = record.problem("product", text)
        warning.severity = .warning
        warnings.append(warning)
        if input.warning.isEmpty { input.warning = text }
      case .refused(let reason): problems.append(record.problem("product", reason))
      }
      checked.append(input)
    }
    return (problems, checked, warnings)
  }

  /// Writes checked inputs; the stored inputs of a replaced batch are removed first when the
  /// import brings inputs of that batch (so importing an export again does not double them).
  func insertInputs(_ inputs: [Input], replacedIDs: Set<String>, _ db: Database) throws {
    for id in Set(inputs.map(\.batchID)).intersection(replacedIDs) {
      try db.execute(sql: "DELETE FROM input WHERE batch_id = ?", arguments: [id])
    }
    for input in inputs { try input.insert(db) }
  }
}
