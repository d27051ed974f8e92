import Foundation
import MycoCalendar
import MycoDiagnostics
import MycoKnowledge
import Testing
@testable import MycoSheets

/// Issue #10: the growers CSV is read by the records' CSV reader, and one bad row never stops
/// the others.
@Suite struct GrowerCSVTests {
  func write(_ text: String) throws -> (folder: URL, csv: URL) {
    let folder = Fixture.temporaryFolder()
    let csv = folder.appendingPathComponent("growers.csv")
    try Data(text.utf8).write(to: csv)
    return (folder, csv)
  }

  @Test func unclosedQuoteIsAFailureOfTheRowItOpensOn() throws {
    let (folder, csv) = try write(
      "grower,variety,elevation\n农户甲,shiitake,1200\n\"农户乙,shiitake,900\n农户丙,shiitake,800\n农户丁,oyster,700\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    let (rows, failures) = try GrowerCSV.read(csv, defaultDate: CalendarDate(iso: "2026-08-01")!)
    #expect(rows.map(\.line) == [2])
    #expect(
      failures.map(\.description) == [
        "growers.csv:3: error: grower: a quoted field opens here and is never closed (a missing \")"
      ])
  }

  @Test func nulByteIsAFailureOfItsRow() throws {
    let (folder, csv) = try write("grower,variety\nA\u{0}B,shiitake\nC,oyster\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    let (rows, failures) = try GrowerCSV.read(csv, defaultDate: CalendarDate(iso: "2026-08-01")!)
    #expect(rows.map(\.line) == [3])
    #expect(failures.map(\.description) == ["growers.csv:2: error: grower: contains a NUL byte"])
  }

  @Test func badRowsNeverStopTheOthers() throws {
    // A date in year 1, an unknown variety and a short row between good rows.
    let (folder, csv) = try write(
      """
      grower,variety,elevation,date
      A,shiitake,1200,2026-08-20
      B,shiitake,1200,0001-01-01
      C,no-such-variety,900,2026-08-20
      D,oyster
      E,oyster,700,2026-09-01

      """)
    defer { try? FileManager.default.removeItem(at: folder) }
    let (rows, failures) = try GrowerCSV.read(csv, defaultDate: CalendarDate(iso: "2026-08-01")!)
    let result = BatchPrinter(writer: SheetWriter(maker: Fixture.maker), jobs: 2)
      .print(rows, failures: failures, file: "growers.csv", to: folder.appendingPathComponent("out"), format: .html)
    #expect(result.written.map(\.line) == [2, 6])
    #expect(result.failures.map(\.location?.line) == [3, 4, 5])
    #expect(result.failures.allSatisfy { $0.description.hasPrefix("growers.csv:\($0.location?.line ?? 0): error: ") })
    #expect(result.failures[0].description == "growers.csv:3: error: date: '0001-01-01' is outside the years 1900–2200")
    #expect(result.failures[2].description == "growers.csv:5: error: has 2 fields but the header has 4 columns")
    #expect(result.summary.contains("printed 2 of 5 sheets"))
  }

  @Test func headerFaultsThrowWithTheLine() throws {
    let (folder, csv) = try write("grower,variety,grower\nA,shiitake,B\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: Diagnostic.self) { try GrowerCSV.read(csv, defaultDate: CalendarDate(iso: "2026-08-01")!) }
    let (emptyFolder, empty) = try write("")
    defer { try? FileManager.default.removeItem(at: emptyFolder) }
    #expect(throws: Diagnostic.self) { try GrowerCSV.read(empty, defaultDate: CalendarDate(iso: "2026-08-01")!) }
  }
}
