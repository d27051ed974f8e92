import Foundation
import MycoTestSupport
import Testing

/// The scripts in `Scripts/`, run as a user would run them.
@Suite struct ScriptTests {
  static let python = Processes.output(of: "python3", ["--version"]) != nil

  @Test(.enabled(if: python, "python3 is not installed"))
  func generateRulesRefusesToDeleteAFolderItDidNotWrite() throws {
    let folder = try Processes.temporaryFolder("myco-generate")
    defer { try? FileManager.default.removeItem(at: folder) }
    let keep = folder.appendingPathComponent("keep.txt")
    try Data("mine".utf8).write(to: keep)
    let script = Repository.root.appendingPathComponent("Scripts/generate-rules.py").path
    let refused = try Processes.tool("python3", [script, folder.path, "20"])
    #expect(refused.status == 1)
    #expect(refused.err.contains("was not written by this script"))
    #expect(try String(contentsOf: keep, encoding: .utf8) == "mine")

    let generated = folder.appendingPathComponent("gen")
    #expect(try Processes.tool("python3", [script, generated.path, "20"]).status == 0)
    #expect(
      try Processes.tool("python3", [script, generated.path, "30"]).status == 0, "its own folder may be rewritten")
    #expect(FileManager.default.fileExists(atPath: generated.appendingPathComponent("gen-000.xml").path))
  }

  /// Scripts/install.sh into a temporary prefix (reusing the built binary: MYCO_INSTALL_FROM), then
  /// `myco` through a symlink on PATH, from an unrelated folder, finds the installed data.
  @Test func installedMycoFindsItsDataThroughASymlinkOnPath() throws {
    let binary = CLI.binary
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build myco first: swift build")
    let root = try Processes.temporaryFolder("myco-install")
    defer { try? FileManager.default.removeItem(at: root) }
    let prefix = root.appendingPathComponent("prefix")
    let install = try Processes.tool(
      Repository.root.appendingPathComponent("Scripts/install.sh").path, [prefix.path],
      environment: ["MYCO_INSTALL_FROM": binary.deletingLastPathComponent().path])
    #expect(install.status == 0, "\(install.err)")
    for path in [
      "bin/myco", "share/myco/Knowledge/facts.xml", "share/myco/Rules/tests/core.xml",
      "bin/Myco_MycoSheets.resources", "bin/Myco_MycoKnowledge.resources/Schemas/rules.xsd",
    ] {
      #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(path).path), "\(path) not installed")
    }
    let onPath = root.appendingPathComponent("path")
    try FileManager.default.createDirectory(at: onPath, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: onPath.appendingPathComponent("myco"), withDestinationURL: prefix.appendingPathComponent("bin/myco"))
    let elsewhere = root.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = onPath.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["MYCO_KNOWLEDGE"] = ""
    environment["MYCO_RULES"] = ""
    let advise = try Processes.tool(
      "myco",
      [
        "advise", "--variety", "shiitake", "--elevation", "300", "--date", "2026-08-15", "--bag", "18x60", "--lang",
        "en",
      ],
      environment: environment, in: elsewhere)
    #expect(advise.status == 0, "\(advise.err)")
    #expect(advise.out.contains("[shiitake.timing.wait-for-cool]"))
    #expect(advise.err.isEmpty, "the installed folders are the default: no note")
    let version = try Processes.tool("myco", ["--version"], environment: environment, in: elsewhere)
    let data = prefix.resolvingSymlinksInPath().appendingPathComponent("share/myco").path
    #expect(version.out.contains(": \(data)/Knowledge (installed)\n"), "\(version.out)")
    #expect(version.out.contains(": \(data)/Rules (installed)\n"))
  }
}
