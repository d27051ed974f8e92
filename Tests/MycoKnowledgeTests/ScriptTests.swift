import Foundation
import Testing

/// The scripts in `Scripts/`, run as a user would run them.
@Suite struct ScriptTests {
  struct Run {
    var out: String
    var err: String
    var status: Int32
  }

  /// Runs `tool arguments…` (through `/usr/bin/env`) with extra environment variables.
  static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if let folder { process.currentDirectoryURL = folder }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self),
      status: process.terminationStatus)
  }

  static func temporaryFolder(_ prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static let python = (try? run("python3", ["--version"]).status == 0) ?? false

  @Test(.enabled(if: python, "python3 is not installed"))
  func generateRulesRefusesToDeleteAFolderItDidNotWrite() throws {
    let folder = try Self.temporaryFolder("myco-generate")
    defer { try? FileManager.default.removeItem(at: folder) }
    let keep = folder.appendingPathComponent("keep.txt")
    try Data("mine".utf8).write(to: keep)
    let script = Bundled.repository.appendingPathComponent("Scripts/generate-rules.py").path
    let refused = try Self.run("python3", [script, folder.path, "20"])
    #expect(refused.status == 1)
    #expect(refused.err.contains("was not written by this script"))
    #expect(try String(contentsOf: keep, encoding: .utf8) == "mine")

    let generated = folder.appendingPathComponent("gen")
    #expect(try Self.run("python3", [script, generated.path, "20"]).status == 0)
    #expect(try Self.run("python3", [script, generated.path, "30"]).status == 0, "its own folder may be rewritten")
    #expect(FileManager.default.fileExists(atPath: generated.appendingPathComponent("gen-000.xml").path))
  }
}
