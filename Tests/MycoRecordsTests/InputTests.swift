import Foundation
import MycoCalendar
import MycoRecords
import Testing

/// Inputs and sprays of a batch (生产档案): stored with the batch, checked, refused or warned.
@Suite struct InputTests {
  private func database(_ store: Store, _ folder: TemporaryFolder) throws -> any YieldRecords {
    let db = try store.open(folder)
    let path = try folder.write("b.csv", handBatches)
    try db.importCSV(CSVFiles(batchesPath: path, harvestsPath: nil), knownVarieties: knownVarieties, replace: false)
    return db
  }

  private func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

  @Test(arguments: Store.available) func storesInputsInDateOrderWithTheirBatch(store: Store) throws {
    let folder = try TemporaryFolder()
    let db = try database(store, folder)
    try db.add(
      Input(
        batchID: "A1", usedOn: day("2024-10-02"), kind: .pesticide, product: "灭蝇胺", amount: 20, unit: .ml,
        target: "small-flies"))
    try db.add(
      Input(batchID: "A1", usedOn: day("2024-08-20"), kind: .spawn, product: "L808 spawn", amount: 30, unit: .kg))
    try db.add(Input(batchID: "A2", usedOn: day("2024-09-01"), kind: .substrate, product: "sawdust"))
    let inputs = try db.inputs(batch: "A1")
    #expect(inputs.map(\.product) == ["L808 spawn", "灭蝇胺"])
    #expect(inputs[1].amount == 20 && inputs[1].unit == .ml && inputs[1].target == "small-flies")
    #expect(try db.inputs().count == 3)
  }

  @Test(arguments: Store.available) func refusedProductWritesNothingAndWarningIsStored(store: Store) throws {
    let folder = try TemporaryFolder()
    let db = try database(store, folder)
    let checker: InputChecker = { input, variety in
      if input.product.contains("甲胺磷") { return .refused("甲胺磷 is on the banned list") }
      return .warning("not registered for \(variety)")
    }
    #expect(throws: YieldRecordsError.self) {
      try db.add(Input(batchID: "A1", usedOn: day("2024-10-02"), kind: .pesticide, product: "40%甲胺磷"), checker: checker)
    }
    do {
      try db.add(Input(batchID: "A1", usedOn: day("2024-10-02"), kind: .pesticide, product: "40%甲胺磷"), checker: checker)
    } catch {
      #expect("\(error)" == "add-input: error: --product: 甲胺磷 is on the banned list")
    }
    let stored = try db.add(
      Input(batchID: "A1", usedOn: day("2024-10-03"), kind: .pesticide, product: "X"), checker: checker)
    #expect(stored.warning == "not registered for shiitake")
    #expect(try db.inputs(batch: "A1") == [stored])
  }

  @Test(arguments: Store.available) func badInputsAreRefusedWithTheOptionNamed(store: Store) throws {
    let folder = try TemporaryFolder()
    let db = try database(store, folder)
    let cases: [(Input, String)] = [
      (
        Input(batchID: "NOPE", usedOn: day("2024-10-02"), kind: .other, product: "lime"),
        "--batch: no batch \"NOPE\" is recorded"
      ),
      (Input(batchID: "A1", usedOn: day("2024-10-02"), kind: .other, product: " "), "--product: is empty"),
      (
        Input(batchID: "A1", usedOn: day("2024-10-02"), kind: .other, product: "lime", amount: -1, unit: .kg),
        "--amount: must be more than 0, not -1"
      ),
      (
        Input(batchID: "A1", usedOn: day("2024-10-02"), kind: .other, product: "lime", amount: 1e9, unit: .kg),
        "--amount: 1000000000 kg is not a plausible amount for one use (0.001–100000 kg)"
      ),
      (
        Input(batchID: "A1", usedOn: day("2024-10-02"), kind: .other, product: "lime", amount: 2),
        "--unit: is missing: give the amount's unit (ml, g, kg or L)"
      ),
      (Input(batchID: "A1", usedOn: day("2199-10-02"), kind: .other, product: "lime"), "--date: 2199-10-02 is after "),
    ]
    for (input, message) in cases {
      do {
        try db.add(input)
        Issue.record("accepted \(input)")
      } catch {
        #expect("\(error)".hasPrefix("add-input: error: " + message))
      }
    }
    #expect(try db.inputs().isEmpty)
  }

  static let inputHeader = "batch_id,used_on,kind,product,amount,unit,target,note,warning\n"

  @Test(arguments: Store.available) func inputsCSVExportImportExportIsLossless(store: Store) throws {
    let folder = try TemporaryFolder()
    let db = try database(store, folder)
    try db.add(
      Input(
        batchID: "A1", usedOn: day("2024-08-20"), kind: .spawn, product: "L808, \"fresh\"", amount: 30.25, unit: .kg))
    try db.add(
      Input(
        batchID: "A1", usedOn: day("2024-10-02"), kind: .pesticide, product: "=灭蝇胺", amount: 20, unit: .ml,
        target: "small-flies", note: " two rows ", warning: "check the label"))
    try db.add(Input(batchID: "B2", usedOn: day("2024-07-01"), kind: .disinfectant, product: "lime"))
    try db.exportCSV(to: folder.path + "/first")
    let copy = try store.open(folder, name: "memory")
    let first = folder.path + "/first/"
    let summary = try copy.importCSV(
      CSVFiles(
        batchesPath: first + "batches.csv", harvestsPath: first + "harvests.csv", inputsPath: first + "inputs.csv"),
      knownVarieties: knownVarieties, replace: false)
    #expect(summary.inputsAdded == 3)
    #expect(try copy.inputs() == db.inputs())
    try copy.exportCSV(to: folder.path + "/second")
    #expect(try folder.read("first/inputs.csv") == folder.read("second/inputs.csv"))
  }

  @Test(arguments: Store.available) func oneBadInputRowImportsNothingAndNamesTheRow(store: Store) throws {
    let folder = try TemporaryFolder()
    let db = try database(store, folder)
    let inputs = try folder.write(
      "inputs.csv",
      Self.inputHeader + """
        A1,2024-09-02,spawn,L808,30,kg,,,
        A1,2024-09-03,spray,X,,,,,
        A1,2024-09-04,pesticide,Y,-2,ml,,,
        A1,2024-09-05,pesticide,Z,5,,,,
        NOPE,2024-09-05,other,lime,,,,,

        """)
    #expect {
      try db.importCSV(
        CSVFiles(batchesPath: nil, harvestsPath: nil, inputsPath: inputs), knownVarieties: knownVarieties,
        replace: false)
    } throws: { error in
      let text = "\(error)"
      return text.contains("inputs.csv:3: error: kind: \"spray\" is not a kind of input")
        && text.contains("inputs.csv:4: error: amount: must be more than 0, not -2")
        && text.contains("inputs.csv:5: error: unit: is missing")
    }
    // With the rows fixed, the missing batch is still named and nothing is written.
    let second = try folder.write(
      "inputs2.csv", Self.inputHeader + "A1,2024-09-02,spawn,L808,30,kg,,,\nNOPE,2024-09-05,other,lime,,,,,\n")
    #expect {
      try db.importCSV(
        CSVFiles(batchesPath: nil, harvestsPath: nil, inputsPath: second), knownVarieties: knownVarieties,
        replace: false)
    } throws: { error in
      "\(error)".contains("inputs2.csv:3: error: batch_id: no batch \"NOPE\" is recorded")
    }
    // A refused product refuses the whole file; a warned one is stored with its warning.
    let third = try folder.write(
      "inputs3.csv", Self.inputHeader + "A1,2024-09-02,pesticide,甲胺磷,,,,,\nA1,2024-09-02,pesticide,X,,,,,\n")
    let checker: InputChecker = { input, _ in input.product == "甲胺磷" ? .refused("banned") : .warning("not registered") }
    #expect {
      try db.importCSV(
        CSVFiles(batchesPath: nil, harvestsPath: nil, inputsPath: third), knownVarieties: knownVarieties,
        replace: false, checker: checker)
    } throws: { error in
      "\(error)" == "\(third):2: error: product: banned"
    }
    #expect(try db.inputs().isEmpty)
    let fourth = try folder.write("inputs4.csv", Self.inputHeader + "A1,2024-09-02,pesticide,X,,,,,\n")
    let summary = try db.importCSV(
      CSVFiles(batchesPath: nil, harvestsPath: nil, inputsPath: fourth), knownVarieties: knownVarieties, replace: false,
      checker: checker)
    #expect(summary.inputWarnings.map(\.description) == ["\(fourth):2: warning: product: not registered"])
    #expect(try db.inputs().map(\.warning) == ["not registered"])
  }
}
