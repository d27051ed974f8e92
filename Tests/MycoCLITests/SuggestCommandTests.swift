import Foundation
import Testing

/// `myco suggest` end to end: the built binary, its output and exit status.
@Suite struct SuggestCommandTests {
  @Test func suggestPrintsTheRankedVarietiesWithReasons() throws {
    let run = try CLI.myco(["suggest", "--elevation", "1200", "--month", "8", "--lang", "en"])
    #expect(run.status == 0)
    #expect(run.out.hasPrefix("Varieties that fit: elevation 1200 m · "))
    #expect(run.out.contains("\n1. "))
    #expect(run.out.contains("   Why: "))
    #expect(run.errors.isEmpty)
  }

  @Test func suggestJSONIsValidAndRanked() throws {
    let run = try CLI.myco(["suggest", "--elevation", "200", "--date", "2026-07-15", "--format", "json"])
    #expect(run.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as! [String: Any]
    let ranks = (json["suggestions"] as! [[String: Any]]).map { $0["rank"] as! Int }
    #expect(ranks == Array(1...ranks.count))
    #expect(json["language"] as? String == "zh")
  }

  @Test func suggestRefusesBadInputWithExitOne() throws {
    for (arguments, message) in [
      (["--elevation", "1200", "--month", "13"], "error: --month 13 is out of range (allowed: 1–12)"),
      (["--elevation", "1200", "--month", "-3"], "error: --month -3 is out of range (allowed: 1–12)"),
      (["--elevation", "1200", "--month", "8", "--facility", "castle"], "error: unknown facility 'castle' (allowed: "),
      (
        ["--elevation", "1200", "--month", "8", "--date", "2026-08-01"],
        "error: give either --date or --month, not both"
      ),
      (["--month", "8"], "error: give --elevation M or --place NAME"),
      (["--elevation", "99999", "--month", "8"], "error: elevation 99999 m is out of range (allowed: 0–9000 m)"),
    ] {
      let run = try CLI.myco(["suggest"] + arguments)
      #expect(run.status == 1, "\(arguments)")
      #expect(run.errors.hasPrefix(message), "\(arguments): \(run.errors)")
      #expect(run.out.isEmpty)
    }
  }
}
