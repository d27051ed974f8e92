import Foundation
import MycoCSV
import MycoCalendar
import MycoKnowledge
import MycoUnits

/// One row of a growers CSV that could not be turned into a sheet, named by file and line.
public struct RowFailure: Error, Sendable, Hashable, CustomStringConvertible {
  public var file: String
  /// The line number in the file (the header is line 1).
  public var line: Int
  public var message: String

  /// `growers.csv:7: elevation: "abc" is not a number`
  public var description: String { TerminalText.escaped("\(file):\(line): \(message)") }
}

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

  /// Reads `url`. A missing file, an unknown column or a missing `variety` column throws; bad rows come back as failures.
  /// With `baseURL` (where `myco serve` runs) every sheet carries QR codes to the phone pages.
  public static func read(
    _ url: URL, defaultDate: CalendarDate, language: SheetLanguage = .zh, datePrinted: CalendarDate? = nil,
    contact: String? = nil, baseURL: String? = nil
  ) throws(SheetError) -> (rows: [GrowerRow], failures: [RowFailure]) {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw SheetError("\(url.path): cannot read")
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
  ) throws(SheetError) -> (rows: [GrowerRow], failures: [RowFailure]) {
    // The same reader as the yield records import: a quote that is never closed or a NUL byte
    // is a fault of its row, never a silent merge or cut.
    var reader = CSVReader(bytes: [UInt8](data))
    var header: [String]?
    var headerError: SheetError?
    var rows: [GrowerRow] = []
    var failures: [RowFailure] = []
    reader.forEachRecord { record in
      guard headerError == nil else { return }
      guard let header else {
        if let fault = record.problem {
          headerError = SheetError("\(file):\(fault.line): header: \(fault.message)")
          return
        }
        let names = record.strings.map { ($0 ?? "").trimmingCharacters(in: .whitespaces).lowercased() }
        if let unknown = names.first(where: { !columns.contains($0) }) {
          headerError = SheetError(
            "\(file):\(record.line): unknown column \"\(unknown)\" (columns: \(columns.joined(separator: ", ")))")
        } else if let twice = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
          headerError = SheetError("\(file):\(record.line): column \"\(twice)\" appears twice")
        } else if !names.contains("variety") {
          headerError = SheetError("\(file):\(record.line): the header has no \"variety\" column")
        }
        header = names
        return
      }
      let line = record.line
      if let fault = record.problem {
        let column = fault.field < header.count ? header[fault.field] + ": " : ""
        failures.append(RowFailure(file: file, line: fault.line, message: column + fault.message))
        return
      }
      let cells = record.strings
      if cells.allSatisfy({ ($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty }) { return }
      if cells.count != header.count {
        failures.append(
          RowFailure(
            file: file, line: line, message: "has \(cells.count) fields but the header has \(header.count) columns"))
        return
      }
      var values: [String: String] = [:]
      for (column, cell) in zip(header, cells) {
        guard let cell else {
          failures.append(RowFailure(file: file, line: line, message: "\(column): is not valid UTF-8 text"))
          return
        }
        let value = cell.trimmingCharacters(in: .whitespaces)
        if !value.isEmpty { values[column] = value }
      }
      do {
        var request = try Self.request(values, defaultDate: defaultDate, language: language)
        request.datePrinted = datePrinted
        request.contact = values["contact"] ?? contact
        request.baseURL = baseURL
        rows.append(GrowerRow(line: line, request: request, name: Self.name(line: line, values)))
      } catch {
        failures.append(RowFailure(file: file, line: line, message: String(describing: error)))
      }
    }
    if let headerError { throw headerError }
    if header == nil { throw SheetError("\(file): the file is empty; a header row naming the columns is needed") }
    return (rows, failures)
  }

  static func request(_ values: [String: String], defaultDate: CalendarDate, language: SheetLanguage) throws(SheetError)
    -> SheetRequest
  {
    func number(_ column: String) throws(SheetError) -> Double? {
      guard let text = values[column] else { return nil }
      guard let value = Double(text), value.isFinite else { throw SheetError("\(column): \"\(text)\" is not a number") }
      return value
    }
    guard let variety = values["variety"] else { throw SheetError("variety: missing (every row needs one)") }
    var date = defaultDate
    if let text = values["date"] {
      do { date = try CalendarDate.parse(text) } catch { throw SheetError("date: \(error)") }
    }
    var bag: BagDimensions?
    if let text = values["bag"] {
      guard let parsed = BagDimensions(parsing: text) else {
        throw SheetError("bag: \"\(text)\" is not a size like 15x55")
      }
      bag = parsed
    }
    var rowLanguage = language
    if let text = values["lang"] {
      guard let parsed = SheetLanguage(rawValue: text) else {
        throw SheetError("lang: \"\(text)\" is not zh, en or zh+en")
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
