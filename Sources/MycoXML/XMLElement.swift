/// One element of a parsed document, as a plain Swift value.
///
/// Only what Myco's formats use is kept: the local name, the namespace, attributes,
/// child elements, the text directly inside, and where the start tag is.
public struct XMLElement: Sendable, Hashable {
  /// The local name (without prefix).
  public var name: String
  /// The namespace URI, if any.
  public var namespace: String?
  /// Attributes by local name, in document order.
  public var attributes: [(name: String, value: String)]
  /// Child elements in document order.
  public var children: [XMLElement]
  /// The concatenated text and CDATA directly inside this element.
  public var text: String
  /// Where the start tag is.
  public var location: SourceLocation

  public init(
    name: String, namespace: String? = nil, attributes: [(name: String, value: String)] = [],
    children: [XMLElement] = [], text: String = "", location: SourceLocation
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
  public func children(named childName: String) -> [XMLElement] {
    children.filter { $0.name == childName }
  }

  /// The first child element with this local name.
  public func child(named childName: String) -> XMLElement? {
    children.first { $0.name == childName }
  }

  /// The text with surrounding white space removed and inner runs of white space folded to one space.
  public var trimmedText: String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
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
