import Hummingbird
import NIOCore

/// The request context: the core storage, the client's address (for the sign-in rate limit)
/// and the signed-in agent, if any.
public struct MycoContext: RequestContext, RemoteAddressRequestContext {
  public var coreContext: CoreRequestContextStorage
  public let remoteAddress: SocketAddress?
  /// The agent signed in through the session cookie (set by ``SessionMiddleware``).
  public var agent: String?
  /// The session id and its CSRF token, when a session exists.
  public var session: Session?

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    remoteAddress = source.channel.remoteAddress
  }

  /// Bodies are collected by the routes themselves, up to the configured limit.
  public var maxUploadSize: Int { 64 * 1024 }

  /// A key for per-client limits: the client's IP address.
  var clientKey: String { remoteAddress?.ipAddress ?? "local" }
}
