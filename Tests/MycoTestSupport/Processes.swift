import Foundation

/// What a finished process wrote and how it ended.
public struct ProcessRun: Sendable {
  /// Standard output.
  public var out: String
  /// Standard error.
  public var err: String
  /// The exit status (or the signal number when `signalled`).
  public var status: Int32
  /// Whether a signal ended the process.
  public var signalled: Bool

  /// Standard error without the `using knowledge: …, rules: …` line `myco` prints when the data
  /// folders are not the installed ones (tested on its own).
  public var errors: String {
    err.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("using ") }.joined(
      separator: "\n")
  }
}

/// The one way the tests run another program: the `myco` binary, the install script, Chromium,
/// poppler and zbar.
public enum Processes {
  /// Runs `executable` with `arguments` and waits for it. Both streams go to temporary files, so a
  /// program writing much to both cannot block on a full pipe.
  ///
  /// - Parameters:
  ///   - environment: variables to set on top of this process's environment.
  ///   - removing: variables to leave out (e.g. `MYCO_KNOWLEDGE`).
  ///   - folder: the working folder (default: this process's).
  ///   - input: standard input (default: none, `/dev/null`).
  public static func run(
    _ executable: URL, _ arguments: [String], environment: [String: String] = [:], removing: [String] = [],
    in folder: URL? = nil, input: Data? = nil
  ) throws -> ProcessRun {
    let scratch = try temporaryFolder("myco-process")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("out")
    let errURL = scratch.appendingPathComponent("err")
    let inURL = scratch.appendingPathComponent("in")
    for url in [outURL, errURL, inURL] {
      guard FileManager.default.createFile(atPath: url.path, contents: url == inURL ? input ?? Data() : Data())
      else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
    }
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let stdin = try FileHandle(forReadingFrom: inURL)
    defer {
      try? out.close()
      try? err.close()
      try? stdin.close()
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var inherited = ProcessInfo.processInfo.environment
    for name in removing { inherited[name] = nil }
    process.environment = inherited.merging(environment) { $1 }
    if let folder { process.currentDirectoryURL = folder }
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin
    try process.run()
    process.waitUntilExit()
    return ProcessRun(
      out: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      err: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), status: process.terminationStatus,
      signalled: process.terminationReason == .uncaughtSignal)
  }

  /// Runs a program found on `PATH` (through `/usr/bin/env`).
  public static func tool(
    _ name: String, _ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil
  ) throws -> ProcessRun {
    try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, environment: environment, in: folder)
  }

  /// The standard output of a program on `PATH`, or nil when it is not installed or fails.
  public static func output(of name: String, _ arguments: [String]) -> String? {
    guard let run = try? tool(name, arguments), run.status == 0, !run.signalled else { return nil }
    return run.out
  }

  /// A new empty folder in the temporary folder, named `PREFIX-UUID`.
  public static func temporaryFolder(_ prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
