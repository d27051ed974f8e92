/// A value that writes itself to, and reads itself back from, Myco's compact binary form.
///
/// Used by the compiled rule-base cache. Every read is bounds-checked and throws
/// ``BinaryCodingError`` on anything malformed: a damaged cache must never crash or load half.
public protocol BinaryCodable {
  /// Appends this value to `writer`.
  func write(to writer: inout BinaryWriter)
  /// Reads a value written by ``write(to:)``.
  init(from reader: inout BinaryReader) throws(BinaryCodingError)
}

/// Malformed binary data.
public struct BinaryCodingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What was wrong.
  public var message: String

  /// An error saying what was wrong.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

/// Builds a binary document: a table of distinct strings, then the values that refer to them.
///
/// Integers are LEB128 varints (zig-zag for signed), doubles their 8 IEEE bytes (little-endian),
/// strings an index into the string table (each distinct string is stored once).
public struct BinaryWriter {
  private var body: [UInt8] = []
  private var stringIndex: [String: Int] = [:]
  private var strings: [String] = []
  /// The values written with ``writeShared(_:)`` in the current section, by number.
  private var shared: [AnyHashable: Int] = [:]

  /// An empty writer.
  public init() {}

  /// The finished document: the string table, then the body.
  public func finished() -> [UInt8] {
    var table = BinaryWriter()
    table.writeUnsigned(UInt64(strings.count))
    for string in strings {
      let utf8 = Array(string.utf8)
      table.writeUnsigned(UInt64(utf8.count))
      table.body += utf8
    }
    return table.body + body
  }

  /// Appends a varint.
  public mutating func writeUnsigned(_ value: UInt64) {
    var value = value
    while value >= 0x80 {
      body.append(UInt8(truncatingIfNeeded: value) | 0x80)
      value >>= 7
    }
    body.append(UInt8(value))
  }

  /// Appends a count or another non-negative size.
  public mutating func writeCount(_ count: Int) { writeUnsigned(UInt64(count)) }

  /// Appends any value.
  public mutating func write<Value: BinaryCodable>(_ value: Value) { value.write(to: &self) }

  /// Appends a presence byte, then the value if present.
  public mutating func write<Value: BinaryCodable>(_ value: Value?) {
    if let value {
      body.append(1)
      value.write(to: &self)
    } else {
      body.append(0)
    }
  }

  /// Appends a count, then each element.
  public mutating func write<Element: BinaryCodable>(_ values: [Element]) {
    writeCount(values.count)
    for value in values { value.write(to: &self) }
  }

  /// Appends the members sorted, so equal sets give equal bytes.
  public mutating func write(_ values: Set<String>) { write(values.sorted()) }

  /// Appends the pairs sorted by key.
  public mutating func write(_ values: [String: String]) {
    writeCount(values.count)
    for (key, value) in values.sorted(by: { $0.key < $1.key }) {
      write(key)
      write(value)
    }
  }

  /// Appends a raw byte.
  public mutating func writeByte(_ byte: UInt8) { body.append(byte) }

  /// Appends a section: its length in bytes (8 bytes, little-endian), then what `content` writes.
  /// A reader can hand the section to another thread (``BinaryReader/readSection()``) and go on
  /// past it. Strings in a section still go to the one string table.
  public mutating func writeSection(_ content: (inout BinaryWriter) -> Void) {
    let start = body.count
    body += [UInt8](repeating: 0, count: 8)
    // A section is read on its own, so it shares values only within itself.
    let outerShared = shared
    shared = [:]
    content(&self)
    shared = outerShared
    let length = UInt64(body.count - start - 8)
    for index in 0..<8 { body[start + index] = UInt8(truncatingIfNeeded: length >> (8 * UInt64(index))) }
  }

  /// Appends a value that may repeat (e.g. the sources many rules cite): in full the first time in
  /// a section (after a 0), then as the number of that first time plus one, so a reader decodes
  /// it once and shares it.
  public mutating func writeShared<Value: BinaryCodable & Hashable & Sendable>(_ value: Value) {
    if let number = shared[AnyHashable(value)] {
      writeCount(number + 1)
      return
    }
    writeCount(0)
    value.write(to: &self)
    shared[AnyHashable(value)] = shared.count
  }

  /// Appends a string as its index in the string table.
  mutating func writeString(_ string: String) {
    if let index = stringIndex[string] {
      writeUnsigned(UInt64(index))
    } else {
      stringIndex[string] = strings.count
      writeUnsigned(UInt64(strings.count))
      strings.append(string)
    }
  }
}

/// Reads a document built by ``BinaryWriter``, checking every length, index and tag.
public struct BinaryReader: Sendable {
  private let bytes: [UInt8]
  private var position = 0
  /// Where this reader's data ends (the end of `bytes`, or of a section).
  private var end: Int
  private var strings: [String] = []
  /// The values read with ``readShared(_:)`` in the current section, by number.
  private var shared: [any Sendable] = []
  private var depth = 0
  /// How deeply values may nest (recursive conditions): deeper data is refused, not a stack overflow.
  public static let maximumDepth = 256

  /// Reads the string table at `bytes[start...]`, the start of the document (the bytes before it,
  /// e.g. a file header, are not copied); invalid UTF-8 is refused.
  ///
  /// Each string is decoded with `String(decoding:)` (which would repair invalid UTF-8) and then
  /// compared with its bytes: a repaired string differs. This is several times faster than
  /// `String(validating:)`, which took a tenth of a cached load of 100,000 rules (500,000 strings).
  public init(_ bytes: [UInt8], from start: Int = 0) throws(BinaryCodingError) {
    guard (0...bytes.count).contains(start) else { throw BinaryCodingError("start \(start) outside the data") }
    self.bytes = bytes
    self.position = start
    self.end = bytes.count
    let count = try readCount()
    strings.reserveCapacity(count)
    try bytes.withUnsafeBufferPointer { (buffer) throws(BinaryCodingError) in
      for _ in 0..<count {
        let length = try readCount()
        let utf8 = UnsafeBufferPointer(rebasing: buffer[position..<(position + length)])
        var string = String(decoding: utf8, as: UTF8.self)
        guard Self.sameBytes(&string, utf8) else { throw BinaryCodingError("invalid UTF-8 in the string table") }
        strings.append(string)
        position += length
      }
    }
  }

  /// True when `string`'s UTF-8 is exactly `bytes` (a string repaired from invalid UTF-8 is not).
  private static func sameBytes(_ string: inout String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    string.withUTF8 { utf8 in
      guard utf8.count == bytes.count else { return false }
      for index in 0..<utf8.count where utf8[index] != bytes[index] { return false }
      return true
    }
  }

  /// True when every byte was read (of a section: every byte of the section).
  public var isAtEnd: Bool { position == end }

  /// Reads a section written by ``BinaryWriter/writeSection(_:)``: returns a reader of the
  /// section alone (sharing the bytes and the string table, so it is cheap to make and can be
  /// read on another thread) and moves this reader past it.
  public mutating func readSection() throws(BinaryCodingError) -> BinaryReader {
    var length: UInt64 = 0
    for index in 0..<8 { length |= UInt64(try readByte()) << (8 * UInt64(index)) }
    guard length <= UInt64(end - position) else {
      throw BinaryCodingError("section of \(length) bytes exceeds the data")
    }
    var section = self
    section.end = position + Int(length)
    section.shared = []
    position += Int(length)
    return section
  }

  /// Reads a raw byte.
  public mutating func readByte() throws(BinaryCodingError) -> UInt8 {
    guard position < end else { throw BinaryCodingError("unexpected end of data") }
    defer { position += 1 }
    return bytes[position]
  }

  /// Reads a varint.
  public mutating func readUnsigned() throws(BinaryCodingError) -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = try readByte()
      guard shift < 63 || (shift == 63 && byte <= 1) else { throw BinaryCodingError("varint overflows 64 bits") }
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
  }

  /// Reads a count; it can be no larger than the bytes left (each element takes at least one).
  public mutating func readCount() throws(BinaryCodingError) -> Int {
    let value = try readUnsigned()
    guard value <= UInt64(end - position) else { throw BinaryCodingError("count \(value) exceeds the data") }
    return Int(value)
  }

  /// Reads any value.
  public mutating func read<Value: BinaryCodable>(_ type: Value.Type = Value.self) throws(BinaryCodingError) -> Value {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else { throw BinaryCodingError("values nest too deeply") }
    return try Value(from: &self)
  }

  /// Reads an optional value (a presence byte, then the value).
  public mutating func readOptional<Value: BinaryCodable>(_ type: Value.Type = Value.self) throws(BinaryCodingError)
    -> Value?
  {
    switch try readByte() {
    case 0: return nil
    case 1: return try read(Value.self)
    case let tag: throw BinaryCodingError("bad presence byte \(tag)")
    }
  }

  /// Reads an array.
  public mutating func readArray<Element: BinaryCodable>(_ type: Element.Type = Element.self)
    throws(BinaryCodingError) -> [Element]
  {
    let count = try readCount()
    var values: [Element] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try read(Element.self)) }
    return values
  }

  /// Reads a set of strings, refusing duplicates.
  public mutating func readStringSet() throws(BinaryCodingError) -> Set<String> {
    let members = try readArray(String.self)
    let set = Set(members)
    guard set.count == members.count else { throw BinaryCodingError("duplicate set member") }
    return set
  }

  /// Reads a string dictionary, refusing duplicate keys.
  public mutating func readStringDictionary() throws(BinaryCodingError) -> [String: String] {
    let count = try readCount()
    var result = [String: String](minimumCapacity: count)
    for _ in 0..<count {
      let key = try read(String.self)
      guard result.updateValue(try read(String.self), forKey: key) == nil else {
        throw BinaryCodingError("duplicate key '\(key)'")
      }
    }
    return result
  }

  /// Reads an enumeration written as its raw string.
  public mutating func readRaw<Value: RawRepresentable>(_ type: Value.Type = Value.self) throws(BinaryCodingError)
    -> Value where Value.RawValue == String
  {
    let raw = try read(String.self)
    guard let value = Value(rawValue: raw) else { throw BinaryCodingError("unknown \(Value.self) '\(raw)'") }
    return value
  }

  /// Reads a value written by ``BinaryWriter/writeShared(_:)``.
  public mutating func readShared<Value: BinaryCodable & Sendable>(_ type: Value.Type = Value.self)
    throws(BinaryCodingError) -> Value
  {
    let number = try readUnsigned()
    guard number > 0 else {
      let value = try read(Value.self)
      shared.append(value)
      return value
    }
    guard number <= UInt64(shared.count), let value = shared[Int(number - 1)] as? Value else {
      throw BinaryCodingError("shared value \(number) out of range or of another type")
    }
    return value
  }

  mutating func readString() throws(BinaryCodingError) -> String {
    let index = try readUnsigned()
    guard index < UInt64(strings.count) else { throw BinaryCodingError("string index \(index) out of range") }
    return strings[Int(index)]
  }
}

extension String: BinaryCodable {
  /// Appends the string's index in the string table.
  public func write(to writer: inout BinaryWriter) { writer.writeString(self) }
  /// Reads a string by its index in the string table.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) { self = try reader.readString() }
}

extension Int: BinaryCodable {
  /// Appends a zig-zag varint.
  public func write(to writer: inout BinaryWriter) {
    writer.writeUnsigned(UInt64(bitPattern: Int64(self) << 1) ^ UInt64(bitPattern: Int64(self) >> 63))
  }
  /// Reads a zig-zag varint.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    let raw = try reader.readUnsigned()
    self = Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
  }
}

extension Double: BinaryCodable {
  /// Appends the 8 bytes of the bit pattern, little-endian.
  public func write(to writer: inout BinaryWriter) {
    var bits = bitPattern
    for _ in 0..<8 {
      writer.writeByte(UInt8(truncatingIfNeeded: bits))
      bits >>= 8
    }
  }
  /// Reads 8 little-endian bytes.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    var bits: UInt64 = 0
    for index in 0..<8 { bits |= UInt64(try reader.readByte()) << (8 * UInt64(index)) }
    self = Double(bitPattern: bits)
  }
}

extension Bool: BinaryCodable {
  /// Appends 0 or 1.
  public func write(to writer: inout BinaryWriter) { writer.writeByte(self ? 1 : 0) }
  /// Reads 0 or 1 (anything else is an error).
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    switch try reader.readByte() {
    case 0: self = false
    case 1: self = true
    case let byte: throw BinaryCodingError("bad boolean \(byte)")
    }
  }
}

extension Array: BinaryCodable where Element: BinaryCodable {
  /// Appends a count, then each element.
  public func write(to writer: inout BinaryWriter) { writer.write(self) }
  /// Reads a count, then each element.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) { self = try reader.readArray() }
}
