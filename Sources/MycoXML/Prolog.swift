/// Finds a `<!DOCTYPE` in a document's prolog without parsing it.
///
/// Myco's files need no DTD, and a DTD is where entities (XXE, entity bombs) are declared,
/// so the loader refuses any document type declaration before libxml2 sees it.
enum Prolog {
  /// The byte offset of a `<!DOCTYPE` before the root element, if there is one.
  static func doctypeOffset(in bytes: [UInt8]) -> Int? {
    var offset = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        offset += 1
      } else if matches("<?", in: bytes, at: offset) {
        guard let end = find("?>", in: bytes, from: offset + 2) else { return nil }
        offset = end + 2
      } else if matches("<!--", in: bytes, at: offset) {
        guard let end = find("-->", in: bytes, from: offset + 4) else { return nil }
        offset = end + 3
      } else if matches("<!DOCTYPE", in: bytes, at: offset) {
        return offset
      } else {
        return nil
      }
    }
    return nil
  }

  private static func matches(_ text: String, in bytes: [UInt8], at offset: Int) -> Bool {
    let pattern = Array(text.utf8)
    guard offset + pattern.count <= bytes.count else { return false }
    return bytes[offset..<offset + pattern.count].elementsEqual(pattern)
  }

  private static func find(_ text: String, in bytes: [UInt8], from start: Int) -> Int? {
    let pattern = Array(text.utf8)
    var offset = start
    while offset + pattern.count <= bytes.count {
      if bytes[offset..<offset + pattern.count].elementsEqual(pattern) { return offset }
      offset += 1
    }
    return nil
  }
}
