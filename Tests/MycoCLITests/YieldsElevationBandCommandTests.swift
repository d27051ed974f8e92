import Foundation
import Testing

/// `myco yields report --by elevation-band` groups by the knowledge base's bands
/// (Knowledge/climate.xml), not by bands written into the records code.
@Suite struct YieldsElevationBandCommandTests {
  @Test func theReportUsesTheBandsOfTheKnowledgeFolder() throws {
    // Given the sample records (batches at 720–800 m among others)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-bands-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try CLI.sampleDatabase(in: folder)
    // And a copy of the knowledge folder whose valley reaches up to 900 m
    let knowledge = folder.appendingPathComponent("Knowledge")
    try FileManager.default.copyItem(at: Repository.knowledgeURL, to: knowledge)
    let climate = knowledge.appendingPathComponent("climate.xml")
    let text = try String(contentsOf: climate, encoding: .utf8)
      .replacingOccurrences(
        of: #"id="valley" from-m="0" below-m="500""#, with: #"id="valley" from-m="0" below-m="900""#
      )
      .replacingOccurrences(of: #"id="low-mountain" from-m="500""#, with: #"id="low-mountain" from-m="900""#)
    try Data(text.utf8).write(to: climate)

    // When the report is grouped by band with the bundled knowledge, then with the copy
    let bundled = try CLI.myco([
      "yields", "report", "--db", database, "--by", "elevation-band", "--format", "csv",
    ])
    let moved = try CLI.myco([
      "yields", "report", "--db", database, "--by", "elevation-band", "--format", "csv", "--knowledge", knowledge.path,
    ])

    // Then the bundled bands give four groups, and the copy's wider valley swallows the low mountain
    #expect(bundled.status == 0, "\(bundled.err)")
    #expect(moved.status == 0, "\(moved.err)")
    func groups(_ csv: String) -> [String] {
      csv.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
    }
    #expect(groups(bundled.out) == ["valley", "low-mountain", "mid-mountain", "high-mountain"])
    #expect(groups(moved.out) == ["valley", "mid-mountain", "high-mountain"])
  }

  @Test func aBrokenKnowledgeFolderIsNamedAndNothingIsReported() throws {
    // Given a knowledge folder that is not one
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-bands-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("records.sqlite").path
    #expect(
      try CLI.myco([
        "yields", "add-batch", "--db", database, "--id", "A1", "--grower", "G",
        "--variety", "shiitake", "--bag-size", "15x55", "--dry-substrate-kg", "1", "--bags", "5",
        "--inoculated-on", "2024-09-01", "--elevation", "700",
      ]).status == 0)
    // When the report by band is asked with it
    let run = try CLI.myco([
      "yields", "report", "--db", database, "--by", "elevation-band", "--knowledge", folder.path,
    ])
    // Then it fails saying why, and prints no report
    #expect(run.status == 1)
    #expect(run.err.contains("facts.xml"), "\(run.err)")
    #expect(run.out.isEmpty)
  }
}
