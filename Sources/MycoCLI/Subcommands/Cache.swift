import ArgumentParser
import MycoDiagnostics
import MycoKnowledge

extension Myco {
  /// `myco cache`: the compiled rule-base cache.
  struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "cache",
      abstract: "Manage the compiled rule-base cache ($XDG_CACHE_HOME/myco, else ~/.cache/myco).",
      discussion: """
        After a successful load Myco writes the checked knowledge and rules there; the next run with the \
        same files and the same myco build loads that instead of parsing the XML. Any changed file, \
        another build, or a damaged cache file means a normal load. --no-cache skips it for one command.
        """,
      subcommands: [Clear.self]
    )

    /// `myco cache clear`: remove every cache file.
    struct Clear: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "clear", abstract: "Remove every compiled rule-base cache file.")

      func run() throws {
        guard let cache = CacheLocation.cache() else {
          throw Console.failure(.writeFile, "no cache folder: neither $XDG_CACHE_HOME nor $HOME is an absolute path")
        }
        let removed: Int
        do { removed = try cache.clear() } catch {
          throw Console.failure(.writeFile, "cannot clear \(cache.directory.path): \(error)")
        }
        Console.out("removed \(removed) cache file\(removed == 1 ? "" : "s") from \(cache.directory.path)\n")
      }
    }
  }
}
