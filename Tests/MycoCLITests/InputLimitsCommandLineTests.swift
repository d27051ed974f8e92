import Foundation
import Testing

/// `myco` refuses dates and bag sizes outside their ranges with a clear message and a non-zero exit.
@Suite struct InputLimitsCommandLineTests {
  typealias C = CLI

  @Test func adviseWithTheYearOneExitsWithAMessageNotACrash() throws {
    // Given the command that crashed in StartWindow (issue #10, item 8)
    let run = try C.myco(["advise", "--variety", "shiitake", "--elevation", "300", "--date", "0001-01-01"])
    // Then it exits with the usage error code (a bad flag value, as ArgumentParser does) and the range, no trap
    #expect(run.status == 64)
    #expect(run.errors.hasPrefix("Error: --date '0001-01-01' is outside the years 1900–2200\n"))
    #expect(run.out.isEmpty)
  }

  @Test func adviseWithAnImpossibleBagNamesTheDeclaredSizes() throws {
    for bag in ["1000x1000", "0.0001x0.0001"] {
      let run = try C.myco([
        "advise", "--variety", "shiitake", "--elevation", "300", "--date", "2026-08-15", "--bag", bag,
      ])
      #expect(run.status == 1)
      #expect(
        run.errors == "error: bag \(bag) cm is outside the sizes accepted (folded width 5–60 cm, length 10–120 cm)\n")
      #expect(run.out.isEmpty)
    }
  }

  @Test func addBatchWithAnImpossibleBagIsRefused() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-bag-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try C.myco([
      "yields", "add-batch", "--db", folder.appendingPathComponent("r.sqlite").path, "--id", "A1", "--grower", "G",
      "--variety", "shiitake", "--bag-size", "1000x1000", "--dry-substrate-kg", "1", "--bags", "10",
      "--inoculated-on", "2024-09-01",
    ])
    #expect(run.status == 1)
    #expect(run.err.contains("bag 1000x1000 cm is outside the sizes accepted (folded width 5–60 cm, length 10–120 cm)"))
  }
}
