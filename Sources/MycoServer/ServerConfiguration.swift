import Foundation

/// Where `myco serve` listens and what it serves.
public struct ServerConfiguration: Sendable {
  /// Address to bind (default loopback).
  public var host: String
  public var port: Int
  /// The knowledge and rules folders, and how to name them in log messages.
  public var knowledge: URL
  public var knowledgeName: String
  public var rules: URL
  public var rulesName: String
  /// The records database (batches and harvests): a SQLite file path or a `postgres://` URL.
  public var databasePath: String
  /// The accounts file (agents' password hashes and API token hashes).
  public var accountsPath: String
  /// Base URL printed in QR codes on sheets the server makes (nil: none).
  public var baseURL: String?
  /// Largest request body accepted, in bytes.
  public var maxBodyBytes: Int = 64 * 1024
  /// A connection idle longer than this (a slow or stalled client) is closed.
  public var idleTimeoutSeconds: Int64 = 30
  /// Failed sign-ins allowed per client in `signInWindowSeconds` before 429.
  public var signInAttempts: Int = 5
  public var signInWindowSeconds: Double = 300

  public init(
    host: String = "127.0.0.1", port: Int = 8080, knowledge: URL, knowledgeName: String, rules: URL,
    rulesName: String, databasePath: String, accountsPath: String, baseURL: String? = nil
  ) {
    self.host = host
    self.port = port
    self.knowledge = knowledge
    self.knowledgeName = knowledgeName
    self.rules = rules
    self.rulesName = rulesName
    self.databasePath = databasePath
    self.accountsPath = accountsPath
    self.baseURL = baseURL
  }

  /// The accounts file that goes with a records database: `accounts.json` beside it.
  public static func accountsPath(besideDatabase path: String) -> String {
    URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("myco-accounts.json").path
  }
}
