/// Writes CSV text that is safe to open in a spreadsheet.
///
/// Fields with a comma, quote or line break, or a space or tab at either end, are quoted. Text that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`, which
/// spreadsheets show as "text"; a text that already starts with `'` before such a character gets
/// one more, so `CSVWriter.unguard` on import gives back exactly the original text.
struct CSVWriter {
  /// The UTF-8 byte-order mark, written first so that spreadsheets read Chinese text right.
  static let byteOrderMark = "\u{FEFF}"

  private(set) var text = CSVWriter.byteOrderMark

  /// Appends one record.
  mutating func append(_ fields: [String]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { text += "," }
      text += CSVWriter.quoted(field)
    }
    text += "\n"
  }

  /// Quotes a field when needed: for a comma, quote or line break, and for a space or tab at
  /// either end (import trims unquoted cells, and keeps quoted ones exactly).
  static func quoted(_ field: String) -> String {
    func isEdgeSpace(_ byte: UInt8?) -> Bool { byte == 32 || byte == 9 }
    guard
      field.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 })
        || isEdgeSpace(field.utf8.first) || isEdgeSpace(field.utf8.last)
    else {
      return field
    }
    return "\"" + field.replacing("\"", with: "\"\"") + "\""
  }

  /// The text as written to a text cell: guarded against formula injection.
  static func guarded(_ text: String) -> String {
    needsGuard(Substring(text)) ? "'" + text : text
  }

  /// The original text of a guarded cell (the inverse of `guarded`).
  static func unguard(_ text: String) -> String {
    if text.hasPrefix("'"), needsGuard(text.dropFirst()) { return String(text.dropFirst()) }
    return text
  }

  private static func needsGuard(_ text: Substring) -> Bool {
    var scalars = text.unicodeScalars[...]
    while let first = scalars.first {
      switch first {
      case "=", "+", "-", "@", "\t", "\r": return true
      case "'": scalars = scalars.dropFirst()
      default: return false
      }
    }
    return false
  }
}
