import Foundation
import MycoCalendar
import MycoKnowledge
import MycoSheets
import Testing

/// A growers-CSV row dated outside 1900–2200 is a failure naming the row and the range; the
/// other rows still come back.
@Suite struct GrowerDateLimitTests {
  @Test func aRowDatedInTheYearOneFailsAndTheOthersRemain() throws {
    let csv = "variety,elevation,date\nshiitake,300,0001-01-01\nshiitake,300,2026-08-15\n"
    let table = try GrowerCSV.read(
      data: Data(csv.utf8), name: "growers.csv", defaultDate: CalendarDate(year: 2026, month: 8, day: 15)!)
    #expect(
      table.failures.map(\.description) == ["growers.csv:2: error: date: '0001-01-01' is outside the years 1900–2200"])
    #expect(table.rows.map(\.line) == [3])
  }
}
