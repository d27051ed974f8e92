import MycoDiagnostics
import Foundation
internal import CLibXML2

/// A compiled W3C XML Schema (XSD) that documents are validated against.
///
/// The schema file is parsed like any document Myco reads: no DOCTYPE, no entities, no network.
/// `xs:include`, `xs:import` and `xs:redefine` may name only files inside the schema's own folder
/// (symlinks resolved); anything else — another folder, a URL — is refused with an error at
/// `FILE:LINE:COLUMN`. It is immutable once compiled, and each validation uses its own context,
/// so one schema may serve many threads.
public final class XMLSchema: @unchecked Sendable {
  private let schema: xmlSchemaPtr
  /// The parsed schema document; libxml2's compiled schema may point into it, so it lives as long.
  private let document: ParsedDocument

  /// Compiles the schema at `url`.
  public init(file url: URL, limits: XMLLimits = .standard) throws(Diagnostics) {
    LibXML2.initialize()
    let name = url.path
    let start = SourceLocation(file: name, line: 1, column: 1)
    guard FileManager.default.fileExists(atPath: name) else {
      throw Diagnostics([Diagnostic(kind: .xmlIO, at: start, "schema file not found")])
    }
    let bytes: [UInt8]
    switch FileBytes.read(name, limit: limits.maxBytes) {
    case .success(let read): bytes = read
    case .failure(.tooLarge(let size)):
      throw Diagnostics([XMLReader.tooLarge(size, limits, at: start)])
    case .failure(.unreadable):
      throw Diagnostics([Diagnostic(kind: .xmlIO, at: start, "cannot read the file (missing or not readable)")])
    }
    let lines = LineIndex(bytes)
    if let offset = Prolog.doctypeOffset(in: bytes) {
      let (line, column) = lines.position(ofOffset: offset)
      throw Diagnostics([
        Diagnostic(
          kind: .xmlDoctype, at: SourceLocation(file: name, line: line, column: column),
          "DOCTYPE declarations are not allowed (they can declare external or expanding entities)")
      ])
    }
    let document = try ParsedDocument(bytes: bytes, name: name)
    let folder = url.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().path
    let scope = EntityLoader.Scope(folder: folder, limits: limits)
    let collector = ErrorCollector(name: name, lines: lines)
    let compiled: xmlSchemaPtr? = try EntityLoader.with(scope) { () throws(Diagnostics) -> xmlSchemaPtr? in
      guard let parser = xmlSchemaNewDocParserCtxt(document.pointer) else {
        throw Diagnostics([Diagnostic(kind: .xmlIO, at: start, "out of memory")])
      }
      defer { xmlSchemaFreeParserCtxt(parser) }
      let context = Unmanaged.passUnretained(collector).toOpaque()
      xmlSchemaSetParserStructuredErrors(parser, collectError, context)
      // Included files are parsed by libxml2 itself: route their messages here, not to stderr.
      xmlSetStructuredErrorFunc(context, collectError)
      defer { xmlSetStructuredErrorFunc(nil, nil) }
      return xmlSchemaParse(parser)
    }
    var errors = collector.errors
    for (resource, reason) in scope.refusals {
      // libxml2 reports the failed load at the element that asked for it; use that place.
      let location = collector.reports.first { Self.names($0.message.english, resource) }?.location ?? start
      errors.insert(
        Diagnostic(
          kind: .xmlSchema, at: location, "refused to load '\(EntityLoader.displayPath(resource))': \(reason)"), at: 0)
    }
    if !scope.refusals.isEmpty {
      errors.removeAll { error in
        scope.refusals.contains { Self.names(error.message.english, $0.resource) }
          && !error.message.english.hasPrefix("refused")
      }
    }
    guard let compiled, scope.refusals.isEmpty, errors.isEmpty else {
      if let compiled { xmlSchemaFree(compiled) }
      throw Diagnostics(errors.isEmpty ? [Diagnostic(kind: .xmlSchema, at: start, "invalid schema")] : errors)
    }
    self.schema = compiled
    self.document = document
  }

  deinit { xmlSchemaFree(schema) }

  /// Whether a libxml2 message is about `resource` (as given, or as a plain path).
  private static func names(_ message: String, _ resource: String) -> Bool {
    message.contains(resource) || message.contains(EntityLoader.displayPath(resource))
  }

  /// A new validation context for this schema (the caller frees it with `xmlSchemaFreeValidCtxt`).
  func newValidationContext() -> xmlSchemaValidCtxtPtr? { xmlSchemaNewValidCtxt(schema) }

  /// Validates a parsed document; returns the violations in document order (empty when valid).
  func validate(_ document: xmlDocPtr, name: String, lines: LineIndex) -> [Diagnostic] {
    guard let context = xmlSchemaNewValidCtxt(schema) else {
      return [Diagnostic(kind: .xmlSchema, at: SourceLocation(file: name, line: 1, column: 1), "out of memory")]
    }
    defer { xmlSchemaFreeValidCtxt(context) }
    let collector = ErrorCollector(name: name, lines: lines)
    xmlSchemaSetValidStructuredErrors(context, collectError, Unmanaged.passUnretained(collector).toOpaque())
    _ = xmlSchemaValidateDoc(context, document)
    return collector.errors
  }
}

/// Gathers the errors libxml2 reports through its structured-error callback.
private final class ErrorCollector {
  let name: String
  let lines: LineIndex?
  /// Everything reported (warnings included), in order.
  var errors: [Diagnostic] = []
  var reports: [Diagnostic] { errors }

  init(name: String, lines: LineIndex?) {
    self.name = name
    self.lines = lines
  }

  func add(_ record: UnsafeMutablePointer<xmlError>) {
    // A message about another file (an included schema) names that file.
    let file = record.pointee.file.map { String(cString: $0) }.map { EntityLoader.displayPath($0) }
    var error = LibXML2.error(
      from: record, name: file.map { $0 == name || $0.isEmpty ? name : $0 } ?? name, kind: .xmlSchema)
    error.message = LocalizedText(en: Self.unescapingQuotedPaths(error.message.english))
    if record.pointee.int2 == 0, let location = error.location, location.file == name, let lines {
      error.location?.column = lines.columnOfStartTag(line: location.line, occurrence: 0)
    }
    errors.append(error)
  }
}

extension ErrorCollector {
  /// libxml2 quotes the files it tried as escaped URIs (`'/tmp/a%20b/x.xsd'`): show plain paths.
  static func unescapingQuotedPaths(_ message: String) -> String {
    let parts = message.split(separator: "'", omittingEmptySubsequences: false)
    guard parts.count >= 3 else { return message }
    return parts.enumerated().map { index, part in
      index % 2 == 1 && part.contains("%") && (part.hasPrefix("/") || part.hasPrefix("file:"))
        ? EntityLoader.displayPath(String(part)) : String(part)
    }.joined(separator: "'")
  }
}

private func collectError(_ context: UnsafeMutableRawPointer?, _ record: xmlErrorPtr?) {
  guard let context, let record else { return }
  Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue().add(record)
}
