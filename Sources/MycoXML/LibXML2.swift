import MycoDiagnostics
import Foundation
internal import CLibXML2

/// The one place where libxml2's C error records become ``Diagnostic`` values.
enum LibXML2 {
  private static let initialized: Bool = {
    xmlInitParser()
    EntityLoader.install()
    return true
  }()

  /// Initialises the library once per process, with the blocking external-entity loader.
  static func initialize() { _ = initialized }

  /// Converts libxml2's error record (may be nil) into an error at `name`.
  static func error(from record: UnsafeMutablePointer<xmlError>?, name: String, kind: Diagnostic.Kind = .xmlMalformed)
    -> Diagnostic
  {
    guard let record else {
      return Diagnostic(kind: kind, at: SourceLocation(file: name, line: 1, column: 1), "the XML could not be parsed")
    }
    let line = max(Int(record.pointee.line), 1)
    let column = max(Int(record.pointee.int2), 1)
    return Diagnostic(kind: kind, at: SourceLocation(file: name, line: line, column: column), message(of: record))
  }

  /// The record's message, on one line, with `{namespace}` prefixes removed.
  static func message(of record: UnsafeMutablePointer<xmlError>) -> String {
    var text = record.pointee.message.map { String(cString: $0) } ?? "XML error"
    text = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
    // Drop `{namespace-uri}` prefixes, but keep sets like {'must', 'should'}.
    var searchStart = text.startIndex
    while let open = text.range(of: "{", range: searchStart..<text.endIndex),
      let close = text.range(of: "}", range: open.upperBound..<text.endIndex)
    {
      let inside = text[open.upperBound..<close.lowerBound]
      if inside.contains(":") && !inside.contains("'") {
        text.removeSubrange(open.lowerBound..<close.upperBound)
        searchStart = open.lowerBound
      } else {
        searchStart = close.upperBound
      }
    }
    return text
  }
}
