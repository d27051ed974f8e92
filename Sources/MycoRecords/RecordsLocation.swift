import Foundation

/// Where the yield records are: a SQLite file (the default) or a PostgreSQL database.
///
/// `--db`, `$MYCO_DB` and `myco serve --db` take either a file path or a URL
/// `postgres://USER@HOST:PORT/DB` (also `postgresql://`); see ``PostgresLocation``.
public enum RecordsLocation: Sendable, Equatable, CustomStringConvertible {
  /// A SQLite file.
  case sqlite(path: String)
  /// A PostgreSQL database.
  case postgres(PostgresLocation)

  /// Reads `text`: a `postgres://` or `postgresql://` URL selects PostgreSQL, anything else is a
  /// SQLite file path.
  ///
  /// - Throws: `YieldRecordsError.database` naming what is wrong with a URL (its password is
  ///   never shown).
  public static func parse(_ text: String) throws -> RecordsLocation {
    let lower = text.lowercased()
    if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
      return .postgres(try PostgresLocation(url: text))
    }
    if lower.hasPrefix("postgres:") || lower.hasPrefix("postgresql:") {
      throw YieldRecordsError.database(
        path: PostgresLocation.redacted(text),
        reason: "a PostgreSQL URL starts with postgres:// (postgres://USER@HOST:PORT/DB)")
    }
    return .sqlite(path: text)
  }

  /// The path, or the URL without any password.
  public var description: String {
    switch self {
    case .sqlite(let path): path
    case .postgres(let location): location.description
    }
  }

  /// Opens the records for writing (a SQLite file is created; a PostgreSQL database is
  /// migrated to the current schema).
  public func open(environment: [String: String] = ProcessInfo.processInfo.environment) throws
    -> any YieldRecords
  {
    switch self {
    case .sqlite(let path): return try YieldDatabase.open(path: path)
    case .postgres(let location): return try PostgresRecords.open(location, environment: environment)
    }
  }

  /// Opens the records for reading only (never created or migrated).
  public func openForReading(environment: [String: String] = ProcessInfo.processInfo.environment) throws
    -> any YieldRecords
  {
    switch self {
    case .sqlite(let path): return try YieldDatabase.openForReading(path: path)
    case .postgres(let location): return try PostgresRecords.openForReading(location, environment: environment)
    }
  }
}

/// A PostgreSQL database named by a URL: `postgres://USER@HOST:PORT/DB`.
///
/// The port defaults to 5432 and the user to `postgres`. Query parameters: `sslmode=require`
/// (TLS, the server's certificate checked against the system's roots), `verify-full` (the
/// same), `disable` or `prefer` (plain; the default), and `host=/path/to/socket/folder` for a
/// Unix socket. The password is never part of the URL: it comes from `$PGPASSWORD`, else
/// from `$PGPASSFILE` or `~/.pgpass` (as libpq reads them).
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
  /// The role to sign in as.
  public var user: String
  /// Host name or address (ignored when `socketFolder` is set).
  public var host: String
  /// TCP port, 1…65535.
  public var port: Int
  /// Database name.
  public var database: String
  /// The folder of the server's Unix socket, when connecting through one.
  public var socketFolder: String?
  /// Whether TLS is required.
  public var requireTLS: Bool

  /// Parses a URL.
  ///
  /// - Throws: `YieldRecordsError.database` for a malformed URL, a port out of range, a
  ///   password in the URL, or an unknown `sslmode` or parameter.
  public init(url text: String) throws {
    let shown = Self.redacted(text)
    func bad(_ reason: String) -> YieldRecordsError { .database(path: shown, reason: reason) }
    // A port that is not a number (URLComponents would refuse the whole URL without saying why).
    let notANumber = #"^[a-zA-Z]+://[^/?@]*@[^/?]*:[0-9]*[^/?0-9][^/?]*(/|$|\?)"#
    if text.range(of: #"^[a-zA-Z]+://[^/?]*:[^/?0-9]*(/|$|\?)"#, options: .regularExpression) != nil
      || text.range(of: notANumber, options: .regularExpression) != nil
    {
      throw bad("the port after ':' must be a number in 1…65535")
    }
    guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
      scheme == "postgres" || scheme == "postgresql"
    else {
      throw bad("is not a PostgreSQL URL (postgres://USER@HOST:PORT/DB)")
    }
    if url.password != nil {
      throw bad(
        "has a password in it; give it in PGPASSWORD or ~/.pgpass instead (a URL ends up in shell history and logs)")
    }
    user = url.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
    host = url.host.flatMap { $0.removingPercentEncoding } ?? ""
    let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
    database = path.removingPercentEncoding ?? path
    port = 5432
    if let given = url.port {
      guard (1...65535).contains(given) else { throw bad("port \(given) is not in 1…65535") }
      port = given
    }
    requireTLS = false
    socketFolder = nil
    for item in url.queryItems ?? [] {
      switch (item.name, item.value ?? "") {
      case ("sslmode", "require"), ("sslmode", "verify-full"), ("sslmode", "verify-ca"): requireTLS = true
      case ("sslmode", "disable"), ("sslmode", "prefer"), ("sslmode", "allow"): requireTLS = false
      case ("sslmode", let value):
        throw bad("sslmode \"\(value)\" is not known (use require, verify-full, prefer or disable)")
      case ("host", let folder) where folder.hasPrefix("/"): socketFolder = folder
      case ("host", let value): host = value
      case (let name, _):
        throw bad("the parameter \"\(name)\" is not known (use sslmode or host)")
      }
    }
    guard !database.isEmpty, !database.contains("/") else {
      throw bad("names no database; end the URL with /DB (postgres://USER@HOST:PORT/DB)")
    }
    guard !host.isEmpty || socketFolder != nil else {
      throw bad("names no host (postgres://USER@HOST:PORT/DB)")
    }
    guard !user.isEmpty else { throw bad("names no user (postgres://USER@HOST:PORT/DB)") }
  }

  /// The URL as shown in messages: never a password.
  public var description: String {
    var text = "postgres://\(user)@\(socketFolder == nil ? host : ""):\(port)/\(database)"
    var parameters: [String] = []
    if let socketFolder { parameters.append("host=\(socketFolder)") }
    if requireTLS { parameters.append("sslmode=require") }
    if !parameters.isEmpty { text += "?" + parameters.joined(separator: "&") }
    return text
  }

  /// `text` with anything between `://USER:` and `@` replaced by `***`.
  static func redacted(_ text: String) -> String {
    text.replacingOccurrences(of: #"(://[^/@:]*):[^/@]*@"#, with: "$1:***@", options: .regularExpression)
  }

  /// The password for this database: `$PGPASSWORD`, else the first matching line of
  /// `$PGPASSFILE` or `~/.pgpass` (`host:port:database:user:password`, `*` matching anything,
  /// `\:` and `\\` escaped). A password file readable by group or others is ignored, as libpq
  /// does. Nil when there is none.
  public func password(environment: [String: String]) -> String? {
    if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
    let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
    let file = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.pgpass"
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
      let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 == 0,
      let data = FileManager.default.contents(atPath: file)
    else { return nil }
    let hostNames = socketFolder.map { [$0, "localhost"] } ?? [host]
    for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
      if line.hasPrefix("#") { continue }
      let fields = Self.pgpassFields(line)
      guard fields.count >= 5 else { continue }
      func matches(_ field: String, _ values: [String]) -> Bool { field == "*" || values.contains(field) }
      if matches(fields[0], hostNames), matches(fields[1], [String(port)]), matches(fields[2], [database]),
        matches(fields[3], [user])
      {
        return fields[4...].joined(separator: ":")
      }
    }
    return nil
  }

  /// The fields of a `.pgpass` line, unescaping `\:` and `\\`.
  static func pgpassFields(_ line: Substring) -> [String] {
    var fields: [String] = []
    var current = ""
    var escaped = false
    for character in line {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == ":" {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    fields.append(current)
    return fields
  }
}
