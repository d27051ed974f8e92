import Foundation
internal import CLibXML2

/// A compiled W3C XML Schema (XSD) that documents are validated against.
///
/// The schema file is read from disk only (no network). It is immutable once compiled,
/// and each validation uses its own context, so one schema may serve many threads.
public final class XMLSchema: @unchecked Sendable {
  private let schema: xmlSchemaPtr

  /// Compiles the schema at `url`.
  public init(file url: URL) throws(XMLErrors) {
    LibXML2.initialize()
    let name = url.path
    guard FileManager.default.fileExists(atPath: name) else {
      throw XMLErrors([XMLError(.io, at: SourceLocation(file: name, line: 1, column: 1), "schema file not found")])
    }
    guard let parser = xmlSchemaNewParserCtxt(name) else {
      throw XMLErrors([XMLError(.io, at: SourceLocation(file: name, line: 1, column: 1), "cannot read schema")])
    }
    defer { xmlSchemaFreeParserCtxt(parser) }
    let collector = ErrorCollector(name: name, lines: nil)
    xmlSchemaSetParserStructuredErrors(parser, collectError, Unmanaged.passUnretained(collector).toOpaque())
    guard let compiled = xmlSchemaParse(parser) else {
      throw XMLErrors(collector.errors.isEmpty
        ? [XMLError(.schema, at: SourceLocation(file: name, line: 1, column: 1), "invalid schema")]
        : collector.errors)
    }
    schema = compiled
  }

  deinit { xmlSchemaFree(schema) }

  /// Validates a parsed document; returns the violations in document order (empty when valid).
  func validate(_ document: xmlDocPtr, name: String, lines: LineIndex) -> [XMLError] {
    guard let context = xmlSchemaNewValidCtxt(schema) else {
      return [XMLError(.schema, at: SourceLocation(file: name, line: 1, column: 1), "out of memory")]
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
  var errors: [XMLError] = []

  init(name: String, lines: LineIndex?) {
    self.name = name
    self.lines = lines
  }

  func add(_ record: UnsafeMutablePointer<xmlError>) {
    var error = LibXML2.error(from: record, name: name, kind: .schema)
    if record.pointee.int2 == 0, let lines {
      error.location.column = lines.columnOfStartTag(line: error.location.line, occurrence: 0)
    }
    errors.append(error)
  }
}

private func collectError(_ context: UnsafeMutableRawPointer?, _ record: xmlErrorPtr?) {
  guard let context, let record else { return }
  Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue().add(record)
}
