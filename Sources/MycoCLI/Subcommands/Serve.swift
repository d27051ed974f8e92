import MycoDiagnostics
import ArgumentParser
import Foundation
import MycoRecords
import MycoRules
import MycoServer

extension Myco {
  /// `myco serve`: the growers' phone page, the agents' pages and the JSON API.
  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve",
      abstract: "Serve the phone page for growers, the agents' pages and the JSON API over HTTP.",
      discussion: """
        Examples:
          myco serve --port 8080
          myco serve add-user agent1          # asks for the password twice
          myco serve add-token field-app      # prints a bearer token for the API, once
        SIGHUP reloads knowledge and rules (a bad reload keeps the old ones); SIGINT/SIGTERM stop gracefully.
        """,
      subcommands: [ServeRun.self, AddUser.self, AddToken.self],
      defaultSubcommand: ServeRun.self
    )
  }
}

/// `--db` and `--accounts`, shared by the serve commands.
struct ServeStorageOptions: ParsableArguments {
  @OptionGroup var database: DatabaseOptions

  @Option(
    help: ArgumentHelp(
      "Agents' accounts and API tokens (default: myco-accounts.json beside the records database file, or beside the default one for PostgreSQL).",
      valueName: "file"))
  var accounts: String?

  var databasePath: String { database.path ?? YieldDatabase.defaultPath() }
  /// Beside a SQLite file; for a PostgreSQL database, beside the default SQLite file.
  var accountsPath: String {
    if let accounts { return accounts }
    let local = (try? RecordsLocation.parse(databasePath)).flatMap { location -> String? in
      if case .sqlite(let path) = location { return path }
      return nil
    }
    return ServerConfiguration.accountsPath(besideDatabase: local ?? YieldDatabase.defaultPath(environment: [:]))
  }
}

extension Myco.Serve {
  struct ServeRun: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Start the server (the default).")

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(parsing: .unconditional, help: "Port to listen on (1–65535).") var port = 8080
    @Option(
      name: .customLong("base-url"),
      help: ArgumentHelp(
        "This server's address as phones reach it; sheets it prints carry a QR code to it.", valueName: "url"))
    var baseURL: String?
    @OptionGroup var storage: ServeStorageOptions
    @OptionGroup var folders: KnowledgeOptions

    func validate() throws {
      guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535, not \(port)") }
      if let baseURL, URL(string: baseURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
        throw ValidationError("--base-url must start with http:// or https://")
      }
    }

    func run() throws {
      let (knowledge, rules) = try folders.folders()
      let configuration = ServerConfiguration(
        host: host, port: port, knowledge: knowledge.url, knowledgeName: knowledge.shown, rules: rules.url,
        rulesName: rules.shown, databasePath: storage.databasePath, accountsPath: storage.accountsPath, baseURL: baseURL
      )
      let outcome = Outcome()
      let done = DispatchSemaphore(value: 0)
      Task {
        do { try await runServer(configuration) } catch { outcome.error = error }
        done.signal()
      }
      done.wait()
      if let error = outcome.error {
        if let failure = error as? Diagnostics { throw Console.failure(failure.diagnostics) }
        throw Console.failure(.system, Console.describe(error))
      }
    }
  }

  struct AddUser: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add-user", abstract: "Add an agent's account (or change its password).")

    @Argument(help: "User name (letters, digits, - and _).") var name: String
    @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input instead of asking.")
    var passwordStdin = false
    @OptionGroup var storage: ServeStorageOptions

    func run() throws {
      let password: String
      if passwordStdin || isatty(0) == 0 {
        password = (readLine(strippingNewline: true) ?? "")
      } else {
        let first = String(cString: getpass("password for \(name): "))
        let second = String(cString: getpass("again: "))
        guard first == second else { throw Console.failure(.badOptions, "the two passwords differ") }
        password = first
      }
      do { try AccountStore(path: storage.accountsPath).addUser(name, password: password) } catch {
        throw Console.failure(.writeFile, error.description)
      }
      Console.out("added user \(name) to \(storage.accountsPath)\n")
    }
  }

  struct AddToken: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add-token", abstract: "Make a bearer token for the JSON API's writes (printed once).")

    @Argument(help: "Who the token is for (letters, digits, - and _).") var name: String
    @OptionGroup var storage: ServeStorageOptions

    func run() throws {
      let token: String
      do { token = try AccountStore(path: storage.accountsPath).addToken(name) } catch {
        throw Console.failure(.writeFile, error.description)
      }
      Console.out(token + "\n")
    }
  }
}

/// Where the server task leaves its error for the blocked main thread.
private final class Outcome: @unchecked Sendable {
  var error: (any Error)?
}
