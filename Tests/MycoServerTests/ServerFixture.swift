import MycoCalendar
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MycoKnowledge
import MycoRecords
import MycoSheets
@testable import MycoServer
import NIOCore

/// A server built in process on the repository's Knowledge/ and Rules/, an in-memory records
/// database and a fresh accounts file with one agent and one token.
struct ServerFixture {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let today = CalendarDate(iso: "2026-08-15")!
  static let password = "correct horse 8"

  let configuration: ServerConfiguration
  let dependencies: ServerDependencies
  let token: String
  let folder: URL

  init(
    knowledge: URL = root.appendingPathComponent("Knowledge"), rules: URL = root.appendingPathComponent("Rules"),
    printer: Bool = false
  ) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-serve-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var configuration = ServerConfiguration(
      knowledge: knowledge, knowledgeName: "Knowledge", rules: rules, rulesName: "Rules",
      databasePath: folder.appendingPathComponent("records.sqlite").path,
      accountsPath: folder.appendingPathComponent("accounts.json").path, baseURL: "http://myco.test")
    configuration.signInAttempts = 3
    configuration.port = 0  // live tests: any free port
    configuration.idleTimeoutSeconds = 1
    self.configuration = configuration
    let accounts = AccountStore(path: configuration.accountsPath, passwordCost: 4)
    try accounts.addUser("agent1", password: Self.password)
    token = try accounts.addToken("field-app")
    dependencies = ServerDependencies(
      store: try KnowledgeStore(configuration: configuration), database: try YieldDatabase.inMemory(),
      accounts: accounts,
      pages: try Pages.bundled(), printer: printer ? PDFPrinter.find() : nil, today: { Self.today })
  }

  var logger: Logger {
    var logger = Logger(label: "myco.serve.test")
    logger.logLevel = .warning
    return logger
  }

  func app() -> some ApplicationProtocol { buildApplication(configuration, dependencies, logger: logger) }

  func router() -> Router<MycoContext> { buildRouter(configuration, dependencies, logger: logger) }

  /// Runs `body` against the server in process (no sockets).
  func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    try await app().test(.router, body)
  }

  static func json(_ object: Any) -> ByteBuffer {
    ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
  }

  static func object(_ buffer: ByteBuffer) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(buffer: buffer))) as? [String: Any] ?? [:]
  }
}

extension TestResponse {
  var text: String { String(buffer: body) }
}

extension HTTPField.Name {
  static let testCSP = Self("Content-Security-Policy")!
}
