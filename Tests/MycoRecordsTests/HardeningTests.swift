import Foundation
import MycoCSV
import Testing
@testable import MycoRecords

/// Issue #10: careless and hostile CSV files and values are refused with their row.
@Suite struct HardeningTests {
  /// Ten batch rows, A1…A10.
  static func tenBatches(_ replace: (Int, String) -> String = { $1 }) -> String {
    batchHeader
      + (1...10).map { n in
        replace(n, "A\(n),Grower A,,700,shiitake,,,15x55,1.0,10,2024-09-01,,0,,,")
      }.joined(separator: "\n") + "\n"
  }

  @Test func unclosedQuoteIsRefusedNamingTheRowItOpensOn() throws {
    // Row 3 (line 4) opens a quote in `grower` that is never closed: it would fold rows 4–10
    // into one field.
    let folder = try TemporaryFolder()
    let batches = try folder.write(
      "batches.csv", Self.tenBatches { n, row in n == 3 ? row.replacing("Grower A", with: "\"Grower A") : row })
    let database = try YieldDatabase.open(path: folder.path + "/records.sqlite")
    let files = try CSVFiles(batchesPath: batches, harvestsPath: nil)
    #expect {
      try database.importCSV(files, knownVarieties: knownVarieties, replace: false)
    } throws: {
      "\($0)" == "\(batches):4: grower: a quoted field opens here and is never closed (a missing \")"
    }
    #expect(try database.batches().isEmpty)
    // The two-step reading says the same.
    let read = try CSVImport.read(batchesPath: batches, harvestsPath: nil, knownVarieties: knownVarieties)
    #expect(read.problems.map(\.description) == [
      "\(batches):4: grower: a quoted field opens here and is never closed (a missing \")"
    ])
  }

  @Test func unclosedQuoteInAHarvestFileImportsNothing() throws {
    let folder = try TemporaryFolder()
    let database = try handDatabase(folder)
    let harvests = try folder.write(
      "more.csv", harvestHeader + "A1,2024-12-20,3,4,A,12\nA1,2024-12-21,3,4,\"A,12\nA2,2024-12-22,3,4,A,12\n")
    let files = try CSVFiles(batchesPath: nil, harvestsPath: harvests)
    #expect {
      try database.importCSV(files, knownVarieties: knownVarieties, replace: false)
    } throws: {
      "\($0)" == "\(harvests):3: grade: a quoted field opens here and is never closed (a missing \")"
    }
    #expect(try database.harvests().count == 8)
  }

  @Test func nulByteInACellIsRefusedWithItsRow() throws {
    let folder = try TemporaryFolder()
    let batches = try folder.write(
      "batches.csv", Self.tenBatches { n, row in n == 5 ? row.replacing("Grower A", with: "Grower\u{0}A") : row })
    let database = try YieldDatabase.open(path: folder.path + "/records.sqlite")
    let files = try CSVFiles(batchesPath: batches, harvestsPath: nil)
    #expect {
      try database.importCSV(files, knownVarieties: knownVarieties, replace: false)
    } throws: {
      "\($0)" == "\(batches):6: grower: contains a NUL byte"
    }
    #expect(try database.batches().isEmpty)
  }

  @Test func readerFlagsFaultsAndKeepsReadingAfterANul() {
    var reader = CSVReader(bytes: Array("a,b\n\"x\u{0}\",y\nc,d\n\"e,f\ng,h\n".utf8))
    var records: [(Int, [String?], CSVReader.Problem?)] = []
    reader.forEachRecord { records.append(($0.line, $0.problem == nil ? $0.strings : [], $0.problem)) }
    #expect(records.count == 4)
    #expect(records[1].2 == CSVReader.Problem(line: 2, field: 0, message: "contains a NUL byte"))
    #expect(records[2].1 == ["c", "d"] && records[2].2 == nil)
    #expect(records[3].0 == 4)
    #expect(records[3].2?.line == 4 && records[3].2?.field == 0)
  }
}

@Suite struct ReportHardeningTests {
  @Test func repeatedGroupFieldIsRefusedNotACrash() throws {
    #expect(try ReportField.list("variety, bag-size") == [.variety, .bagSize])
    #expect {
      try ReportField.list("variety,variety")
    } throws: {
      "\($0)" == "\"variety\" is given twice; name each field once."
    }
    // The library itself never traps on a repeated field.
    let folder = try TemporaryFolder()
    let report = try handDatabase(folder).report(ReportQuery(groupBy: [.variety, .variety]))
    #expect(report.groups.map(\.label) == ["shiitake, shiitake"])
  }

  @Test func jsonCarriesFullPrecision() throws {
    // Three batches with 3, 3 and 2 flushes: 2.666…, which the text shows as 2.7.
    let folder = try TemporaryFolder()
    let database = try YieldDatabase.open(path: folder.path + "/records.sqlite")
    let batches = try folder.write(
      "b.csv",
      batchHeader + (1...3).map { "P\($0),G,,,oyster,,,15x55,1,3,2024-01-01,,0,,," }.joined(separator: "\n") + "\n")
    var harvests = harvestHeader
    for (batch, flushes) in [(1, 3), (2, 3), (3, 2)] {
      for flush in 1...flushes { harvests += "P\(batch),2024-02-0\(flush),\(flush),1,,\n" }
    }
    let files = try CSVFiles(batchesPath: batches, harvestsPath: try folder.write("h.csv", harvests))
    try database.importCSV(files, knownVarieties: knownVarieties, replace: false)
    let report = try database.report(ReportQuery())
    #expect(report.rendered(as: .text).contains(" 2.7 "))
    let json = report.rendered(as: .json)
    let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let group = try #require((object["groups"] as? [[String: Any]])?.first)
    #expect(group["flushes"] as? Double == 8.0 / 3.0)
    #expect(json.contains("\"flushes\": 2.6666666666666665,"))
    #expect(json.contains("\"yield_per_bag_kg\": \(report.groups[0].yieldPerBagKg),"))
    #expect(abs((group["yield_per_bag_kg"] as? Double ?? 0) - 8.0 / 9.0) < 1e-12)
  }
}
