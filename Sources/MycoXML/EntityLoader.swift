import MycoDiagnostics
import Foundation
import Synchronization
internal import CLibXML2

/// The process-wide gate for every file or URL libxml2 wants to load on its own
/// (external entities, DTDs, and the files named by `xs:include` / `xs:import` / `xs:redefine`).
///
/// Installed once with `xmlSetExternalEntityLoader`. By default it refuses everything. While a
/// schema is being compiled on a thread, that thread may load files inside the schema's own folder
/// (symlinks resolved), and only files without a DOCTYPE; any URL other than a local path is refused.
enum EntityLoader {
  /// What one thread is allowed to load, and what was refused.
  final class Scope: @unchecked Sendable {
    /// The folder (symlinks resolved, ending in `/`) whose files may be loaded.
    let folder: String
    let limits: XMLLimits
    /// The refusals, in order: what was asked for and why it was refused.
    var refusals: [(resource: String, reason: String)] = []

    init(folder: String, limits: XMLLimits) {
      self.folder = folder.hasSuffix("/") ? folder : folder + "/"
      self.limits = limits
    }
  }

  /// The scope of each thread that is compiling a schema now.
  private static let scopes = Mutex<[UInt: Scope]>([:])

  private static let installed: Bool = {
    xmlSetExternalEntityLoader(loadEntity)
    return true
  }()

  /// Installs the blocking loader (once per process).
  static func install() { _ = installed }

  /// Whether libxml2's current loader is this one.
  static var isInstalled: Bool {
    guard let current = xmlGetExternalEntityLoader() else { return false }
    return unsafeBitCast(current, to: UnsafeRawPointer.self)
      == unsafeBitCast(loadEntity as xmlExternalEntityLoader, to: UnsafeRawPointer.self)
  }

  private static var threadKey: UInt { UInt(bitPattern: Int(bitPattern: UInt(pthread_self()))) }

  /// Runs `body` with `scope` as this thread's permissions, then removes them.
  static func with<T>(_ scope: Scope, _ body: () throws(Diagnostics) -> T) throws(Diagnostics) -> T {
    install()
    let key = threadKey
    scopes.withLock { $0[key] = scope }
    defer { _ = scopes.withLock { $0.removeValue(forKey: key) } }
    return try body()
  }

  static func currentScope() -> Scope? {
    let key = threadKey
    return scopes.withLock { $0[key] }
  }

  /// Decides on one resource; returns the bytes to parse, or the reason for refusing it.
  static func check(_ resource: String, in scope: Scope?) -> Result<[UInt8], Refusal> {
    guard let scope else { return .failure(Refusal("external resources are never loaded")) }
    var path = resource
    if path.lowercased().hasPrefix("file://") {
      path = String(path.dropFirst("file://".count))
      if path.hasPrefix("localhost/") { path = String(path.dropFirst("localhost".count)) }
      path = path.removingPercentEncoding ?? path
    } else if path.contains("://") || path.lowercased().hasPrefix("file:") {
      return .failure(Refusal("network and URL access is refused; include only schema files in \(scope.folder)"))
    }
    // libxml2 builds the address of an included file as a URI: spaces and non-ASCII letters escaped.
    if !FileManager.default.fileExists(atPath: path), let decoded = path.removingPercentEncoding { path = decoded }
    guard path.hasPrefix("/") else {
      return .failure(Refusal("only files in the schema folder \(scope.folder) may be included"))
    }
    let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    guard resolved.hasPrefix(scope.folder) else {
      return .failure(
        Refusal("it is outside the schema folder \(scope.folder); only files in that folder may be included"))
    }
    let bytes: [UInt8]
    switch FileBytes.read(resolved, limit: scope.limits.maxBytes) {
    case .success(let read): bytes = read
    case .failure(.tooLarge(let size)):
      return .failure(Refusal("file is \(size) bytes; the limit is \(scope.limits.maxBytes) bytes"))
    case .failure(.unreadable):
      return .failure(Refusal("cannot read the file (missing or not readable)"))
    }
    if bytes.isEmpty { return .failure(Refusal("the file is empty")) }
    if Prolog.doctypeOffset(in: bytes) != nil {
      return .failure(
        Refusal("it has a DOCTYPE declaration (not allowed: it can declare external or expanding entities)"))
    }
    return .success(bytes)
  }

  /// A file address as libxml2 gives it (`file://…`, percent-escaped) as a plain path for messages.
  static func displayPath(_ address: String) -> String {
    var path = address
    if path.lowercased().hasPrefix("file://") { path = String(path.dropFirst("file://".count)) }
    guard !path.contains("://"), !FileManager.default.fileExists(atPath: path) else {
      return path.contains("://") ? address : path
    }
    return path.removingPercentEncoding ?? path
  }

  struct Refusal: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
  }
}

/// The C callback: every external load in the process comes through here.
private func loadEntity(
  _ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
  let resource = url.map { String(cString: $0) } ?? id.map { String(cString: $0) } ?? "(unnamed resource)"
  let scope = EntityLoader.currentScope()
  switch EntityLoader.check(resource, in: scope) {
  case .failure(let refusal):
    scope?.refusals.append((resource, refusal.reason))
    return nil
  case .success(let bytes):
    guard let context else { return nil }
    let buffer = bytes.withUnsafeBufferPointer { pointer in
      pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(pointer.count, 1)) {
        xmlParserInputBufferCreateMem($0, Int32(pointer.count), XML_CHAR_ENCODING_NONE)
      }
    }
    guard let buffer else { return nil }
    guard let input = xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_NONE) else {
      xmlFreeParserInputBuffer(buffer)
      return nil
    }
    input.pointee.filename = UnsafePointer(strdup(resource))
    return input
  }
}
