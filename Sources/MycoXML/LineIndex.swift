import Foundation

/// Turns byte offsets and start-tag positions in a UTF-8 text into 1-based lines and columns.
struct LineIndex {
  private let bytes: [UInt8]
  private var lineStarts: [Int] = [0]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    // memchr finds the line feeds several bytes at a time (a byte loop was 2 % of a rule file's load).
    lineStarts = bytes.withUnsafeBufferPointer { buffer in
      var starts = [0]
      guard let base = buffer.baseAddress else { return starts }
      var offset = 0
      while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
        offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
        starts.append(offset)
      }
      return starts
    }
  }

  /// The line and column of a byte offset.
  func position(ofOffset offset: Int) -> (line: Int, column: Int) {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return (low + 1, characterCount(from: lineStarts[low], to: offset) + 1)
  }

  /// The column of the `occurrence`-th start tag (0-based) that begins on `line`, or 1 if not found.
  func columnOfStartTag(line: Int, occurrence: Int) -> Int {
    guard line >= 1, line <= lineStarts.count else { return 1 }
    let start = lineStarts[line - 1]
    let end = line < lineStarts.count ? lineStarts[line] : bytes.count
    var seen = 0
    var offset = start
    while offset < end - 1 {
      if bytes[offset] == UInt8(ascii: "<"), Self.isNameStart(bytes[offset + 1]) {
        if seen == occurrence { return characterCount(from: start, to: offset) + 1 }
        seen += 1
      }
      offset += 1
    }
    return 1
  }

  private func characterCount(from start: Int, to end: Int) -> Int {
    var count = 0
    var offset = start
    while offset < end && offset < bytes.count {
      if bytes[offset] & 0xC0 != 0x80 { count += 1 }
      offset += 1
    }
    return count
  }

  private static func isNameStart(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || byte == UInt8(ascii: "_") || byte >= 0x80
  }
}
