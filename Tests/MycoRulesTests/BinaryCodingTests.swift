import Foundation
import MycoDiagnostics
import MycoRules
import MycoXML
import Testing

@Suite struct BinaryCodingTests {
  @Test func xxHash64MatchesTheReferenceVectors() {
    // Reference values of XXH64 (seed 0) from the xxHash project's own implementation.
    #expect(XXHash64.hash([UInt8]()) == 0xEF46_DB37_51D8_E999)
    #expect(XXHash64.hash(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
    #expect(XXHash64.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
    let long = Array("Nobody inspects the spammish repetition".utf8)
    #expect(XXHash64.hash(long) == 0xFBCE_A83C_8A37_8BF1)
    #expect(XXHash64.hash(long, seed: 1) != XXHash64.hash(long))
  }

  @Test func valuesRoundTrip() throws {
    let location = MycoDiagnostics.SourceLocation(file: "rules/a.xml", line: 12, column: 3)
    let condition = Condition.all([
      .test(FactTest(fact: "t", comparison: .compare(.atLeast, -2.5), summary: "t ≥ -2.5", location: location)),
      .not(.any([.test(FactTest(fact: "v", comparison: .oneOf(["a", "b"]), summary: "v", location: location))])),
      .test(FactTest(fact: "x", comparison: .versusFact(.below, "y", offset: 1), summary: "x<y+1", location: location)),
      .test(FactTest(fact: "s", comparison: .equals(.set(["p", "q"])), summary: "s", location: location)),
    ])
    let rule = Rule(
      id: "r1", title: LocalizedText(["en": "Title", "zh": "标题"]), priority: 70, certainty: .should,
      condition: condition,
      conclusions: [
        .advise(topic: "timing", text: LocalizedText(["en": "Do it"])), .derive(fact: "d", value: .flag(true)),
        .warn(topic: "w", text: LocalizedText()),
      ],
      because: LocalizedText(["en": "Because"]),
      sources: [
        Citation(
          id: "s1", note: "p. 3",
          publication: Publication(id: "s1", authors: "Ding", year: 1987, title: "T", grade: .a, took: "x")),
        Citation(reference: "plain", uncertain: true),
      ], location: location)
    var writer = BinaryWriter()
    writer.write([rule, rule])
    writer.write(Int.min)
    writer.write(Int.max)
    writer.write(-1)
    writer.write(Double.nan)
    var reader = try BinaryReader(writer.finished())
    #expect(try reader.readArray(Rule.self) == [rule, rule])
    #expect(try reader.read(Int.self) == Int.min)
    #expect(try reader.read(Int.self) == Int.max)
    #expect(try reader.read(Int.self) == -1)
    #expect(try reader.read(Double.self).isNaN)
    #expect(reader.isAtEnd)
  }

  @Test func everyTruncationAndEveryByteValueAtEachOffsetIsRefusedOrDecodedWithoutACrash() throws {
    var writer = BinaryWriter()
    let test = FactTest(
      fact: "t", comparison: .between(1, 2), summary: "1–2",
      location: MycoDiagnostics.SourceLocation(file: "f", line: 1, column: 1))
    writer.write(Condition.all([.not(.test(test)), .any([.test(test)])]))
    let bytes = writer.finished()
    for length in 0..<bytes.count {
      #expect(throws: BinaryCodingError.self) {
        var reader = try BinaryReader(Array(bytes[..<length]))
        _ = try reader.read(Condition.self)
      }
    }
    for offset in bytes.indices {
      for value in [0, 1, 2, 3, 4, 5, 0x7F, 0x80, 0xFF] as [UInt8] {
        var damaged = bytes
        damaged[offset] = value
        var reader = try? BinaryReader(damaged)
        _ = try? reader?.read(Condition.self)
      }
    }
  }

  @Test func hostileCountsDepthsAndVarintsAreRefused() throws {
    // A count larger than the data, a varint longer than 64 bits, a string index out of range.
    #expect(throws: BinaryCodingError.self) { _ = try BinaryReader([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) }
    #expect(throws: BinaryCodingError.self) {
      var reader = try BinaryReader([0] + [UInt8](repeating: 0xFF, count: 10) + [0x01])
      _ = try reader.readUnsigned()
    }
    #expect(throws: BinaryCodingError.self) {
      var reader = try BinaryReader([0, 5])
      _ = try reader.read(String.self)
    }
    // 10,000 nested `not`s: refused at the depth limit, not a stack overflow.
    #expect(throws: BinaryCodingError.self) {
      var reader = try BinaryReader([0] + [UInt8](repeating: 2, count: 10_000))
      _ = try reader.read(Condition.self)
    }
    // A duplicate set member or dictionary key, and invalid UTF-8.
    #expect(throws: BinaryCodingError.self) {
      var reader = try BinaryReader([1, 1, 0x61, 2, 0, 0])
      _ = try reader.readStringSet()
    }
    #expect(throws: BinaryCodingError.self) {
      var reader = try BinaryReader([1, 1, 0x61, 2, 0, 0, 0, 0])
      _ = try reader.readStringDictionary()
    }
    #expect(throws: BinaryCodingError.self) { _ = try BinaryReader([1, 1, 0xFF]) }
  }

  @Test func sharedValuesAreStoredOncePerSectionAndCheckedWhenRead() throws {
    let text = LocalizedText(["en": "Because", "zh": "因为"])
    let sources = [Citation(reference: "Ding 1987"), Citation(reference: "Royse 2008", uncertain: true)]
    func written(_ body: (inout BinaryWriter) -> Void) -> [UInt8] {
      var writer = BinaryWriter()
      body(&writer)
      return writer.finished()
    }
    // Written three times, stored once: each repeat is one byte.
    let once = written { writer in
      writer.writeShared(sources)
      writer.writeShared(text)
    }
    let thrice = written { writer in
      for _ in 0..<3 {
        writer.writeShared(sources)
        writer.writeShared(text)
      }
    }
    #expect(thrice.count == once.count + 4)
    var reader = try BinaryReader(thrice)
    for _ in 0..<3 {
      #expect(try reader.readShared([Citation].self) == sources)
      #expect(try reader.readShared(LocalizedText.self) == text)
    }
    #expect(reader.isAtEnd)
    // A section shares nothing with what is outside it, so it can be read on its own.
    let sectioned = written { writer in
      writer.writeShared(text)
      writer.writeSection { $0.writeShared(text) }
      writer.writeShared(text)
    }
    reader = try BinaryReader(sectioned)
    #expect(try reader.readShared(LocalizedText.self) == text)
    var section = try reader.readSection()
    #expect(try reader.readShared(LocalizedText.self) == text)
    #expect(reader.isAtEnd)
    #expect(try section.readShared(LocalizedText.self) == text)
    #expect(section.isAtEnd)
    // A reference to a value not read yet, or to a value of another type, is refused.
    #expect(throws: BinaryCodingError.self) {
      var reader = try BinaryReader(written { $0.writeCount(1) })
      _ = try reader.readShared(LocalizedText.self)
    }
    #expect(throws: BinaryCodingError.self) {
      var reader = try BinaryReader(
        written { writer in
          writer.writeShared(sources)
          writer.writeCount(1)
        })
      _ = try reader.readShared([Citation].self)
      _ = try reader.readShared(LocalizedText.self)
    }
  }

  @Test func theStringTableRefusesEveryKindOfInvalidUTF8() throws {
    // Strings are decoded with repair and compared with their bytes: whatever the repair makes of
    // a lone lead byte, a truncated sequence, a surrogate, an overlong form or a code point past
    // U+10FFFF, it differs from the bytes and is refused.
    let invalid: [[UInt8]] = [
      [0xC3], [0xE6, 0x88, 0x41], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x80],
      [0x61, 0xFE, 0x62],
    ]
    for bytes in invalid {
      #expect(throws: BinaryCodingError.self, "\(bytes)") { _ = try BinaryReader([1, UInt8(bytes.count)] + bytes) }
    }
    // Valid text, the replacement character itself included, is read back as written.
    for text in ["", "a", "\u{FFFD}", "生成规则 12345", "Generated rule 12345 — 香菇", "\u{10FFFF}"] {
      var writer = BinaryWriter()
      writer.write(text)
      var reader = try BinaryReader(writer.finished())
      #expect(try reader.read(String.self) == text)
    }
  }
}
