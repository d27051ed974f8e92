import Foundation
import MycoDiagnostics

/// Where a `Knowledge/` or `Rules/` folder came from.
enum FolderSource: Equatable {
  /// `--knowledge DIR` / `--rules DIR`.
  case option(String)
  /// `$MYCO_KNOWLEDGE` / `$MYCO_RULES`.
  case environment(String)
  /// `<prefix>/share/myco/…` beside an installed `<prefix>/bin/myco` (see Scripts/install.sh).
  case installed
  /// The repository whose `.build/` folder holds the running `myco` (`swift run`, `.build/debug/myco`).
  case repository

  /// How the source is named in the `using …` line and in `myco --version`.
  var label: String {
    switch self {
    case .option(let flag): "from \(flag)"
    case .environment(let variable): "from $\(variable)"
    case .installed: "installed"
    case .repository: "from the repository this myco was built in"
    }
  }
}

/// A data folder that was found, and how to show it in messages.
struct LocatedFolder {
  var url: URL
  /// The name used in FILE:LINE:COLUMN messages.
  var shown: String
  var source: FolderSource
}

/// Finds the `Knowledge/` and `Rules/` folders.
///
/// In this order: the option (`--knowledge`, `--rules`), the environment variable
/// (`$MYCO_KNOWLEDGE`, `$MYCO_RULES`), the installed data beside the real executable
/// (`<prefix>/share/myco/` for `<prefix>/bin/myco`, symlinks resolved), and — only when the
/// executable lives in a SwiftPM build folder of this repository (`…/.build/…/myco`) — the
/// repository's own folders. Never the current folder or its parents: a planted `/tmp/Rules`
/// must not change anyone's advice.
enum Folders {
  /// The running executable's real path (symlinks resolved).
  static var executable: URL {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return URL(fileURLWithPath: path).resolvingSymlinksInPath()
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  }

  /// `<prefix>/share/myco` when the executable is `<prefix>/bin/myco`.
  static func installedData(executable: URL = executable) -> URL? {
    let bin = executable.deletingLastPathComponent()
    guard bin.lastPathComponent == "bin" else { return nil }
    return bin.deletingLastPathComponent().appendingPathComponent("share/myco")
  }

  /// The package root when the executable is inside its `.build/` folder and the root is Myco's package.
  static func repository(executable: URL = executable) -> URL? {
    let components = executable.pathComponents
    guard let build = components.lastIndex(of: ".build"), build > 0 else { return nil }
    let root = URL(fileURLWithPath: NSString.path(withComponents: Array(components[..<build])))
    guard let manifest = FileManager.default.contents(atPath: root.appendingPathComponent("Package.swift").path),
      String(decoding: manifest, as: UTF8.self).contains("name: \"Myco\"")
    else { return nil }
    return root
  }

  /// The folder to use, or a message saying how to name one.
  static func locate(_ name: String, marker: String, option: String?, optionName: String, environment: String)
    -> Result<LocatedFolder, Diagnostic>
  {
    if let option {
      return .success(LocatedFolder(url: URL(fileURLWithPath: option), shown: option, source: .option(optionName)))
    }
    if let value = ProcessInfo.processInfo.environment[environment], !value.isEmpty {
      return .success(LocatedFolder(url: URL(fileURLWithPath: value), shown: value, source: .environment(environment)))
    }
    let fileManager = FileManager.default
    if let data = installedData() {
      let url = data.appendingPathComponent(name)
      if fileManager.fileExists(atPath: url.appendingPathComponent(marker).path) {
        return .success(LocatedFolder(url: url, shown: url.path, source: .installed))
      }
    }
    if let root = repository() {
      let url = root.appendingPathComponent(name)
      if fileManager.fileExists(atPath: url.appendingPathComponent(marker).path) {
        return .success(LocatedFolder(url: url, shown: shortName(url), source: .repository))
      }
    }
    let installed = installedData().map { " (looked in \($0.appendingPathComponent(name).path))" } ?? ""
    return .failure(
      Diagnostic(
        kind: .missingFile,
        "no \(name) folder found\(installed); pass \(optionName) DIR, set $\(environment), "
          + "or install Myco with Scripts/install.sh"))
  }

  /// `Rules` when the folder is `./Rules`, else the full path: messages stay short in the repository.
  static func shortName(_ url: URL) -> String {
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
    let path = url.resolvingSymlinksInPath().path
    if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) }
    return url.path
  }

  /// `using knowledge: K, rules: R (from S)`: one short line for stderr, or nil when all are installed.
  static func note(_ folders: [(label: String, folder: LocatedFolder)]) -> String? {
    guard folders.contains(where: { $0.folder.source != .installed }) else { return nil }
    let sameSource = folders.allSatisfy { $0.folder.source == folders[0].folder.source }
    let parts = folders.map {
      "\($0.label): \($0.folder.url.path)" + (sameSource ? "" : " (\($0.folder.source.label))")
    }
    return "using " + parts.joined(separator: ", ") + (sameSource ? " (\(folders[0].folder.source.label))" : "")
  }
}
