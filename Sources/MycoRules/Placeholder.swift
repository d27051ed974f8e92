/// `{fact-name}` placeholders in advice texts, replaced by the fact's value when advice is shown.
///
/// A placeholder is a fact name (`[a-z0-9][a-z0-9._-]*`) between braces; any other braced text
/// (`{注意}`, `{ }`) is printed as written. The rule loader refuses a placeholder that names no
/// fact of the vocabulary, so a misspelt name cannot reach a grower.
public enum Placeholder {
  /// One piece of a text: written text, or the name of a fact to fill in.
  public enum Piece: Sendable, Hashable {
    case literal(Substring)
    case fact(String)
  }

  /// The pieces of `text`, in order.
  public static func pieces(of text: String) -> [Piece] {
    // Most texts have no braces: answer without walking characters (a grapheme walk per text was
    // 7 % of a cold `myco advise`).
    guard text.utf8.contains(UInt8(ascii: "{")) else { return text.isEmpty ? [] : [.literal(text[...])] }
    var pieces: [Piece] = []
    var literalStart = text.startIndex
    var rest = text[...]
    while let open = rest.firstIndex(of: "{") {
      let afterOpen = text.index(after: open)
      guard let close = text[afterOpen...].firstIndex(where: { $0 == "}" || $0 == "{" }) else { break }
      guard text[close] == "}", isFactName(text[afterOpen..<close]) else {
        rest = text[close...]
        if text[close] == "}" { rest = text[text.index(after: close)...] }
        continue
      }
      if literalStart < open { pieces.append(.literal(text[literalStart..<open])) }
      pieces.append(.fact(String(text[afterOpen..<close])))
      literalStart = text.index(after: close)
      rest = text[literalStart...]
    }
    if literalStart < text.endIndex { pieces.append(.literal(text[literalStart...])) }
    return pieces
  }

  /// The fact names `text` refers to, in order.
  public static func facts(in text: String) -> [String] {
    pieces(of: text).compactMap { if case .fact(let name) = $0 { name } else { nil } }
  }

  /// Whether `name` has the shape of a fact name.
  static func isFactName(_ name: Substring) -> Bool {
    guard let first = name.unicodeScalars.first, first.isLowercaseASCIILetterOrDigit else { return false }
    return name.unicodeScalars.allSatisfy { $0.isLowercaseASCIILetterOrDigit || $0 == "." || $0 == "_" || $0 == "-" }
  }
}

extension Unicode.Scalar {
  fileprivate var isLowercaseASCIILetterOrDigit: Bool { ("a"..."z").contains(self) || ("0"..."9").contains(self) }
}
