import MycoDiagnostics

/// One element of a parsed document, as a plain Swift value.
///
/// Only what Myco's formats use is kept: the local name, the namespace, attributes,
/// child elements, the text directly inside, and where the start tag is.
public struct ParsedElement: Sendable, Hashable {
  /// The document the element belongs to, and its place there. An element is a view into its
  /// document's one flat table of elements (``ElementTree``), so copying it costs one reference
  /// count, and freeing a document frees a handful of arrays, not one value per element.
  let tree: ElementTree
  let index: Int

  init(tree: ElementTree, index: Int) {
    self.tree = tree
    self.index = index
  }

  /// An element built by hand (for tests and small documents): its own document holding it and
  /// copies of the given children.
  public init(
    name: String, namespace: String? = nil, attributes: [(name: String, value: String)] = [],
    children: [ParsedElement] = [], text: String = "", location: SourceLocation
  ) {
    var builder = ElementTreeBuilder()
    builder.start(name: name, namespace: namespace, location: location)
    for attribute in attributes { builder.addAttribute(name: attribute.name, value: attribute.value) }
    for child in children { builder.copy(child) }
    builder.end(text: text)
    self.init(tree: builder.finish(), index: 0)
  }

  /// The local name (without prefix).
  public var name: String { tree.nodes[index].name }

  /// The namespace URI, if any.
  public var namespace: String? {
    let namespace = tree.nodes[index].namespace
    return namespace < 0 ? nil : tree.strings[Int(namespace)]
  }

  /// Attributes by local name, in document order.
  public var attributes: Attributes {
    let node = tree.nodes[index]
    return Attributes(tree: tree, start: Int(node.attributeStart), count: Int(node.attributeCount))
  }

  /// Child elements in document order.
  public var children: Children {
    let node = tree.nodes[index]
    return Children(tree: tree, start: Int(node.childStart), count: Int(node.childCount))
  }

  /// The concatenated text and CDATA directly inside this element; empty for an element whose
  /// only text is white space between its child elements (indentation is layout, not text).
  public var text: String { tree.nodes[index].text }

  /// Where the start tag is.
  public var location: SourceLocation {
    let node = tree.nodes[index]
    return SourceLocation(file: tree.strings[Int(node.file)], line: Int(node.line), column: Int(node.column))
  }

  /// The value of the attribute with this local name, if present.
  public subscript(attribute: String) -> String? {
    let node = tree.nodes[index]
    let start = Int(node.attributeStart)
    let length = attribute.utf8.count
    for position in start..<start + Int(node.attributeCount) {
      // Comparing lengths first skips the general string comparison for most names (a rule's
      // fact test asks for fifteen attributes it mostly does not have).
      let name = tree.attributeNames[position]
      if name.utf8.count == length && name == attribute { return tree.attributeValues[position] }
    }
    return nil
  }

  /// Child elements with this local name.
  public func children(named childName: String) -> [ParsedElement] {
    children.filter { $0.name == childName }
  }

  /// The first child element with this local name.
  public func child(named childName: String) -> ParsedElement? {
    children.first { $0.name == childName }
  }

  /// An element's attributes, in document order.
  public struct Attributes: RandomAccessCollection, Sendable {
    let tree: ElementTree
    let start: Int
    public let count: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> (name: String, value: String) {
      precondition(position >= 0 && position < count, "attribute index out of range")
      return (tree.attributeNames[start + position], tree.attributeValues[start + position])
    }
  }

  /// An element's child elements, in document order.
  public struct Children: RandomAccessCollection, Sendable {
    let tree: ElementTree
    let start: Int
    public let count: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> ParsedElement {
      precondition(position >= 0 && position < count, "child index out of range")
      return ParsedElement(tree: tree, index: Int(tree.children[start + position]))
    }
  }

  /// The text with surrounding white space removed and inner runs of white space folded to one space.
  ///
  /// Same result as `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")`, which
  /// was a third of `myco advise`'s start-up (every title, text and reason goes through here).
  /// One pass classifies the scalars with table-free checks (``isWhitespace(_:)``,
  /// ``mayExtendGrapheme(_:)``: the Unicode property lookups were most of its cost): text that is
  /// already folded (no white space but single spaces between words) is returned as is, ASCII text
  /// is folded byte by byte, other text without grapheme extenders scalar by scalar, and only the
  /// rest takes the general, grapheme-aware path.
  public var trimmedText: String {
    var ascii = true
    var hasWhitespace = false
    var folded = true
    var extends = false
    var previousIsSpace = true
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        let space = value == 0x20 || (0x09...0x0D).contains(value)
        if space {
          hasWhitespace = true
          if value != 0x20 || previousIsSpace { folded = false }
        }
        previousIsSpace = space
        continue
      }
      ascii = false
      let space = Self.isWhitespace(value)
      if space {
        hasWhitespace = true
        folded = false
      } else if !extends && Self.mayExtendGrapheme(scalar) {
        extends = true
      }
      previousIsSpace = space
    }
    if previousIsSpace && !text.isEmpty { folded = false }
    if !hasWhitespace { return text }
    if ascii { return folded ? text : Self.foldASCIIWhitespace(text) }
    // Without scalars that join a preceding one into a grapheme, characters and scalars split
    // alike, so the fold can walk scalars (Chinese text with spaces takes this path).
    if !extends { return folded ? text : Self.foldScalarWhitespace(text) }
    return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Whether the scalar has the Unicode White_Space property (what `Character.isWhitespace` reads,
  /// on a character's first scalar), without the property table lookup.
  static func isWhitespace(_ value: UInt32) -> Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// Whether a scalar can attach to the scalar before it in one grapheme (marks, joiners,
  /// emoji modifiers, tags), which would change where `Character`-based splitting cuts. Latin
  /// letters below U+0300, CJK ideographs and fullwidth ASCII forms are answered without a lookup.
  static func mayExtendGrapheme(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x300 || (0x4E00...0x9FFF).contains(value) || (0xFF01...0xFF5E).contains(value) { return false }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default:
      return value == 0x200C || value == 0x200D || (0x1F3FB...0x1F3FF).contains(value)
        || (0xE0020...0xE007F).contains(value)
    }
  }

  /// Folds runs of Unicode white space, scalar by scalar (into UTF-8 bytes: appending to a
  /// `String.UnicodeScalarView` one scalar at a time cost more than the rest of the fold).
  private static func foldScalarWhitespace(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if isWhitespace(scalar.value) {
        pendingSpace = !bytes.isEmpty
      } else {
        if pendingSpace { bytes.append(0x20) }
        pendingSpace = false
        UTF8.encode(scalar) { bytes.append($0) }
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Folds runs of ASCII white space (tab, line feed, vertical tab, form feed, return, space).
  private static func foldASCIIWhitespace(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for byte in text.utf8 {
      if byte == 0x20 || (0x09...0x0D).contains(byte) {
        pendingSpace = !bytes.isEmpty
      } else {
        if pendingSpace { bytes.append(0x20) }
        pendingSpace = false
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  public static func == (lhs: ParsedElement, rhs: ParsedElement) -> Bool {
    if lhs.tree === rhs.tree && lhs.index == rhs.index { return true }
    return lhs.name == rhs.name && lhs.namespace == rhs.namespace
      && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
      && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
      && lhs.children.elementsEqual(rhs.children) && lhs.text == rhs.text && lhs.location == rhs.location
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(location)
  }
}
