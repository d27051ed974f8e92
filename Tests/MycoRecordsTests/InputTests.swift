import Foundation
import MycoCalendar
import MycoRecords
import Testing

/// Inputs and sprays of a batch (生产档案): stored with the batch, checked, refused or warned.
@Suite struct InputTests {
  private func database() throws -> YieldDatabase {
    let db = try YieldDatabase.inMemory()
    let folder = try TemporaryFolder()
    let path = try folder.write("b.csv", handBatches)
    try db.importCSV(CSVFiles(batchesPath: path, harvestsPath: nil), knownVarieties: knownVarieties, replace: false)
    return db
  }

  private func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

  @Test func storesInputsInDateOrderWithTheirBatch() throws {
    let db = try database()
    try db.add(Input(batchID: "A1", usedOn: day("2024-10-02"), kind: .pesticide, product: "灭蝇胺", amount: 20, unit: .ml, target: "small-flies"))
    try db.add(Input(batchID: "A1", usedOn: day("2024-08-20"), kind: .spawn, product: "L808 spawn", amount: 30, unit: .kg))
    try db.add(Input(batchID: "A2", usedOn: day("2024-09-01"), kind: .substrate, product: "sawdust"))
    let inputs = try db.inputs(batch: "A1")
    #expect(inputs.map(\.product) == ["L808 spawn", "灭蝇胺"])
    #expect(inputs[1].amount == 20 && inputs[1].unit == .ml && inputs[1].target == "small-flies")
    #expect(try db.inputs().count == 3)
  }

  @Test func refusedProductWritesNothingAndWarningIsStored() throws {
    let db = try database()
    let checker: InputChecker = { input, variety in
      if input.product.contains("甲胺磷") { return .refused("甲胺磷 is on the banned list") }
      return .warning("not registered for \(variety)")
    }
    #expect(throws: YieldRecordsError.self) {
      try db.add(Input(batchID: "A1", usedOn: day("2024-10-02"), kind: .pesticide, product: "40%甲胺磷"), checker: checker)
    }
    do {
      try db.add(Input(batchID: "A1", usedOn: day("2024-10-02"), kind: .pesticide, product: "40%甲胺磷"), checker: checker)
    } catch let error as YieldRecordsError {
      #expect(error.description == "add-input: --product: 甲胺磷 is on the banned list")
    }
    let stored = try db.add(Input(batchID: "A1", usedOn: day("2024-10-03"), kind: .pesticide, product: "X"), checker: checker)
    #expect(stored.warning == "not registered for shiitake")
    #expect(try db.inputs(batch: "A1") == [stored])
  }

  @Test func badInputsAreRefusedWithTheOptionNamed() throws {
    let db = try database()
    let cases: [(Input, String)] = [
      (Input(batchID: "NOPE", usedOn: day("2024-10-02"), kind: .other, product: "lime"), "--batch: no batch \"NOPE\" is recorded"),
      (Input(batchID: "A1", usedOn: day("2024-10-02"), kind: .other, product: " "), "--product: is empty"),
      (Input(batchID: "A1", usedOn: day("2024-10-02"), kind: .other, product: "lime", amount: -1, unit: .kg), "--amount: must be more than 0, not -1"),
      (Input(batchID: "A1", usedOn: day("2024-10-02"), kind: .other, product: "lime", amount: 1e9, unit: .kg), "--amount: 1000000000 kg is not a plausible amount for one use (0.001–100000 kg)"),
      (Input(batchID: "A1", usedOn: day("2024-10-02"), kind: .other, product: "lime", amount: 2), "--unit: is missing: give the amount's unit (ml, g, kg or L)"),
      (Input(batchID: "A1", usedOn: day("2199-10-02"), kind: .other, product: "lime"), "--date: 2199-10-02 is after "),
    ]
    for (input, message) in cases {
      do {
        try db.add(input)
        Issue.record("accepted \(input)")
      } catch let error as YieldRecordsError {
        #expect(error.description.hasPrefix("add-input: " + message))
      }
    }
    #expect(try db.inputs().isEmpty)
  }
}
