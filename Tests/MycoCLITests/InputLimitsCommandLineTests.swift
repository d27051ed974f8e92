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
    #expect(
      run.errors.hasPrefix(
        "Error: The value '0001-01-01' is invalid for '--date <date>': outside the years 1900–2200\n"), "\(run.err)")
    #expect(run.out.isEmpty)
  }

  /// Every date and bag-size option is a typed option: the same refusal, exit 64, before any file
  /// is read (issue 13, item 3). Before, `suggest` exited 1 and `advise` 64 for the same bad date,
  /// each with its own hand-written message, and `yields` dates had no reason at all.
  @Test func everyDateAndBagOptionRefusesBadValuesTheSameWay() throws {
    let db = FileManager.default.temporaryDirectory.appendingPathComponent("myco-\(UUID().uuidString).sqlite").path
    defer { try? FileManager.default.removeItem(atPath: db) }
    let notADate = "not a date like 2026-08-15 (YYYY-MM-DD)"
    let cases: [([String], String)] = [
      (["advise", "--variety", "shiitake", "--elevation", "300", "--date", "2026-02-30"], "'--date <date>'"),
      (["suggest", "--elevation", "1200", "--date", "2026-02-30"], "'--date <date>'"),
      (
        ["sheet", "--variety", "shiitake", "--elevation", "300", "--date", "2026-02-30", "--out", "x.html"],
        "'--date <date>'"
      ),
      (
        ["sheet", "--variety", "shiitake", "--elevation", "300", "--date-printed", "2026-02-30", "--out", "x.html"],
        "'--date-printed <date>'"
      ),
      (["sheet", "batch", "growers.csv", "--out", "x", "--date", "2026-02-30"], "'--date <date>'"),
      (
        [
          "yields", "add-harvest", "--db", db, "--batch", "A1", "--date", "2026-02-30", "--flush", "1", "--fresh-kg",
          "1",
        ],
        "'--date <YYYY-MM-DD>'"
      ),
      (["yields", "report", "--db", db, "--from", "2026-02-30"], "'--from <YYYY-MM-DD>'"),
    ]
    for (arguments, option) in cases {
      let run = try C.myco(arguments)
      #expect(run.status == 64, "\(arguments): \(run.err)")
      #expect(
        run.errors.hasPrefix("Error: The value '2026-02-30' is invalid for \(option): \(notADate)\n"),
        "\(arguments): \(run.err)")
      #expect(run.out.isEmpty)
      #expect(!run.err.contains("using knowledge"), "refused before anything is loaded: \(run.err)")
    }
    let bag = try C.myco(["advise", "--variety", "shiitake", "--elevation", "300", "--bag", "15y55"])
    #expect(bag.status == 64)
    #expect(
      bag.errors.hasPrefix(
        "Error: The value '15y55' is invalid for '--bag <WxL>': not a size like 15x55 (folded width × length, cm)\n"),
      "\(bag.err)")
    #expect(!FileManager.default.fileExists(atPath: db), "no records database was created")
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
