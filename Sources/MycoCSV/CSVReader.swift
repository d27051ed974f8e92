#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A small RFC 4180 CSV reader over UTF-8 bytes: quoted fields with `""` escapes and line
/// breaks, `\n` or `\r\n` line ends, an optional byte-order mark, and the 1-based line each
/// record starts on (for `FILE:ROW` messages). The yield records import and the growers CSV of
/// `myco sheet batch` both read CSV with it.
///
/// It reads bytes rather than `Character`s: a million-row file is parsed in a fraction of the
/// time a grapheme-based parser takes, and line numbers stay exact. A field is handed out as a
/// range of the file's bytes, not as a `String`: quoted fields are unescaped in place (the
/// unescaped text is never longer than the quoted one), so the import can parse numbers, dates
/// and ids straight from the bytes and make `String`s only where it needs them.
///
/// Two faults are never read past silently; the record carries a `problem` instead:
/// - a quoted field whose closing quote never comes (it would swallow every following row);
///   reading stops there, and the problem names the line the quote opened on;
/// - a NUL byte in a field (C text would end there).
///
/// The parsing loop is `@inlinable` so that clients compile it together with their row
/// handling, exactly as when the reader lived in their own module.
public struct CSVReader {
  /// Where one field's (unescaped) bytes are.
  public struct Field: Sendable {
    /// Offset of its first byte.
    public var start: Int
    /// Number of bytes.
    public var count: Int
    /// Whether every byte is ASCII (then it needs no UTF-8 validation).
    public var ascii: Bool
    /// Whether the field was written in quotes.
    public var quoted: Bool

    @inlinable
    public init(start: Int, count: Int, ascii: Bool, quoted: Bool) {
      self.start = start
      self.count = count
      self.ascii = ascii
      self.quoted = quoted
    }
  }

  /// Why a record cannot be trusted.
  public struct Problem: Sendable, Hashable {
    /// The 1-based line the fault is on (where the unclosed quote opened).
    public var line: Int
    /// The index of the field with the fault.
    public var field: Int
    /// What is wrong, in plain words.
    public var message: String

    @inlinable
    public init(line: Int, field: Int, message: String) {
      self.line = line
      self.field = field
      self.message = message
    }
  }

  /// A record: its first line number and its fields. Only valid during the call it is given to.
  public struct Record {
    /// 1-based line the record starts on.
    public var line: Int
    /// The fields, in order.
    public var fields: [Field]
    /// The file's bytes; `fields` are ranges of it.
    public var bytes: UnsafeBufferPointer<UInt8>
    /// Set when the record has a quote that is never closed or a NUL byte; its fields must
    /// not be used then.
    public var problem: Problem?

    @inlinable
    public init(line: Int, fields: [Field], bytes: UnsafeBufferPointer<UInt8>, problem: Problem? = nil) {
      self.line = line
      self.fields = fields
      self.bytes = bytes
      self.problem = problem
    }

    /// The bytes of field `index`.
    @inlinable
    public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
      let field = fields[index]
      return UnsafeBufferPointer(rebasing: bytes[field.start..<field.start + field.count])
    }

    /// Field `index` as text; nil where it is not valid UTF-8.
    @inlinable
    public func string(_ index: Int) -> String? {
      // ASCII needs no validation; `String(validating:)` is only paid for other text.
      fields[index].ascii
        ? String(decoding: bytes(index), as: UTF8.self)
        : String(validating: bytes(index), as: UTF8.self)
    }

    /// Every field as text (nil where a field is not valid UTF-8).
    @inlinable
    public var strings: [String?] { fields.indices.map(string) }
  }

  /// The file's bytes (unescaped in place while reading).
  @usableFromInline var bytes: [UInt8]
  /// Where the text starts: after a UTF-8 byte-order mark, if there is one.
  @usableFromInline let start: Int

  /// Reads from bytes; a UTF-8 byte-order mark is skipped.
  public init(bytes: [UInt8]) {
    self.bytes = bytes
    start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  }

  /// The offset of the first NUL byte at or after `from`, or `count` when there is none.
  @usableFromInline
  static func nextNUL(_ buffer: UnsafeMutableBufferPointer<UInt8>, from: Int) -> Int {
    guard from < buffer.count, let base = buffer.baseAddress else { return buffer.count }
    guard let found = memchr(base + from, 0, buffer.count - from) else { return buffer.count }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  /// Calls `body` for each record in order, skipping blank lines. A record with a `problem`
  /// is handed to `body` too; after an unclosed quote there are no more records.
  @inlinable
  public mutating func forEachRecord(_ body: (Record) throws -> Void) rethrows {
    let first = start
    try bytes.withUnsafeMutableBufferPointer { buffer in
      let count = buffer.count
      let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
      let carriageReturn = UInt8(ascii: "\r")
      // NUL bytes are found with memchr, not in the loops: the next one, or `count`.
      var nul = Self.nextNUL(buffer, from: first)
      var index = first
      var line = 1
      var fields: [Field] = []
      while index < count {
        let startLine = line
        fields.removeAll(keepingCapacity: true)
        var problem: Problem? = nil
        var atRecordEnd = false
        while !atRecordEnd {
          var ascii = true
          let rawStart = index
          var fieldStart = index
          var quoted = false
          // Where the next byte of the field goes; behind `index` once a quote was dropped.
          var write = index
          if index < count, buffer[index] == quote {
            quoted = true
            let openLine = line
            var closed = false
            index += 1
            fieldStart = index
            write = index
            while index < count {
              let byte = buffer[index]
              if byte == quote {
                if index + 1 < count, buffer[index + 1] == quote {
                  buffer[write] = byte
                  write += 1
                  index += 2
                  continue
                }
                index += 1
                closed = true
                break
              }
              if byte == newline { line += 1 }
              ascii = ascii && byte < 0x80
              buffer[write] = byte
              write += 1
              index += 1
            }
            if !closed {
              problem = Problem(
                line: openLine, field: fields.count,
                message: "a quoted field opens here and is never closed (a missing \")")
            }
          }
          // Unquoted part (or text after a closing quote, kept as is).
          while index < count {
            let byte = buffer[index]
            if byte == comma || byte == newline || byte == carriageReturn { break }
            ascii = ascii && byte < 0x80
            if write != index { buffer[write] = byte }
            write += 1
            index += 1
          }
          if nul < index {
            if problem == nil, nul >= rawStart {
              problem = Problem(line: startLine, field: fields.count, message: "contains a NUL byte")
            }
            nul = Self.nextNUL(buffer, from: index)
          }
          fields.append(Field(start: fieldStart, count: write - fieldStart, ascii: ascii, quoted: quoted))
          if index < count, buffer[index] == comma {
            index += 1
          } else {
            if index < count, buffer[index] == carriageReturn { index += 1 }
            if index < count, buffer[index] == newline { index += 1 }
            line += 1
            atRecordEnd = true
          }
        }
        if problem == nil, fields.count == 1, fields[0].count == 0 { continue }
        try body(Record(line: startLine, fields: fields, bytes: UnsafeBufferPointer(buffer), problem: problem))
      }
    }
  }
}
