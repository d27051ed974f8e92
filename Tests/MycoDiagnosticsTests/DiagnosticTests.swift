import MycoCalendar
import MycoDiagnostics
import Testing

/// The one error model: where a problem is, and how it prints.
@Suite struct DiagnosticTests {
  @Test func aLocationPrintsAsMuchAsIsKnown() {
    #expect(SourceLocation(file: "Rules/x.xml", line: 3, column: 5).description == "Rules/x.xml:3:5")
    #expect(SourceLocation(file: "batches.csv", row: 7).description == "batches.csv:7")
    #expect(SourceLocation(file: "add-batch").description == "add-batch")
  }

  @Test func aDiagnosticPrintsItsPlaceSeverityFieldAndMessage() {
    // Given a problem in an XML file, one in a CSV row about one column, one about a typed record, one about a value
    let xml = Diagnostic(kind: .unknownFact, at: SourceLocation(file: "r.xml", line: 2, column: 4), "no such fact")
    let row = Diagnostic(
      kind: .badRecord, at: SourceLocation(file: "batches.csv", row: 7), field: "elevation_m", "\"abc\" is not a number"
    )
    let typed = Diagnostic(kind: .badRecord, at: SourceLocation(file: "add-batch"), field: "--bags", "is not a number")
    let value = Diagnostic(kind: .unknownVariety, "unknown variety 'truffle'")
    // Then each prints only the parts it has
    #expect(xml.description == "r.xml:2:4: error: no such fact")
    #expect(row.description == "batches.csv:7: error: elevation_m: \"abc\" is not a number")
    #expect(typed.description == "add-batch: error: --bags: is not a number")
    #expect(value.description == "error: unknown variety 'truffle'")
    #expect(value.location == nil)
  }

  @Test func aMessageIsPrintedInTheLanguageAskedForElseEnglish() {
    let both = Diagnostic(.warning, kind: .outOfRange, LocalizedText(zh: "超出范围", en: "out of range"))
    #expect(both.line(in: .zh) == "warning: 超出范围")
    #expect(both.line(in: .en) == "warning: out of range")
    #expect(Diagnostic(kind: .badDate, "bad date").line(in: .zh) == "error: bad date")
  }
}
