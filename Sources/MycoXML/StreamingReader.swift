import MycoDiagnostics
import Foundation
internal import CLibXML2

/// The fast path of ``XMLReader``: parses with libxml2's SAX2 interface, validates in the same pass
/// (`xmlSchemaSAXPlug`) and builds the ``ParsedElement`` tree directly from the parser's events,
/// without building libxml2's document tree, validating it, converting it and freeing it.
///
/// It only ever answers for a document that is well formed, valid and within the limits; for
/// anything else (a parse error, a schema violation, a depth over the limit, an attribute value
/// with `&`, a line past 65,534, an encoding other than UTF-8) it answers nil, and the caller
/// reads the document again the tree way, which reports exactly the messages it always has.
/// The tree it builds is the one ``TreeConverter`` builds from libxml2's tree (`StreamingReaderTests`
/// compares them).
enum StreamingReader {
  /// The same options as ``ParsedDocument``'s.
  static let options = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
      | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)

  /// The document's root element, or nil when the tree path must decide (see the type's comment).
  static func read(bytes: [UInt8], name: String, schema: XMLSchema?, lines: LineIndex, limits: XMLLimits)
    -> ParsedElement?
  {
    guard bytes.count < Int(Int32.max), declaresUTF8(bytes) else { return nil }
    LibXML2.initialize()
    // The whole parse runs inside the closure, so the text outlives every pointer into it.
    return bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
        parse($0, count: Int32(buffer.count), name: name, schema: schema, lines: lines, limits: limits)
      }
    }
  }

  private static func parse(
    _ text: UnsafePointer<CChar>, count: Int32, name: String, schema: XMLSchema?, lines: LineIndex,
    limits: XMLLimits
  ) -> ParsedElement? {
    guard let context = xmlCreateMemoryParserCtxt(text, count) else { return nil }
    defer { xmlFreeParserCtxt(context) }
    _ = xmlCtxtUseOptions(context, options)
    guard let sax = context.pointee.sax else { return nil }
    sax.pointee = xmlSAXHandler()
    sax.pointee.initialized = XML_SAX2_MAGIC
    sax.pointee.startElementNs = startElement
    sax.pointee.endElementNs = endElement
    sax.pointee.characters = characters
    sax.pointee.ignorableWhitespace = characters
    let builder = Builder(context: context, name: name, lines: lines, limits: limits)
    context.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()
    var validation: xmlSchemaValidCtxtPtr?
    var plug: xmlSchemaSAXPlugPtr?
    if let schema {
      guard let created = schema.newValidationContext() else { return nil }
      validation = created
      xmlSchemaSetValidStructuredErrors(created, ignoreError, nil)
      plug = xmlSchemaSAXPlug(created, &context.pointee.sax, &context.pointee.userData)
      guard plug != nil else {
        xmlSchemaFreeValidCtxt(created)
        return nil
      }
    }
    defer {
      if let plug { xmlSchemaSAXUnplug(plug) }
      if let validation { xmlSchemaFreeValidCtxt(validation) }
    }
    let parsed = withExtendedLifetime(builder) { xmlParseDocument(context) }
    guard parsed == 0, context.pointee.wellFormed != 0, !builder.refused, builder.tree.isComplete else { return nil }
    if let validation, xmlSchemaIsValid(validation) != 1 { return nil }
    return ParsedElement(tree: builder.tree.finish(), index: 0)
  }

  /// Whether the document is UTF-8 as far as its start shows: no UTF-16 or UTF-32 byte order mark
  /// or zero byte, and an XML declaration naming no encoding or UTF-8 (``ParsedDocument`` forces
  /// UTF-8; this path lets libxml2 detect it, so other declarations go the tree way).
  static func declaresUTF8(_ bytes: [UInt8]) -> Bool {
    var offset = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "<") else { return false }
    guard bytes[offset...].starts(with: Array("<?xml".utf8)) else { return true }
    var declaration: [UInt8] = []
    var index = offset
    while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == UInt8(ascii: ">")) {
      let byte = bytes[index]
      if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
        declaration.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
      }
      index += 1
    }
    let text = String(decoding: declaration, as: UTF8.self)
    guard text.contains("encoding") else { return true }
    return text.contains("encoding=\"utf-8\"") || text.contains("encoding='utf-8'")
  }

  /// Builds the tree from the parser's events; `refused` once the tree path must decide.
  final class Builder {
    let context: xmlParserCtxtPtr
    let limits: XMLLimits
    // The builder is only used by the one thread parsing, one callback at a time, so the
    // dynamic exclusivity checks on its properties (a tenth of the time) are turned off.
    @exclusivity(unchecked) var refused = false
    @exclusivity(unchecked) var tree = ElementTreeBuilder()
    /// Where each open element's text starts in `text`, innermost last.
    @exclusivity(unchecked) var firstTextBytes: [Int] = []
    /// The text bytes of the open elements, innermost last.
    @exclusivity(unchecked) var text: [UInt8] = []
    @exclusivity(unchecked) private var locator: StartTagLocator
    /// Element and attribute names.
    @exclusivity(unchecked) private var names = NameInterner()
    /// The last namespace URI seen, by content (its pointer need not outlive the element).
    @exclusivity(unchecked) private var lastNamespace: (bytes: [UInt8], text: String)?

    init(context: xmlParserCtxtPtr, name: String, lines: LineIndex, limits: XMLLimits) {
      self.context = context
      locator = StartTagLocator(file: name, lines: lines)
      self.limits = limits
    }

    /// Gives the document to the tree path. The parse runs on with every later event ignored:
    /// `xmlStopParser` here would free the input buffer that the schema validator, called after
    /// this callback for the same start tag, still reads the attribute values from.
    func refuse() {
      refused = true
    }

    func namespace(_ uri: UnsafePointer<xmlChar>) -> String {
      let bytes = UnsafeBufferPointer(start: uri, count: Int(xmlStrlen(uri)))
      if let lastNamespace, lastNamespace.bytes.count == bytes.count,
        lastNamespace.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, uri, bytes.count) == 0 })
      {
        return lastNamespace.text
      }
      let text = String(decoding: bytes, as: UTF8.self)
      lastNamespace = (Array(bytes), text)
      return text
    }

    func start(
      _ localName: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?, _ count: Int,
      _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
      guard !refused else { return }
      // libxml2 keeps the line in an unsigned short on the tree's nodes; past that the tree path
      // reads it differently, so such documents go that way.
      guard let input = context.pointee.input, input.pointee.line < 65535, tree.depth < limits.maxDepth,
        !tree.isComplete
      else { return refuse() }
      let location = locator.location(line: Int(input.pointee.line))
      tree.start(name: names.name(localName), namespace: uri.map { namespace($0) }, location: location)
      if count > 0, let attributes {
        for index in 0..<count {
          let base = attributes + 5 * index
          guard let attributeName = base[0], let value = base[3], let end = base[4] else { return refuse() }
          let bytes = UnsafeBufferPointer(start: value, count: end - value)
          // libxml2 hands `&` on as `&#38;` here and decodes it only in the tree: leave that to the tree.
          if bytes.contains(UInt8(ascii: "&")) { return refuse() }
          tree.addAttribute(name: names.name(attributeName), value: String(decoding: bytes, as: UTF8.self))
        }
      }
      firstTextBytes.append(text.count)
    }

    func end() {
      guard !refused, let first = firstTextBytes.popLast() else { return refuse() }
      let hasChildren = tree.innermostHasChildren
      let textCount = text.count - first
      var elementText = ""
      if textCount > 0 {
        elementText = text.withUnsafeBufferPointer { buffer in
          let bytes = UnsafeBufferPointer(rebasing: buffer[first...])
          // White space between child elements is layout, not text (as in TreeConverter).
          if hasChildren && bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return ""
          }
          return String(decoding: bytes, as: UTF8.self)
        }
        text.removeLast(textCount)
      }
      tree.end(text: elementText)
    }

    func characters(_ pointer: UnsafePointer<xmlChar>, _ count: Int) {
      guard !refused, !firstTextBytes.isEmpty, count > 0 else { return }
      text.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
    }
  }
}

private func builder(_ context: UnsafeMutableRawPointer?) -> StreamingReader.Builder? {
  context.map { Unmanaged<StreamingReader.Builder>.fromOpaque($0).takeUnretainedValue() }
}

private func startElement(
  _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
  _ uri: UnsafePointer<xmlChar>?, _ namespaceCount: Int32,
  _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int32, _ defaulted: Int32,
  _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
  guard let builder = builder(context) else { return }
  guard let localName, defaulted == 0 else { return builder.refuse() }
  builder.start(localName, uri, Int(attributeCount), attributes)
}

private func endElement(
  _ context: UnsafeMutableRawPointer?, _ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
  _ uri: UnsafePointer<xmlChar>?
) {
  builder(context)?.end()
}

private func characters(_ context: UnsafeMutableRawPointer?, _ pointer: UnsafePointer<xmlChar>?, _ count: Int32) {
  guard let pointer else { return }
  builder(context)?.characters(pointer, Int(count))
}

/// Schema errors are not reported from this path (the tree path reports them), only counted by libxml2.
private func ignoreError(_ context: UnsafeMutableRawPointer?, _ record: xmlErrorPtr?) {}
