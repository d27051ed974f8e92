import Foundation
import MycoTestSupport
import Testing

/// The repository's own folders, for the `myco` runs.
enum Repository {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let knowledgeURL = root.appendingPathComponent("Knowledge")
  static let rulesURL = root.appendingPathComponent("Rules")
  static let samples = knowledgeURL.appendingPathComponent("samples")
}

/// The built `myco` binary, run as a separate process where exit codes, the two output streams,
/// the working folder or the installed layout are what is tested.
enum CLI {
  struct NotBuilt: Error, CustomStringConvertible {
    var path: String
    var description: String {
      "no myco binary at \(path) (beside the test runner): build it with the tests, `swift build --build-tests`"
    }
  }

  /// The `myco` built with these tests: beside the test runner, never another build's copy.
  static var binary: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("myco")
  }

  /// Runs `myco arguments…` in `folder` (default: the repository), without `$MYCO_KNOWLEDGE`
  /// and `$MYCO_RULES` unless `environment` sets them.
  static func myco(
    _ arguments: [String], in folder: URL = Repository.root, environment: [String: String] = [:],
    input: Data? = nil
  ) throws -> ProcessRun {
    guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw NotBuilt(path: binary.path) }
    return try Processes.run(
      binary, arguments, environment: environment, removing: ["MYCO_KNOWLEDGE", "MYCO_RULES"], in: folder,
      input: input)
  }

  /// The seed case of the README.
  static let seed = ["advise", "--variety", "shiitake", "--elevation", "300", "--date", "2026-08-15", "--bag", "18x60"]

  /// A temporary rules folder holding `files` (the schema is the program's own).
  static func draftRules(_ files: [String: String]) throws -> URL {
    let folder = try Processes.temporaryFolder("myco-draft")
    for (name, text) in files {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return folder
  }

  static let header =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rules xmlns=\"urn:myco:rules:1\" id=\"draft\" version=\"1\">\n"

  static func rule(_ id: String, when: String) -> String {
    """
      <rule id="\(id)" certainty="should">
        <title lang="zh">标题</title><title lang="en">Title</title>
        <when>\(when)</when>
        <then><advise topic="timing"><text lang="zh">做</text><text lang="en">Do</text></advise></then>
        <because lang="zh">因为</because><because lang="en">Because</because>
        <source ref="royse-2008"/>
      </rule>

    """
  }

  /// A new database with the sample batches and harvests (`Knowledge/samples`) imported.
  static func sampleDatabase(in folder: URL) throws -> String {
    let database = folder.appendingPathComponent("records.sqlite").path
    let imported = try myco([
      "yields", "import", "--db", database, "--batches", Repository.samples.appendingPathComponent("batches.csv").path,
      "--harvests", Repository.samples.appendingPathComponent("harvests.csv").path,
    ])
    #expect(imported.status == 0, "\(imported.err)")
    return database
  }
}
