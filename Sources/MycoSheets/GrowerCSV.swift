import Foundation
import MycoCSV
import MycoCalendar
import MycoDiagnostics
import MycoKnowledge
import MycoUnits

/// One printable row of a growers CSV.
public struct GrowerRow: Sendable, Hashable {
  public var line: Int
  public var request: SheetRequest
  /// The file name for this row's sheet, without extension: `07-A-001` (line, then batch id or grower).
  public var name: String
}

/// Reads a growers CSV: one grower's situation per row, with a header naming the columns.
///
/// Columns (any order; only `variety` is required): see ``columns``. Empty cells are unknown facts.
/// `symptoms` holds several ids separated by `;`. A row with a bad value is reported with its
/// line number and skipped; the other rows still print.
public enum GrowerCSV {
  /// The columns a growers CSV may have.
  public static let columns = [
    "grower", "village", "batch-id", "variety", "strain", "elevation", "date", "bag", "substrate", "stage", "facility",
    "temperature", "bag-temperature", "humidity", "day-night-difference", "symptoms", "lang", "contact",
  ]

  /// Reads `url`. A missing file, an unknown column or a missing `variety` column throws; bad rows come back as
  /// failures (kind ``Diagnostic/Kind/badRecord`` at `FILE:ROW`, naming the column when there is one).
  /// With `baseURL` (where `myco serve` runs) every sheet carries QR codes to the phone pages.
  public static func read(
    _ url: URL, defaultDate: CalendarDate, language: SheetLanguage = .zh, datePrinted: CalendarDate? = nil,
    contact: String? = nil, baseURL: String? = nil
  ) throws(Diagnostic) -> (rows: [GrowerRow], failures: [Diagnostic]) {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw Diagnostic(kind: .unreadableFile, at: SourceLocation(file: url.path), "cannot read")
    }
    return try read(
      data: data, name: url.lastPathComponent, defaultDate: defaultDate, language: language, datePrinted: datePrinted,
      contact: contact, baseURL: baseURL)
  }

  /// Reads a growers CSV held in memory; `name` is the file name its messages show.
  /// With `baseURL` every sheet carries QR codes to the phone pages (see ``SheetRequest/baseURL``).
  public static func read(
    data: Data, name file: String, defaultDate: CalendarDate, language: SheetLanguage = .zh,
    datePrinted: CalendarDate? = nil, contact: String? = nil, baseURL: String? = nil
  ) throws(Diagnostic) -> (rows: [GrowerRow], failures: [Diagnostic]) {
    // The same reader as the yield records import: a quote that is never closed or a NUL byte
    // is a fault of its row, never a silent merge or cut.
    var reader = CSVReader(bytes: [UInt8](data))
    var header: [String]?
    var headerError: Diagnostic?
    var rows: [GrowerRow] = []
    var failures: [Diagnostic] = []
    reader.forEachRecord { record in
      guard headerError == nil else { return }
      guard let header else {
        if let fault = record.problem {
          headerError = Diagnostic(
            kind: .badHeader, at: SourceLocation(file: file, row: fault.line), field: "header", fault.message)
          return
        }
        let names = record.strings.map { ($0 ?? "").trimmingCharacters(in: .whitespaces).lowercased() }
        if let unknown = names.first(where: { !columns.contains($0) }) {
          headerError = Diagnostic(
            kind: .badHeader, at: SourceLocation(file: file, row: record.line),
            "unknown column \"\(unknown)\" (columns: \(columns.joined(separator: ", ")))")
        } else if let twice = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
          headerError = Diagnostic(
            kind: .badHeader, at: SourceLocation(file: file, row: record.line), "column \"\(twice)\" appears twice")
        } else if !names.contains("variety") {
          headerError = Diagnostic(
            kind: .badHeader, at: SourceLocation(file: file, row: record.line), "the header has no \"variety\" column")
        }
        header = names
        return
      }
      let line = record.line
      if let fault = record.problem {
        let column = fault.field < header.count ? header[fault.field] : nil
        failures.append(
          Diagnostic(kind: .badRecord, at: SourceLocation(file: file, row: fault.line), field: column, fault.message))
        return
      }
      let cells = record.strings
      if cells.allSatisfy({ ($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty }) { return }
      if cells.count != header.count {
        failures.append(
          Diagnostic(
            kind: .badRecord, at: SourceLocation(file: file, row: line),
            "has \(cells.count) fields but the header has \(header.count) columns"))
        return
      }
      var values: [String: String] = [:]
      for (column, cell) in zip(header, cells) {
        guard let cell else {
          failures.append(
            Diagnostic(
              kind: .badRecord, at: SourceLocation(file: file, row: line), field: column, "is not valid UTF-8 text"))
          return
        }
        let value = cell.trimmingCharacters(in: .whitespaces)
        if !value.isEmpty { values[column] = value }
      }
      do throws(Diagnostic) {
        var request = try Self.request(values, defaultDate: defaultDate, language: language)
        request.datePrinted = datePrinted
        request.contact = values["contact"] ?? contact
        request.baseURL = baseURL
        rows.append(GrowerRow(line: line, request: request, name: Self.name(line: line, values)))
      } catch {
        failures.append(Diagnostic.atRow(line, of: file, error))
      }
    }
    if let headerError { throw headerError }
    if header == nil {
      throw Diagnostic(
        kind: .badHeader, at: SourceLocation(file: file), "the file is empty; a header row naming the columns is needed"
      )
    }
    return (rows, failures)
  }

  static func request(_ values: [String: String], defaultDate: CalendarDate, language: SheetLanguage) throws(Diagnostic)
    -> SheetRequest
  {
    func number(_ column: String) throws(Diagnostic) -> Double? {
      guard let text = values[column] else { return nil }
      guard let value = Double(text), value.isFinite else {
        throw Diagnostic(kind: .badRecord, field: column, "\"\(text)\" is not a number")
      }
      return value
    }
    guard let variety = values["variety"] else {
      throw Diagnostic(kind: .badRecord, field: "variety", "missing (every row needs one)")
    }
    var date = defaultDate
    if let text = values["date"] {
      do { date = try CalendarDate.parse(text) } catch { throw Diagnostic(kind: .badRecord, field: "date", "\(error)") }
    }
    var bag: BagDimensions?
    if let text = values["bag"] {
      guard let parsed = BagDimensions(parsing: text) else {
        throw Diagnostic(kind: .badRecord, field: "bag", "\"\(text)\" is not \(BagDimensions.expectedForm)")
      }
      bag = parsed
    }
    var rowLanguage = language
    if let text = values["lang"] {
      guard let parsed = SheetLanguage(rawValue: text) else {
        throw Diagnostic(kind: .badRecord, field: "lang", "\"\(text)\" is not zh, en or zh+en")
      }
      rowLanguage = parsed
    }
    let symptoms = values["symptoms"].map { text in
      Set(
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
          !$0.isEmpty && $0 != "none"
        })
    }
    let situation = Situation(
      variety: variety, strain: values["strain"], elevation: try number("elevation"), date: date, bag: bag,
      substrate: values["substrate"], stage: values["stage"], facility: values["facility"],
      temperature: try number("temperature"), bagTemperature: try number("bag-temperature"),
      humidity: try number("humidity"), dayNightDifference: try number("day-night-difference"), symptoms: symptoms)
    return SheetRequest(
      situation: situation, grower: values["grower"], village: values["village"], batchID: values["batch-id"],
      language: rowLanguage)
  }

  /// `07-A-001`: the line number, then the batch id or grower, with characters unsafe in file names replaced.
  static func name(line: Int, _ values: [String: String]) -> String {
    let label = values["batch-id"] ?? values["grower"] ?? ""
    let safe = String(label.map { "/\\:*?\"<>| ".contains($0) ? "_" : $0 }.prefix(40))
    let number = line < 10 ? "0\(line)" : "\(line)"
    return safe.isEmpty ? number : "\(number)-\(safe)"
  }
}

extension Diagnostic {
  /// `problem` (about a row's values, or a sheet that could not be made for it) placed at row `line` of `file`.
  static func atRow(_ line: Int, of file: String, _ problem: Diagnostic) -> Diagnostic {
    var placed = problem
    placed.location = SourceLocation(file: file, row: line)
    return placed
  }
}
