/// Text made safe to print on a terminal.
///
/// A grower name, a variety typed on the command line or a cell of a CSV file may hold control
/// characters: ESC starts terminal escape sequences (colours, cursor moves, window titles),
/// CR and LF rewrite or forge lines. Every text output that shows such values passes them
/// through `escaped(_:)`; JSON, CSV and HTML outputs have their own escaping and do not.
public enum TerminalText {
  /// `text` with every control character written as a visible escape: `\n`, `\r`, `\t`, and
  /// `\u{1B}`-style for the other C0 controls, DEL and the C1 controls (U+0080–U+009F), and
  /// for the Unicode line and paragraph separators. Other text, Chinese included, is unchanged.
  public static func escaped(_ text: some StringProtocol) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return String(text) }
    var out = ""
    for scalar in text.unicodeScalars {
      guard needsEscape(scalar) else {
        out.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    return out
  }

  /// Like `escaped(_:)`, but keeps line feeds and tabs: for whole outputs Myco lays out itself
  /// (a text report, a list of problems), whose lines may carry values from users and files.
  /// Values should still be escaped with `escaped(_:)` where they are put in, so that a line
  /// feed inside a value cannot forge a line.
  public static func escapedKeepingLayout(_ text: some StringProtocol) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0) && $0 != "\n" && $0 != "\t" }) else {
      return String(text)
    }
    var out = ""
    var run = ""
    for scalar in text.unicodeScalars {
      if scalar == "\n" || scalar == "\t" {
        out += escaped(run)
        out.unicodeScalars.append(scalar)
        run = ""
      } else {
        run.unicodeScalars.append(scalar)
      }
    }
    return out + escaped(run)
  }

  /// Whether a scalar is a control character a terminal may act on.
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
    default: false
    }
  }
}
