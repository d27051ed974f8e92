import Foundation
import MycoTestSupport
import Testing

/// `myco yields …` end to end: records added and imported, reported in every format, exported.
@Suite struct YieldsCommandTests {
  @Test func theSampleRecordsImportAndReportInEveryFormat() throws {
    let folder = try Processes.temporaryFolder("myco-yields")
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try CLI.sampleDatabase(in: folder)

    let text = try CLI.myco(["yields", "report", "--db", database, "--by", "variety"])
    #expect(text.status == 0, "\(text.err)")
    #expect(text.out.contains("shiitake"))
    #expect(text.err.isEmpty, "results go to stdout, nothing to stderr")

    let json = try CLI.myco(["yields", "report", "--db", database, "--by", "variety", "--format", "json"])
    #expect(json.status == 0, "\(json.err)")
    #expect((try? JSONSerialization.jsonObject(with: Data(json.out.utf8))) != nil, "\(json.out.prefix(200))")

    let csv = try CLI.myco(["yields", "report", "--db", database, "--by", "variety", "--format", "csv"])
    #expect(csv.status == 0, "\(csv.err)")
    #expect(csv.out.split(separator: "\n").count > 1)

    let html = try CLI.myco(["yields", "report", "--db", database, "--by", "variety", "--format", "html"])
    #expect(html.status == 0, "\(html.err)")
    #expect(html.out.hasPrefix("<!DOCTYPE html>"), "\(html.out.prefix(80))")
    #expect(html.out.contains("shiitake") || html.out.contains("香菇"))
  }

  @Test func aBatchAndItsHarvestAddedByHandAreReported() throws {
    let folder = try Processes.temporaryFolder("myco-yields")
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("records.sqlite").path
    let batch = try CLI.myco([
      "yields", "add-batch", "--db", database, "--id", "WS-1", "--grower", "农户甲", "--elevation", "900", "--variety",
      "shiitake", "--bag-size", "15x55", "--dry-substrate-kg", "1", "--bags", "100", "--inoculated-on", "2026-03-01",
    ])
    #expect(batch.status == 0, "\(batch.err)")
    let harvest = try CLI.myco([
      "yields", "add-harvest", "--db", database, "--batch", "WS-1", "--date", "2026-05-02", "--flush", "1",
      "--fresh-kg", "50",
    ])
    #expect(harvest.status == 0, "\(harvest.err)")
    // A harvest of a batch never recorded is refused with the batch named, exit 1
    let orphan = try CLI.myco([
      "yields", "add-harvest", "--db", database, "--batch", "NOPE", "--date", "2026-05-02", "--flush", "1",
      "--fresh-kg", "5",
    ])
    #expect(orphan.status == 1)
    #expect(orphan.errors.contains("NOPE"), "\(orphan.err)")

    let report = try CLI.myco(["yields", "report", "--db", database, "--format", "json"])
    #expect(report.status == 0, "\(report.err)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(report.out.utf8)) as? [String: Any])
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.count == 1)
    #expect(groups.first?["batches"] as? Int == 1, "\(report.out)")
    // 50 kg from 100 bags of 1 kg dry substrate: 0.5 kg per bag, BE 50 %
    #expect(groups.first?["yield_per_bag_kg"] as? Double == 0.5, "\(report.out)")
    #expect(groups.first?["be_percent"] as? Double == 50, "\(report.out)")
  }

  @Test func exportWritesTheRecordsBackAsCSV() throws {
    let folder = try Processes.temporaryFolder("myco-yields")
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try CLI.sampleDatabase(in: folder)
    let out = folder.appendingPathComponent("export")
    let run = try CLI.myco(["yields", "export", "--db", database, "--out", out.path])
    #expect(run.status == 0, "\(run.err)")
    for name in ["batches.csv", "harvests.csv"] {
      let original = try String(contentsOf: Repository.samples.appendingPathComponent(name), encoding: .utf8)
      let exported = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
      #expect(
        exported.split(separator: "\n").count == original.split(separator: "\n").count, "\(name): one line a record")
    }
  }

  @Test func aReportOfADatabaseThatIsNotThereFailsWithoutCreatingIt() throws {
    let folder = try Processes.temporaryFolder("myco-yields")
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("missing.sqlite")
    let run = try CLI.myco(["yields", "report", "--db", database.path])
    #expect(run.status == 1)
    #expect(run.errors.hasPrefix("\(database.path): error: no records database here yet"), "\(run.err)")
    #expect(!FileManager.default.fileExists(atPath: database.path))
  }
}
