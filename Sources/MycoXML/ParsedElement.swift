import MycoDiagnostics

/// One element of a parsed document, as a plain Swift value.
///
/// Only what Myco's formats use is kept: the local name, the namespace, attributes,
/// child elements, the text directly inside, and where the start tag is.
public struct ParsedElement: Sendable, Hashable {
  /// The local name (without prefix).
  public var name: String
  /// The namespace URI, if any.
  public var namespace: String?
  /// Attributes by local name, in document order.
  public var attributes: [(name: String, value: String)]
  /// Child elements in document order.
  public var children: [ParsedElement]
  /// The concatenated text and CDATA directly inside this element.
  public var text: String
  /// Where the start tag is.
  public var location: SourceLocation

  public init(
    name: String, namespace: String? = nil, attributes: [(name: String, value: String)] = [],
    children: [ParsedElement] = [], text: String = "", location: SourceLocation
  ) {
    self.name = name
    self.namespace = namespace
    self.attributes = attributes
    self.children = children
    self.text = text
    self.location = location
  }

  /// The value of the attribute with this local name, if present.
  public subscript(attribute: String) -> String? {
    attributes.first { $0.name == attribute }?.value
  }

  /// Child elements with this local name.
  public func children(named childName: String) -> [ParsedElement] {
    children.filter { $0.name == childName }
  }

  /// The first child element with this local name.
  public func child(named childName: String) -> ParsedElement? {
    children.first { $0.name == childName }
  }

  /// The text with surrounding white space removed and inner runs of white space folded to one space.
  ///
  /// Same result as `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")`, which
  /// was a third of `myco advise`'s start-up (every title, text and reason goes through here):
  /// text without white space is returned as is, ASCII text is folded byte by byte, and only
  /// other text (e.g. Chinese with spaces) takes the general, grapheme-aware path.
  public var trimmedText: String {
    var ascii = true
    var hasWhitespace = false
    for scalar in text.unicodeScalars {
      if !scalar.isASCII { ascii = false }
      // Character.isWhitespace is the White_Space property of the character's first scalar.
      if scalar.properties.isWhitespace { hasWhitespace = true }
      if hasWhitespace && !ascii { break }
    }
    if !hasWhitespace { return text }
    if ascii { return Self.foldASCIIWhitespace(text) }
    // Without scalars that join a preceding one into a grapheme, characters and scalars split
    // alike, so the fold can walk scalars (Chinese text with spaces takes this path).
    if !text.unicodeScalars.contains(where: Self.extendsGrapheme) { return Self.foldScalarWhitespace(text) }
    return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Whether a scalar can attach to the scalar before it in one grapheme (marks, joiners,
  /// emoji modifiers, tags), which would change where `Character`-based splitting cuts.
  private static func extendsGrapheme(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default:
      return scalar.value == 0x200C || scalar.value == 0x200D || (0x1F3FB...0x1F3FF).contains(scalar.value)
        || (0xE0020...0xE007F).contains(scalar.value)
    }
  }

  /// Folds runs of Unicode white space, scalar by scalar.
  private static func foldScalarWhitespace(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(scalar)
      }
    }
    return String(result)
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
    lhs.name == rhs.name && lhs.namespace == rhs.namespace
      && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
      && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
      && lhs.children == rhs.children && lhs.text == rhs.text && lhs.location == rhs.location
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(location)
  }
}
