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
  ])
  func sameAsTheGeneralFold(_ text: String) {
    #expect(trimmed(text) == fold(text))
  }
}
