import MycoDiagnostics

/// The elements of one parsed document in flat arrays: one node per element in document order,
/// each child list a range of `children`, each attribute list a range of `attributeNames` and
/// `attributeValues`. ``ParsedElement`` is a view into it.
///
/// Nested values (an array of children in each element) cost a copy of every field whenever an
/// element was passed on, and a walk of the whole tree to free it; here a document is a few arrays.
final class ElementTree: Sendable {
  struct Node: Sendable {
    var name: String
    var text: String
    /// Index in `strings`, or -1 for no namespace.
    var namespace: Int32
    /// Index in `strings` of the file name.
    var file: Int32
    var line: Int32
    var column: Int32
    var attributeStart: Int32
    var attributeCount: Int32
    var childStart: Int32
    var childCount: Int32
  }

  let nodes: [Node]
  /// Node indices: each node's children are `children[childStart..<childStart + childCount]`.
  let children: [Int32]
  let attributeNames: [String]
  let attributeValues: [String]
  /// Namespace URIs and file names, each once.
  let strings: [String]

  init(nodes: [Node], children: [Int32], attributeNames: [String], attributeValues: [String], strings: [String]) {
    self.nodes = nodes
    self.children = children
    self.attributeNames = attributeNames
    self.attributeValues = attributeValues
    self.strings = strings
  }
}

/// Builds an ``ElementTree`` from start and end events in document order (the parser's events, or
/// a walk of libxml2's tree): `start`, its `addAttribute`s, the children, then `end`.
struct ElementTreeBuilder {
  private var nodes: [ElementTree.Node] = []
  private var children: [Int32] = []
  private var attributeNames: [String] = []
  private var attributeValues: [String] = []
  private var strings: [String] = []
  /// Open elements, innermost last, with where their children start in `pending`.
  private var open: [(node: Int32, firstPending: Int)] = []
  /// The children of the open elements, each open element's after its own entry.
  private var pending: [Int32] = []

  init() {}

  /// How many elements are open.
  var depth: Int { open.count }

  /// Whether the innermost open element has child elements so far.
  var innermostHasChildren: Bool {
    guard let innermost = open.last else { return false }
    return pending.count > innermost.firstPending
  }

  /// Whether the root element has ended.
  var isComplete: Bool { open.isEmpty && !nodes.isEmpty }

  /// The file of the last element started, and its index in `strings`.
  private var lastFile: (name: String, index: Int32)?

  private mutating func stringIndex(_ text: String) -> Int32 {
    // A document has one file name and at most a few namespaces: a scan beats hashing.
    if let known = strings.lastIndex(of: text) { return Int32(known) }
    strings.append(text)
    return Int32(strings.count - 1)
  }

  /// Every element of a parsed document names the same file: it is found again without a scan.
  private mutating func fileIndex(_ file: String) -> Int32 {
    if let lastFile, lastFile.name == file { return lastFile.index }
    let index = stringIndex(file)
    lastFile = (file, index)
    return index
  }

  /// Opens an element as a child of the innermost open one (or as the root).
  mutating func start(name: String, namespace: String?, location: SourceLocation) {
    let index = Int32(nodes.count)
    nodes.append(
      ElementTree.Node(
        name: name, text: "", namespace: namespace.map { stringIndex($0) } ?? -1, file: fileIndex(location.file),
        line: Int32(clamping: location.line), column: Int32(clamping: location.column),
        attributeStart: Int32(attributeNames.count), attributeCount: 0, childStart: 0, childCount: 0))
    if !open.isEmpty { pending.append(index) }
    open.append((index, pending.count))
  }

  /// Adds an attribute to the element opened last (before any of its children).
  mutating func addAttribute(name: String, value: String) {
    attributeNames.append(name)
    attributeValues.append(value)
    nodes[nodes.count - 1].attributeCount += 1
  }

  /// Closes the innermost open element, with the text directly inside it.
  mutating func end(text: String) {
    let (node, firstPending) = open.removeLast()
    let childCount = pending.count - firstPending
    nodes[Int(node)].childStart = Int32(children.count)
    nodes[Int(node)].childCount = Int32(childCount)
    if childCount > 0 {
      children.append(contentsOf: pending[firstPending...])
      pending.removeLast(childCount)
    }
    if !text.isEmpty { nodes[Int(node)].text = text }
  }

  /// Copies an element of another tree, with everything inside it, as a child of the innermost open element.
  mutating func copy(_ element: ParsedElement) {
    start(name: element.name, namespace: element.namespace, location: element.location)
    for attribute in element.attributes { addAttribute(name: attribute.name, value: attribute.value) }
    for child in element.children { copy(child) }
    end(text: element.text)
  }

  /// The finished tree; its root is node 0.
  func finish() -> ElementTree {
    ElementTree(
      nodes: nodes, children: children, attributeNames: attributeNames, attributeValues: attributeValues,
      strings: strings)
  }
}
