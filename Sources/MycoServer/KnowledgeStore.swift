import MycoDiagnostics
import Foundation
import Logging
import Synchronization
import MycoKnowledge
import MycoRules
import MycoSheets

/// One loaded knowledge base and rule base, with what the pages need from them.
public struct LoadedBase: Sendable {
  public let advisor: Advisor
  public let sheets: SheetMaker
  /// Places with a sourced elevation, for the village list.
  public let places: [Place]

  /// A village or landmark and its elevation (metres).
  public struct Place: Sendable, Hashable {
    public var id: String
    public var name: [String: String]
    public var elevation: Double
  }

  public init(advisor: Advisor, templates: SheetTemplates) {
    self.advisor = advisor
    self.sheets = SheetMaker(advisor: advisor, templates: templates)
    places = (advisor.knowledge.table("places")?.rows ?? []).compactMap { row in
      guard let metres = row.cells["elevation-m"].flatMap(Double.init) else { return nil }
      return Place(
        id: row.id, name: ["zh": row.cells["name.zh"] ?? row.id, "en": row.cells["name.en"] ?? row.id],
        elevation: metres)
    }
  }

  public func place(_ id: String) -> Place? { places.first { $0.id == id } }
}

/// The knowledge the server answers from. Loaded once at start; `reload()` swaps in a new base
/// only when the whole of it loads (all-or-nothing), otherwise the old one keeps serving.
public final class KnowledgeStore: @unchecked Sendable {
  private let lock = NSLock()
  private var loaded: LoadedBase
  private let load: @Sendable () throws -> LoadedBase

  /// Loads once; throws the load failure (the server refuses to start).
  public init(load: @escaping @Sendable () throws -> LoadedBase) throws {
    self.load = load
    self.loaded = try load()
  }

  /// Loads knowledge and rules from folders, with the bundled sheet templates.
  public convenience init(configuration: ServerConfiguration) throws {
    let (knowledge, knowledgeName, rules, rulesName) =
      (configuration.knowledge, configuration.knowledgeName, configuration.rules, configuration.rulesName)
    try self.init {
      let advisor = try Advisor.load(
        knowledge: knowledge, knowledgeName: knowledgeName, rules: rules, rulesName: rulesName)
      return LoadedBase(advisor: advisor, templates: try SheetTemplates.bundled())
    }
  }

  /// The base in use now.
  public var current: LoadedBase {
    lock.lock()
    defer { lock.unlock() }
    return loaded
  }

  /// Loads again; on success the new base serves from the next request on. On failure the old
  /// base stays and the error is thrown (for the log).
  public func reload() throws {
    let fresh = try load()
    lock.lock()
    loaded = fresh
    lock.unlock()
  }
}

extension Error {
  /// What a load error says, one line per problem (for the server log, never for a response).
  public var loadMessage: String {
    if let failure = self as? Diagnostics { return failure.description }
    if let failure = self as? Diagnostic { return failure.description }
    return "\(self)"
  }
}

extension KnowledgeStore {
  /// Reloads and logs the outcome: the new versions, or why the old base keeps serving.
  @discardableResult
  public func reloadLogged(_ logger: Logger) -> Bool {
    do {
      try reload()
      logger.notice("reloaded knowledge and rules: version \(current.advisor.version)")
      return true
    } catch {
      logger.error("reload failed, still serving version \(current.advisor.version):\n\(error.loadMessage)")
      return false
    }
  }

  /// Reloads on SIGHUP for as long as the returned source is kept (cancel it to stop).
  ///
  /// The signal is caught by a handler that writes one byte to a pipe, and the reload runs when
  /// the pipe is readable. A dispatch signal source is not used: on Linux it only sees the signal
  /// when every thread blocks it, and the server's event-loop and database threads do not, so a
  /// hang-up could be silently ignored.
  public func reloadOnHangup(_ logger: Logger) -> any DispatchSourceProtocol {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else {
      logger.error("cannot watch for SIGHUP: no pipe (\(String(cString: strerror(errno))))")
      let idle = DispatchSource.makeUserDataAddSource(queue: .global())
      idle.resume()
      return idle
    }
    let (readEnd, writeEnd) = (ends[0], ends[1])
    _ = fcntl(readEnd, F_SETFL, O_NONBLOCK)
    _ = fcntl(writeEnd, F_SETFL, O_NONBLOCK)
    hangupPipe.store(writeEnd, ordering: .sequentiallyConsistent)
    signal(SIGHUP) { _ in
      var byte: UInt8 = 1
      _ = write(hangupPipe.load(ordering: .relaxed), &byte, 1)
    }
    let source = DispatchSource.makeReadSource(fileDescriptor: readEnd, queue: .global())
    source.setEventHandler { [self] in
      var buffer = [UInt8](repeating: 0, count: 64)
      while read(readEnd, &buffer, buffer.count) > 0 {}
      reloadLogged(logger)
    }
    source.setCancelHandler {
      signal(SIGHUP, SIG_IGN)
      hangupPipe.store(-1, ordering: .sequentiallyConsistent)
      close(writeEnd)
      close(readEnd)
    }
    source.resume()
    return source
  }
}

/// The write end of the pipe the SIGHUP handler writes to (-1 when no one watches).
private let hangupPipe = Atomic<Int32>(-1)
