internal import CLibXML2

/// Element and attribute names by libxml2's pointer: libxml2 keeps one copy of each name in its
/// dictionary for the whole parse, so a document's thousands of `<fact>` elements share one `String`.
/// Used by both reading paths (``StreamingReader`` and ``TreeConverter``).
struct NameInterner {
  private var known: [UnsafePointer<xmlChar>: String] = [:]
  /// The last names, by a few bits of their pointer: a document has a few dozen names, so most
  /// lookups end here without hashing.
  private var recent = [(pointer: UnsafePointer<xmlChar>?, name: String)](repeating: (nil, ""), count: 64)

  mutating func name(_ pointer: UnsafePointer<xmlChar>) -> String {
    let slot = Int(truncatingIfNeeded: UInt(bitPattern: pointer) >> 3) & 63
    if recent[slot].pointer == pointer { return recent[slot].name }
    let text: String
    if let name = known[pointer] {
      text = name
    } else {
      text = String(cString: pointer)
      known[pointer] = text
    }
    recent[slot] = (pointer, text)
    return text
  }
}
