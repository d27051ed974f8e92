import MycoDiagnostics
import Testing

@testable import MycoXML

/// `trimmedText` takes fast paths; each must give what the general fold gives.
@Suite struct TrimmedTextTests {
  private func fold(_ text: String) -> String { text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }

  private func trimmed(_ text: String) -> String {
    ParsedElement(name: "t", text: text, location: SourceLocation(file: "t", line: 1, column: 1)).trimmedText
  }

  @Test(arguments: [
    "", " ", "\n\t \r\n", "plain", "  two  words \n", "a\r\nb", "a\u{0B}b\u{0C}c", "Wait\tfor  cool\n weather ",
    "等天气转凉再制棒接种", "  等天气转凉\n  再接种  ", "中文\u{3000}全角空格", "no\u{00A0}break", "e\u{301} and  é",
    " \u{301}combining after a space", "line\u{2028}separator", "ascii then 中文  mixed ",
    "25 ℃ 以下再装袋", "  旬平均气温 25 ℃\n 以下  ", "👍🏽 ok", "a \u{200D} b", "中 \u{FE0F} 文",
    "already folded", " leading", "trailing ", "double  space", "中文 25 ℃ 以上", "中文 25 ℃ ", " 中文",
    "中文  两个空格", "tab\there", "a \u{301}b", "x\u{85}y", "\u{3000}全角", "ｆｕｌｌ ｗｉｄｔｈ", "e\u{301} é",
  ])
  func sameAsTheGeneralFold(_ text: String) {
    #expect(trimmed(text) == fold(text))
  }

  /// The table-free White_Space check agrees with Unicode's property on every scalar.
  @Test func whitespaceCheckMatchesTheProperty() {
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if ParsedElement.isWhitespace(value) != scalar.properties.isWhitespace {
        Issue.record("U+\(String(value, radix: 16)): White_Space is \(scalar.properties.isWhitespace)")
      }
    }
  }

  /// The shortcuts of the grapheme-extender check (no lookup below U+0300, for CJK ideographs and
  /// fullwidth ASCII) skip only scalars that are not marks.
  @Test func extenderShortcutsSkipOnlyNonMarks() {
    let marks: Set<Unicode.GeneralCategory> = [.nonspacingMark, .spacingMark, .enclosingMark]
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let expected =
        marks.contains(scalar.properties.generalCategory) || value == 0x200C || value == 0x200D
        || (0x1F3FB...0x1F3FF).contains(value) || (0xE0020...0xE007F).contains(value)
      if ParsedElement.mayExtendGrapheme(scalar) != expected {
        Issue.record("U+\(String(value, radix: 16)): extends a grapheme is \(expected)")
      }
    }
  }
}
