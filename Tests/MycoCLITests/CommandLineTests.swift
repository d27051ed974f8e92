import Foundation
import MycoTestSupport
import Testing

/// End-to-end: runs the built `myco` binary and checks its output and exit status.
@Suite struct CommandLineTests {
  @Test func adviseSeedCaseInEnglish() throws {
    let run = try CLI.myco(CLI.seed + ["--lang", "en"])
    #expect(run.status == 0)
    #expect(run.out.contains("[shiitake.timing.wait-for-cool]"))
    #expect(run.out.contains("[shiitake.bag.smaller-bags-in-heat]"))
    #expect(run.errors.isEmpty)
  }

  @Test func adviseWhyNot() throws {
    let run = try CLI.myco(CLI.seed + ["--lang", "en", "--why-not", "shiitake.timing.start-now"])
    #expect(run.status == 0)
    #expect(run.out.contains("did not fire because \"start-window is in-window\" is false"))
  }

  @Test func unknownVarietyExitsOne() throws {
    let run = try CLI.myco(["advise", "--variety", "truffle", "--elevation", "300"])
    #expect(run.status == 1)
    #expect(run.errors.hasPrefix("error: unknown variety 'truffle' (known: "))
    #expect(run.out.isEmpty)
  }

  @Test func unknownRuleToExplainIsAnErrorLikeEveryOther() throws {
    let run = try CLI.myco(["rules", "explain", "no.such.rule"])
    #expect(run.status == 1)
    #expect(run.errors.hasPrefix("error: no rule 'no.such.rule' in "), "\(run.errors)")
    #expect(run.out.isEmpty)
  }

  @Test func unknownWhyNotRuleExitsOne() throws {
    let run = try CLI.myco(CLI.seed + ["--why-not", "no.such.rule"])
    #expect(run.status == 1)
    #expect(run.errors == "error: no rule with id 'no.such.rule' (see: myco rules list)\n")
  }

  @Test func externalEntityInARuleFileIsRefused() throws {
    let xxe =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rules [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<rules xmlns=\"urn:myco:rules:1\" id=\"x\" version=\"1\">&x;</rules>\n"
    let folder = try CLI.draftRules(["evil.xml": xxe])
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try CLI.myco(CLI.seed + ["--rules", folder.path])
    #expect(run.status == 1)
    #expect(
      run.errors
        == "\(folder.path)/evil.xml:2:1: error: DOCTYPE declarations are not allowed (they can declare external or expanding entities)\n"
    )
    #expect(!run.out.contains("root:"))
  }

  @Test func entityBombIsRefused() throws {
    let bomb =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<rules xmlns=\"urn:myco:rules:1\" id=\"x\" version=\"1\">&b;</rules>\n"
    let folder = try CLI.draftRules(["bomb.xml": bomb])
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try CLI.myco(CLI.seed + ["--rules", folder.path])
    #expect(run.status == 1)
    #expect(run.err.contains("bomb.xml:2:1: error: DOCTYPE declarations are not allowed"))
  }

  @Test func badRuleFilesGiveOneMessageEachWithLocation() throws {
    let body =
      CLI.header
      + CLI.rule("draft.unknown-fact", when: "<fact name=\"elevaton\" above=\"500\"/>")
      + CLI.rule("draft.unknown-value", when: "<fact name=\"variety\" is=\"truffle\"/>")
      + CLI.rule("draft.wrong-unit", when: "<fact name=\"elevation\" above=\"5\" unit=\"kg\"/>")
      + CLI.rule("draft.unknown-value", when: "<fact name=\"variety\" is=\"shiitake\"/>")
      + "</rules>\n"
    let folder = try CLI.draftRules(["draft.xml": body])
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try CLI.myco(CLI.seed + ["--rules", folder.path])
    #expect(run.status == 1)
    let lines = run.errors.split(separator: "\n").map { String($0.dropFirst(folder.path.count + 1)) }
    #expect(
      lines == [
        "draft.xml:5:11: error: unknown fact 'elevaton'",
        "draft.xml:12:11: error: 'truffle' is not a value of fact 'variety' (allowed: shiitake, oyster, wood-ear, king-oyster, enoki, tremella, button, lions-mane, morel, wine-cap, lingzhi)",
        "draft.xml:19:11: error: unit 'kg' measures mass, but 'elevation' is a length",
        "draft.xml:24:3: error: rule id 'draft.unknown-value' is already used at \(folder.path)/draft.xml:10:3",
      ])
    #expect(run.out.isEmpty)
  }

  @Test func malformedAndSchemaBreakingFiles() throws {
    let folder = try CLI.draftRules([
      "a-broken.xml": CLI.header + "  <rule id=\"x\">\n</rules>\n",
      "b-schema.xml": CLI.header + "  <rule id=\"y\" certainty=\"perhaps\"/>\n</rules>\n",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try CLI.myco(CLI.seed + ["--rules", folder.path])
    #expect(run.status == 1)
    let lines = run.errors.split(separator: "\n").map { String($0.dropFirst(folder.path.count + 1)) }
    #expect(
      lines == [
        "a-broken.xml:5:1: error: Premature end of data in tag rules line 2",
        "b-schema.xml:3:3: error: Element 'rule', attribute 'certainty': [facet 'enumeration'] The value 'perhaps' is not an element of the set {'must', 'should', 'consider', 'avoid'}.",
        "b-schema.xml:3:3: error: Element 'rule': Missing child element(s). Expected is ( title ).",
      ])
  }

  @Test func missingRulesFolder() throws {
    let run = try CLI.myco(CLI.seed + ["--rules", "/nonexistent/rules"])
    #expect(run.status == 1)
    #expect(run.errors.hasPrefix("/nonexistent/rules"), "\(run.err)")
    #expect(run.errors.contains("error: "))
  }

  @Test func rulesListAndKnowledgeListWork() throws {
    let rules = try CLI.myco(["rules", "list", "--format", "json"])
    #expect(rules.status == 0)
    let array = try JSONSerialization.jsonObject(with: Data(rules.out.utf8)) as? [[String: Any]]
    #expect((array?.count ?? 0) >= 10)
    #expect(array?.allSatisfy { ($0["sources"] as? [Any])?.isEmpty == false } == true)
    let varieties = try CLI.myco(["knowledge", "list", "varieties", "--format", "json"])
    #expect(varieties.status == 0)
    #expect(varieties.out.contains("\"latin\" : \"Lentinula edodes\""))
  }

  @Test func rulesTestPassesOnTheBundledCases() throws {
    let run = try CLI.myco(["rules", "test"])
    #expect(run.status == 0, "\(run.out)")
    #expect(run.out.hasSuffix(" failed\n"))
  }

  @Test func aWrongCaseFailsWithAClearMessage() throws {
    let cases = """
      <?xml version="1.0" encoding="UTF-8"?>
      <cases xmlns="urn:myco:cases:1" version="1">
        <case id="wrong">
          <situation variety="shiitake" elevation="300" date="2026-08-15" bag="18x60"/>
          <expect rule="shiitake.timing.start-now"/>
        </case>
      </cases>
      """
    let folder = try CLI.draftRules([:])
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in try FileManager.default.contentsOfDirectory(atPath: Repository.rulesURL.path)
    where name.hasSuffix(".xml") {
      try FileManager.default.copyItem(
        at: Repository.rulesURL.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("tests"), withIntermediateDirectories: true)
    try cases.write(to: folder.appendingPathComponent("tests/wrong.xml"), atomically: true, encoding: .utf8)
    let run = try CLI.myco(["rules", "test", "--rules", folder.path])
    #expect(run.status == 1)
    #expect(
      run.out.hasPrefix("FAIL wrong\n     \(folder.path)/tests/wrong.xml:5:5: expected rule shiitake.timing.start-now"))
    #expect(run.out.hasSuffix("0 passed, 1 failed\n"))
  }

  // MARK: Where the data folders come from (issue 10, item 2) and negative numbers (item 20)

  static let fromRepository = "(from the repository this myco was built in)"

  @Test func aPlantedRulesFolderInAParentIsNotUsed() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("myco-planted-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let planted = try CLI.draftRules([
      "planted.xml": CLI.header + CLI.rule("planted.rule", when: "<fact name=\"variety\" is=\"shiitake\"/>")
        + "</rules>\n"
    ])
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.moveItem(at: planted, to: root.appendingPathComponent("Rules"))
    try FileManager.default.copyItem(at: Repository.knowledgeURL, to: root.appendingPathComponent("Knowledge"))
    let below = root.appendingPathComponent("a/b")
    try FileManager.default.createDirectory(at: below, withIntermediateDirectories: true)
    // The planted folder is usable: named explicitly, its rule fires.
    let named = try CLI.myco(CLI.seed + ["--rules", root.appendingPathComponent("Rules").path], in: below)
    #expect(named.out.contains("planted.rule"))
    // Run from below it, it is ignored: the repository's folders are used, and stderr says so.
    let run = try CLI.myco(CLI.seed, in: below)
    #expect(run.status == 0)
    #expect(!run.out.contains("planted.rule"))
    #expect(run.out.contains("shiitake.timing.wait-for-cool"))
    let repository = Repository.root.path
    #expect(run.err == "using knowledge: \(repository)/Knowledge, rules: \(repository)/Rules \(Self.fromRepository)\n")
  }

  @Test func theFoldersInUseAreNamedOnStderrWithTheirSource() throws {
    let rules = Repository.rulesURL.path
    let flag = try CLI.myco(CLI.seed + ["--rules", rules, "--format", "json"])
    #expect(flag.status == 0)
    #expect(
      flag.err
        == "using knowledge: \(Repository.knowledgeURL.path) \(Self.fromRepository), rules: \(rules) (from --rules)\n")
    #expect((try? JSONSerialization.jsonObject(with: Data(flag.out.utf8))) != nil, "stdout stays JSON")
    let environment = try CLI.myco(
      CLI.seed, environment: ["MYCO_KNOWLEDGE": Repository.knowledgeURL.path, "MYCO_RULES": rules])
    #expect(
      environment.err
        == "using knowledge: \(Repository.knowledgeURL.path) (from $MYCO_KNOWLEDGE), rules: \(rules) (from $MYCO_RULES)\n"
    )
  }

  @Test func versionNamesTheVersionsAndFolders() throws {
    let run = try CLI.myco(["--version"], in: FileManager.default.temporaryDirectory)
    #expect(run.status == 0)
    let lines = run.out.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines.first?.hasPrefix("myco ") == true)
    #expect(lines.dropFirst().first?.hasPrefix("knowledge base 20") == true)
    #expect(lines.dropFirst().first?.hasSuffix(": \(Repository.knowledgeURL.path) \(Self.fromRepository)") == true)
    #expect(lines.last?.hasSuffix(": \(Repository.rulesURL.path) \(Self.fromRepository)") == true)
  }

  @Test func negativeNumbersNeedNoEqualsSign() throws {
    let run = try CLI.myco([
      "advise", "--variety", "shiitake", "--elevation", "1200", "--date", "2026-01-10", "--temperature", "-2",
      "--bag-temperature", "-1.5", "--day-night-difference", "-0", "--format", "json",
    ])
    #expect(run.status == 0, "\(run.err)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
    let facts = try #require(json["facts"] as? [String: [String: Any]])
    #expect((facts["air-temp"]?["value"] as? Double) == -2, "\(String(describing: facts["air-temp"]))")
    #expect((facts["bag-temp"]?["value"] as? Double) == -1.5, "\(String(describing: facts["bag-temp"]))")
    // A negative count is read as a number, then refused by its range check (not "Missing value").
    let jobs = try CLI.myco(["sheet", "batch", "growers.csv", "--out", "x", "--jobs", "-3"])
    #expect(jobs.status == 64)
    #expect(jobs.errors.hasPrefix("Error: --jobs -3 is out of range (1–32)"), "\(jobs.err)")
  }

  // MARK: sheet batch without Chromium (issue 10, item 16)

  @Test func sheetBatchWithoutChromiumFailsUnlessHTMLOnly() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-batch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = folder.appendingPathComponent("growers.csv")
    try Data("grower,batch-id,variety,elevation,date\n农户甲,A-1,shiitake,1200,2026-08-20\n".utf8).write(to: csv)
    let noChromium = ["PATH": folder.appendingPathComponent("empty-bin").path]
    let out = folder.appendingPathComponent("sheets")
    let refused = try CLI.myco(["sheet", "batch", csv.path, "--out", out.path], environment: noChromium)
    #expect(refused.status == 1)
    #expect(refused.errors.hasPrefix("error: Chromium was not found"), "\(refused.err)")
    #expect(refused.errors.contains("--html-only"))
    #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
    let htmlOnly = try CLI.myco(
      ["sheet", "batch", csv.path, "--out", out.path, "--html-only"], environment: noChromium)
    #expect(htmlOnly.status == 0, "\(htmlOnly.err)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(files.count == 1 && files.allSatisfy { $0.hasSuffix(".html") }, "\(files)")
  }

  // MARK: QR codes on batch sheets (issue 15, item 5)

  @Test func sheetBatchWithABaseURLPutsQRCodesOnEverySheet() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-batch-qr-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = folder.appendingPathComponent("growers.csv")
    try Data(
      "grower,batch-id,variety,elevation,date\n农户甲,A-1,shiitake,1200,2026-08-20\n农户乙,,oyster,600,2026-09-01\n".utf8
    ).write(to: csv)
    let out = folder.appendingPathComponent("sheets")
    let base = "http://192.168.1.20:8080"
    let run = try CLI.myco(["sheet", "batch", csv.path, "--out", out.path, "--html-only", "--base-url", base])
    #expect(run.status == 0, "\(run.err)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(files.count == 2, "\(files)")
    let pages = try files.map { try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8) }
    let codes = pages.map { $0.components(separatedBy: "<figure><svg").count - 1 }
    // The row with a batch id gets the advice and the harvest code; the other only the advice code.
    #expect(codes == [2, 1], "\(files)")
    #expect(pages.allSatisfy { $0.contains("手机扫码看建议") })
    #expect(pages[0].contains("推广员扫码记采收") && !pages[1].contains("推广员扫码记采收"))

    let plain = folder.appendingPathComponent("plain")
    let without = try CLI.myco(["sheet", "batch", csv.path, "--out", plain.path, "--html-only"])
    #expect(without.status == 0, "\(without.err)")
    for name in try FileManager.default.contentsOfDirectory(atPath: plain.path) {
      #expect(!(try String(contentsOf: plain.appendingPathComponent(name), encoding: .utf8)).contains("<figure><svg"))
    }

    let bad = try CLI.myco(["sheet", "batch", csv.path, "--out", out.path, "--html-only", "--base-url", "ftp://x"])
    #expect(bad.status == 64)
    #expect(bad.errors.hasPrefix("Error: --base-url 'ftp://x' is not an http:// or https:// address"), "\(bad.err)")
  }

  // MARK: Plain error messages (issue 10, item 23)

  @Test func aRulesFolderCannotBringASchemaOfItsOwn() throws {
    // Given a draft rules folder with a broken schema of its own and a rule the real schema refuses
    let folder = try CLI.draftRules([
      "b-schema.xml": CLI.header + "  <rule id=\"y\" certainty=\"perhaps\"/>\n</rules>\n"
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("schema"), withIntermediateDirectories: true)
    try Data("<?xml version=\"1.0\"?>\n<broken>\n".utf8).write(to: folder.appendingPathComponent("schema/rules.xsd"))
    // Then the folder's schema is never read: the bundled one refuses the rule, at its line
    let run = try CLI.myco(CLI.seed + ["--rules", folder.path])
    #expect(run.status == 1)
    let lines = run.errors.split(separator: "\n").map { String($0.dropFirst(folder.path.count + 1)) }
    #expect(
      lines.first
        == "b-schema.xml:3:3: error: Element 'rule', attribute 'certainty': [facet 'enumeration'] The value 'perhaps' is not an element of the set {'must', 'should', 'consider', 'avoid'}.",
      "\(run.err)")
    #expect(!run.err.contains("schema/rules.xsd"))
  }

  @Test func writingASheetIntoAFileSaysSoInPlainWords() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("myco-file-\(UUID().uuidString)")
    try Data().write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try CLI.myco(
      CLI.seed.dropFirst().reduce(into: ["sheet"]) { $0.append($1) } + ["--out", file.path + "/x.html"])
    #expect(run.status == 1)
    #expect(run.errors == "error: cannot write \(file.path)/x.html: \(file.path) is a file, not a folder\n")
    #expect(!run.err.contains("NSCocoaErrorDomain"))
  }

  // MARK: Other output files (issue 10, item 4)

  @Test func aYieldReportIsNotWrittenThroughASymlink() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("records.sqlite").path
    let samples = Repository.knowledgeURL.appendingPathComponent("samples")
    let imported = try CLI.myco([
      "yields", "import", "--db", database, "--batches", samples.appendingPathComponent("batches.csv").path,
      "--harvests", samples.appendingPathComponent("harvests.csv").path,
    ])
    #expect(imported.status == 0, "\(imported.err)")
    let target = folder.appendingPathComponent("precious.txt")
    try Data("keep me".utf8).write(to: target)
    let link = folder.appendingPathComponent("report.html")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    let run = try CLI.myco(["yields", "report", "--db", database, "--format", "html", "--out", link.path])
    #expect(run.status == 0, "\(run.err)")
    #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == nil)
    // A failed write is said in plain words (issue 10, item 23), not as "NSCocoaErrorDomain error 512".
    let intoFolder = try CLI.myco(["yields", "report", "--db", database, "--out", folder.path])
    #expect(intoFolder.status == 1)
    #expect(intoFolder.errors == "error: cannot write \(folder.path): Is a directory\n", "\(intoFolder.err)")
  }
}
