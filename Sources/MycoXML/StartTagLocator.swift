import MycoDiagnostics

/// Where each start tag is. libxml2 gives only an element's line, so its column is found by
/// counting the start tags already seen on that line (both reading paths meet elements in
/// document order).
struct StartTagLocator {
  let file: String
  let lines: LineIndex
  private var lastLine = 0
  private var tagsOnLastLine = 0

  init(file: String, lines: LineIndex) {
    self.file = file
    self.lines = lines
  }

  /// The place of the next start tag, which libxml2 puts on `line`.
  mutating func location(line: Int) -> SourceLocation {
    let occurrence = line == lastLine ? tagsOnLastLine : 0
    lastLine = line
    tagsOnLastLine = occurrence + 1
    return SourceLocation(file: file, line: line, column: lines.columnOfStartTag(line: line, occurrence: occurrence))
  }
}
