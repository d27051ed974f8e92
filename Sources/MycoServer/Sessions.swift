import Foundation
import HTTPTypes
import Hummingbird

/// A browser session: who is signed in (nil before sign-in) and the CSRF token its forms carry.
public struct Session: Sendable, Hashable {
  public var id: String
  public var csrf: String
  public var agent: String?
  var expires: Date
}

/// Sessions in memory (a restart signs everyone out), and the per-client sign-in limit.
final class SessionStore: @unchecked Sendable {
  static let cookie = "myco_session"
  static let lifetime: TimeInterval = 8 * 3600
  private let lock = NSLock()
  private var sessions: [String: Session] = [:]
  private var failures: [String: [Date]] = [:]
  let attempts: Int
  let window: TimeInterval

  init(attempts: Int, window: TimeInterval) {
    self.attempts = attempts
    self.window = window
  }

  static func randomToken() -> String {
    (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max)) }.joined()
  }

  func session(_ id: String) -> Session? {
    lock.lock()
    defer { lock.unlock() }
    guard let session = sessions[id] else { return nil }
    guard session.expires > Date() else {
      sessions[id] = nil
      return nil
    }
    return session
  }

  /// A new session (a new id, so signing in never keeps an id someone could have planted).
  func create(agent: String?) -> Session {
    let session = Session(
      id: Self.randomToken(), csrf: Self.randomToken(), agent: agent, expires: Date() + Self.lifetime)
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    if sessions.count > 10_000 { sessions = sessions.filter { $0.value.expires > now } }
    sessions[session.id] = session
    return session
  }

  func remove(_ id: String) {
    lock.lock()
    sessions[id] = nil
    lock.unlock()
  }

  /// True when the client may try to sign in now.
  func mayTry(_ client: String) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    let since = Date() - window
    failures[client] = failures[client]?.filter { $0 > since }
    return (failures[client]?.count ?? 0) < attempts
  }

  func failed(_ client: String) {
    lock.lock()
    failures[client, default: []].append(Date())
    lock.unlock()
  }

  /// `Set-Cookie` for a session: HttpOnly, SameSite=Strict, whole site.
  static func setCookie(_ session: Session) -> String {
    "\(cookie)=\(session.id); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(Int(lifetime))"
  }

  static let clearCookie = "\(cookie)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
}

/// Finds the session named by the cookie and puts it (and its agent) in the context.
struct SessionMiddleware: RouterMiddleware {
  typealias Context = MycoContext
  let store: SessionStore

  func handle(_ request: Request, context: MycoContext, next: (Request, MycoContext) async throws -> Response)
    async throws -> Response
  {
    var context = context
    if let id = request.cookies[SessionStore.cookie]?.value, let session = store.session(id) {
      context.session = session
      context.agent = session.agent
    }
    return try await next(request, context)
  }
}
