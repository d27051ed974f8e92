import MycoDiagnostics
import Foundation
internal import CLibXML2

/// Reads XML safely: no network, no DTD, no entities, bounded size and depth.
///
/// ```swift
/// let root = try XMLReader.read(file: url, schema: schema)
/// ```
/// Every element of the result carries its `FILE:LINE:COLUMN`. Problems are thrown as
/// ``Diagnostics`` (one for a parse error, possibly several for schema violations).
public enum XMLReader {
  /// Reads and parses a file, optionally validating it against a schema.
  public static func read(
    file url: URL, displayName: String? = nil, schema: XMLSchema? = nil,
    limits: XMLLimits = .standard
  ) throws(Diagnostics) -> ParsedElement {
    let name = displayName ?? url.path
    let start = SourceLocation(file: name, line: 1, column: 1)
    switch FileBytes.read(url.path, limit: limits.maxBytes) {
    case .success(let bytes):
      return try parse(bytes: bytes, name: name, schema: schema, limits: limits, streaming: true)
    case .failure(.tooLarge(let size)):
      throw Diagnostics([tooLarge(size, limits, at: start)])
    case .failure(.unreadable):
      throw Diagnostics([Diagnostic(kind: .xmlIO, at: start, "cannot read the file (missing or not readable)")])
    }
  }

  /// Parses XML text held in memory; `name` is used in error locations.
  public static func parse(
    data: Data, name: String, schema: XMLSchema? = nil, limits: XMLLimits = .standard
  ) throws(Diagnostics) -> ParsedElement {
    try parse(data: data, name: name, schema: schema, limits: limits, streaming: true)
  }

  /// `streaming: false` skips the fast path (``StreamingReader``), for tests that compare the two.
  static func parse(
    data: Data, name: String, schema: XMLSchema?, limits: XMLLimits, streaming: Bool
  ) throws(Diagnostics) -> ParsedElement {
    try parse(bytes: [UInt8](data), name: name, schema: schema, limits: limits, streaming: streaming)
  }

  private static func parse(
    bytes: [UInt8], name: String, schema: XMLSchema?, limits: XMLLimits, streaming: Bool
  ) throws(Diagnostics) -> ParsedElement {
    let start = SourceLocation(file: name, line: 1, column: 1)
    guard bytes.count <= limits.maxBytes else { throw Diagnostics([tooLarge(bytes.count, limits, at: start)]) }
    let lines = LineIndex(bytes)
    if let offset = Prolog.doctypeOffset(in: bytes) {
      let (line, column) = lines.position(ofOffset: offset)
      throw Diagnostics([
        Diagnostic(
          kind: .xmlDoctype, at: SourceLocation(file: name, line: line, column: column),
          "DOCTYPE declarations are not allowed (they can declare external or expanding entities)")
      ])
    }
    // The fast path answers for well-formed, valid documents; the rest are read again below,
    // which reports every problem exactly as before.
    if streaming,
      let root = StreamingReader.read(bytes: bytes, name: name, schema: schema, lines: lines, limits: limits)
    {
      return root
    }
    let document = try ParsedDocument(bytes: bytes, name: name)
    if let schema {
      let problems = schema.validate(document.pointer, name: name, lines: lines)
      if !problems.isEmpty { throw Diagnostics(problems) }
    }
    guard let root = xmlDocGetRootElement(document.pointer) else {
      throw Diagnostics([Diagnostic(kind: .xmlMalformed, at: start, "the document has no root element")])
    }
    var converter = TreeConverter(name: name, lines: lines, limits: limits)
    try converter.element(from: root, depth: 1)
    return ParsedElement(tree: converter.tree.finish(), index: 0)
  }

  /// The message for a file over the size limit.
  static func tooLarge(_ size: Int, _ limits: XMLLimits, at location: SourceLocation) -> Diagnostic {
    Diagnostic(kind: .xmlTooLarge, at: location, "file is \(size) bytes; the limit is \(limits.maxBytes) bytes")
  }
}

/// Owns a libxml2 document and frees it.
final class ParsedDocument {
  let pointer: xmlDocPtr

  init(bytes: [UInt8], name: String) throws(Diagnostics) {
    LibXML2.initialize()
    guard let context = xmlNewParserCtxt() else {
      throw Diagnostics([Diagnostic(kind: .xmlIO, at: SourceLocation(file: name, line: 1, column: 1), "out of memory")])
    }
    defer { xmlFreeParserCtxt(context) }
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
    let document = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
        xmlCtxtReadMemory(context, $0, Int32(buffer.count), name, "UTF-8", options)
      }
    }
    if context.pointee.wellFormed == 0 || document == nil {
      if let document { xmlFreeDoc(document) }
      throw Diagnostics([LibXML2.error(from: xmlCtxtGetLastError(context), name: name)])
    }
    self.pointer = document!
  }

  deinit { xmlFreeDoc(pointer) }
}

/// Converts libxml2 nodes into an ``ElementTree``, checking the depth limit.
struct TreeConverter {
  let limits: XMLLimits
  private var locator: StartTagLocator
  /// Element and attribute names and namespace URIs.
  private var names = NameInterner()
  /// The elements converted so far.
  private(set) var tree = ElementTreeBuilder()

  init(name: String, lines: LineIndex, limits: XMLLimits) {
    locator = StartTagLocator(file: name, lines: lines)
    self.limits = limits
  }

  /// Adds the element and everything inside it to `tree`.
  mutating func element(from node: xmlNodePtr, depth: Int) throws(Diagnostics) {
    let location = locator.location(line: Int(xmlGetLineNo(node)))
    guard depth <= limits.maxDepth else {
      throw Diagnostics([
        Diagnostic(kind: .xmlTooDeep, at: location, "elements nest deeper than \(limits.maxDepth) levels")
      ])
    }
    var namespace: String?
    if let href = node.pointee.ns?.pointee.href { namespace = names.name(href) }
    tree.start(name: names.name(node.pointee.name), namespace: namespace, location: location)
    var attribute = node.pointee.properties
    while let current = attribute {
      tree.addAttribute(name: names.name(current.pointee.name), value: Self.value(of: current))
      attribute = current.pointee.next
    }
    var hasElements = false
    var onlyBlankText = true
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE: hasElements = true
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if onlyBlankText, let content = current.pointee.content, !Self.isBlank(content) { onlyBlankText = false }
      default: break
      }
      child = current.pointee.next
    }
    // White space between child elements is layout, not text: it is not kept (see ParsedElement.text).
    let keepsText = !hasElements || !onlyBlankText
    var text = ""
    child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        try self.element(from: current, depth: depth + 1)
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if keepsText, let content = current.pointee.content {
          if text.isEmpty {
            text = String(cString: content)
          } else {
            text += String(cString: content)
          }
        }
      default:
        break
      }
      child = current.pointee.next
    }
    tree.end(text: text)
  }

  /// Whether a text node holds only XML white space (space, tab, line feed, carriage return).
  private static func isBlank(_ content: UnsafePointer<xmlChar>) -> Bool {
    var pointer = content
    while true {
      switch pointer.pointee {
      case 0: return true
      case 0x20, 0x09, 0x0A, 0x0D: pointer += 1
      default: return false
      }
    }
  }

  /// An attribute's value: its one text node read in place (the usual case), else libxml2's
  /// concatenation of its children.
  private static func value(of attribute: xmlAttrPtr) -> String {
    if let only = attribute.pointee.children, only.pointee.next == nil, only.pointee.type == XML_TEXT_NODE,
      let content = only.pointee.content
    {
      return String(cString: content)
    }
    guard let value = xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1) else { return "" }
    defer { myco_xml_free(value) }
    return String(cString: value)
  }
}
