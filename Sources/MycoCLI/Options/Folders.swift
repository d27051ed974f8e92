import Foundation

/// Finds the bundled `Knowledge/` and `Rules/` folders when no option names them.
///
/// Looks in the current folder and its parents (so `swift run myco` works anywhere in the
/// repository), then beside the `myco` executable's ancestors (so `.build/debug/myco` works
/// from elsewhere).
enum Folders {
  /// The folder to use and how to show it in messages.
  static func locate(_ name: String, marker: String, option: String?, environment: String) -> (URL, String) {
    if let option { return (URL(fileURLWithPath: option), option) }
    if let value = ProcessInfo.processInfo.environment[environment], !value.isEmpty {
      return (URL(fileURLWithPath: value), value)
    }
    let fileManager = FileManager.default
    let current = URL(fileURLWithPath: fileManager.currentDirectoryPath)
    var candidates: [(URL, String)] = []
    var folder = current
    var prefix = ""
    for _ in 0..<8 {
      candidates.append((folder.appendingPathComponent(name), prefix + name))
      folder = folder.deletingLastPathComponent()
      prefix += "../"
    }
    var executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<6 {
      candidates.append((executable.appendingPathComponent(name), executable.appendingPathComponent(name).path))
      executable = executable.deletingLastPathComponent()
    }
    for (url, shown) in candidates where fileManager.fileExists(atPath: url.appendingPathComponent(marker).path) {
      return (url, shown)
    }
    return (current.appendingPathComponent(name), name)
  }
}
