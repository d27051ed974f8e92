import Foundation
import HummingbirdBcrypt

/// The agents' accounts and the API tokens, in one JSON file readable only by its owner.
///
/// Passwords are stored as bcrypt hashes. A token is `NAME.SECRET`; only a bcrypt hash of the
/// secret is stored, so the file never holds a usable token. The file is read on every check,
/// so `myco serve add-user` and `add-token` take effect without a restart.
public struct AccountStore: Sendable {
  public let path: String
  /// bcrypt cost for passwords (tests use the minimum to stay fast).
  public var passwordCost: UInt8 = 12
  /// Tokens carry 256 random bits, so a low cost is enough and keeps each API write fast.
  static let tokenCost: UInt8 = 6

  struct File: Codable {
    var users: [String: String] = [:]
    var tokens: [String: String] = [:]
  }

  public init(path: String, passwordCost: UInt8 = 12) {
    self.path = path
    self.passwordCost = passwordCost
  }

  /// An account problem, in plain words.
  public struct Problem: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  func read() throws(Problem) -> File {
    guard FileManager.default.fileExists(atPath: path) else { return File() }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Problem(description: "cannot read \(path)")
    }
    do { return try JSONDecoder().decode(File.self, from: data) } catch {
      throw Problem(description: "\(path) is not a Myco accounts file")
    }
  }

  func write(_ file: File) throws(Problem) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do {
      let url = URL(fileURLWithPath: path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      let temporary = url.deletingLastPathComponent().appendingPathComponent(
        ".\(url.lastPathComponent).\(UUID().uuidString)")
      guard
        FileManager.default.createFile(
          atPath: temporary.path, contents: try encoder.encode(file), attributes: [.posixPermissions: 0o600])
      else {
        throw Problem(description: "cannot write \(path)")
      }
      guard rename(temporary.path, path) == 0 else {
        unlink(temporary.path)
        throw Problem(description: "cannot write \(path): \(String(cString: strerror(errno)))")
      }
    } catch let problem as Problem {
      throw problem
    } catch {
      throw Problem(description: "cannot write \(path): \(error.localizedDescription)")
    }
  }

  static func checkName(_ name: String) throws(Problem) {
    guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_".contains($0) }) else {
      throw Problem(description: "a name is 1–64 letters, digits, '-' or '_', not '\(name)'")
    }
  }

  /// Adds or replaces an agent's password.
  public func addUser(_ name: String, password: String) throws(Problem) {
    try Self.checkName(name)
    guard password.utf8.count >= 8, password.utf8.count <= 72 else {
      throw Problem(description: "a password needs 8–72 bytes")
    }
    var file = try read()
    file.users[name] = Bcrypt.hash(password, cost: passwordCost)
    try write(file)
  }

  /// Makes a new API token for `name` (replacing an older one) and returns it; it is shown once.
  public func addToken(_ name: String) throws(Problem) -> String {
    try Self.checkName(name)
    var bytes = [UInt8](repeating: 0, count: 32)
    for index in bytes.indices { bytes[index] = UInt8.random(in: .min ... .max) }
    let secret = bytes.map { String(format: "%02x", $0) }.joined()
    var file = try read()
    file.tokens[name] = Bcrypt.hash(secret, cost: Self.tokenCost)
    try write(file)
    return "\(name).\(secret)"
  }

  /// True when the password is the agent's.
  public func verify(user: String, password: String) -> Bool {
    guard let hash = try? read().users[user], password.utf8.count <= 72 else { return false }
    return Bcrypt.verify(password, hash: hash)
  }

  /// The name a bearer token belongs to, or nil.
  public func tokenOwner(_ token: String) -> String? {
    guard let dot = token.firstIndex(of: ".") else { return nil }
    let name = String(token[..<dot])
    let secret = String(token[token.index(after: dot)...])
    guard secret.utf8.count == 64, let hash = try? read().tokens[name] else { return nil }
    return Bcrypt.verify(secret, hash: hash) ? name : nil
  }
}
