import MycoCalendar
import Foundation
import Hummingbird
import Logging
import MycoKnowledge
import MycoRecords
import MycoSheets
import NIOCore

/// Everything a running server uses, built once at start.
public struct ServerDependencies: Sendable {
  public let store: KnowledgeStore
  public let database: any YieldRecords
  public let accounts: AccountStore
  public let pages: Pages
  public var printer: PDFPrinter?
  public var today: @Sendable () -> CalendarDate

  public init(
    store: KnowledgeStore, database: any YieldRecords, accounts: AccountStore, pages: Pages,
    printer: PDFPrinter? = PDFPrinter.find(),
    today: @escaping @Sendable () -> CalendarDate = { CalendarDate.todayLocal() }
  ) {
    self.store = store
    self.database = database
    self.accounts = accounts
    self.pages = pages
    self.printer = printer
    self.today = today
  }
}

/// The router with every route of `myco serve` (what the tests drive in process).
public func buildRouter(_ configuration: ServerConfiguration, _ dependencies: ServerDependencies, logger: Logger)
  -> Router<MycoContext>
{
  let router = Router(context: MycoContext.self)
  let sessions = SessionStore(attempts: configuration.signInAttempts, window: configuration.signInWindowSeconds)
  let records = RecordsService(database: dependencies.database)
  router.add(middleware: AccessLogMiddleware(logger: logger))
  router.add(middleware: ErrorMiddleware())
  router.add(middleware: SessionMiddleware(store: sessions))
  router.get("/health") { _, _ in "ok\n" }
  GrowerController(
    store: dependencies.store, pages: dependencies.pages, today: dependencies.today, printer: dependencies.printer,
    baseURL: configuration.baseURL
  ).addRoutes(to: router)
  AgentController(
    store: dependencies.store, records: records, accounts: dependencies.accounts, sessions: sessions,
    pages: dependencies.pages,
    today: dependencies.today, maxBody: configuration.maxBodyBytes
  ).addRoutes(to: router)
  APIController(
    store: dependencies.store, records: records, accounts: dependencies.accounts, today: dependencies.today,
    maxBody: configuration.maxBodyBytes
  ).addRoutes(to: router.group("/api/v1"))
  return router
}

/// The application: the router on an HTTP/1 server that closes idle (slow) connections.
/// `Application.runService()` shuts down gracefully on SIGINT and SIGTERM.
public func buildApplication(
  _ configuration: ServerConfiguration, _ dependencies: ServerDependencies, logger: Logger,
  onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
  Application(
    router: buildRouter(configuration, dependencies, logger: logger),
    server: .http1(configuration: .init(idleTimeout: .seconds(configuration.idleTimeoutSeconds))),
    configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "myco"),
    onServerRunning: onServerRunning,
    logger: logger)
}

extension CalendarDate {
  /// Today's date in the server's time zone.
  public static func todayLocal() -> CalendarDate {
    let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
  }
}

/// `myco serve`: loads knowledge and rules once (a load error is thrown: the server does not
/// start), opens the records, then serves until SIGINT or SIGTERM (graceful shutdown), reloading
/// on SIGHUP. Logs (one access line per request) go to standard error.
public func runServer(
  _ configuration: ServerConfiguration, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) async throws {
  var logger = Logger(label: "myco.serve", factory: { StreamLogHandler.standardError(label: $0) })
  logger.logLevel = .info
  let store = try KnowledgeStore(configuration: configuration)
  let location = try RecordsLocation.parse(configuration.databasePath)
  let database = try location.open()
  let dependencies = ServerDependencies(
    store: store, database: database, accounts: AccountStore(path: configuration.accountsPath),
    pages: try Pages.bundled())
  let hangup = store.reloadOnHangup(logger)
  defer { hangup.cancel() }
  logger.notice("knowledge and rules version \(store.current.advisor.version); records \(location.description)")
  let app = buildApplication(configuration, dependencies, logger: logger, onServerRunning: onServerRunning)
  try await app.runService()
}
