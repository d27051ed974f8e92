import MycoXML
import MycoDiagnostics

// The binary form of the rule language's values, for the compiled rule-base cache.
// Each type writes every stored property; the round-trip tests compare with `==`, so a property
// added later and forgotten here fails a test instead of silently changing cached advice.

extension SourceLocation: BinaryCodable {
  /// Appends file, line and column.
  public func write(to writer: inout BinaryWriter) {
    writer.write(file)
    writer.write(line)
    writer.write(column)
  }
  /// Reads file, line and column.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(file: try reader.read(), line: try reader.read(), column: try reader.read())
  }
}

extension LocalizedText: BinaryCodable {
  /// Appends the texts by language.
  public func write(to writer: inout BinaryWriter) { writer.write(byLanguage) }
  /// Reads the texts by language.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(try reader.readStringDictionary())
  }
}

extension Value: BinaryCodable {
  /// Appends a tag, then the payload.
  public func write(to writer: inout BinaryWriter) {
    switch self {
    case .number(let number):
      writer.writeByte(0)
      writer.write(number)
    case .symbol(let symbol):
      writer.writeByte(1)
      writer.write(symbol)
    case .flag(let flag):
      writer.writeByte(2)
      writer.write(flag)
    case .set(let members):
      writer.writeByte(3)
      writer.write(members)
    }
  }
  /// Reads a tag, then the payload.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    switch try reader.readByte() {
    case 0: self = .number(try reader.read())
    case 1: self = .symbol(try reader.read())
    case 2: self = .flag(try reader.read())
    case 3: self = .set(try reader.readStringSet())
    case let tag: throw BinaryCodingError("bad value tag \(tag)")
    }
  }
}

extension Comparison: BinaryCodable {
  /// Appends a tag, then the operands.
  public func write(to writer: inout BinaryWriter) {
    switch self {
    case .equals(let value):
      writer.writeByte(0)
      writer.write(value)
    case .oneOf(let symbols):
      writer.writeByte(1)
      writer.write(symbols)
    case .contains(let member):
      writer.writeByte(2)
      writer.write(member)
    case .compare(let relation, let bound):
      writer.writeByte(3)
      writer.write(relation.rawValue)
      writer.write(bound)
    case .between(let low, let high):
      writer.writeByte(4)
      writer.write(low)
      writer.write(high)
    case .versusFact(let relation, let other, let offset):
      writer.writeByte(5)
      writer.write(relation.rawValue)
      writer.write(other)
      writer.write(offset)
    }
  }
  /// Reads a tag, then the operands.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    switch try reader.readByte() {
    case 0: self = .equals(try reader.read())
    case 1: self = .oneOf(try reader.readStringSet())
    case 2: self = .contains(try reader.read())
    case 3: self = .compare(try reader.readRaw(Relation.self), try reader.read())
    case 4: self = .between(try reader.read(), try reader.read())
    case 5: self = .versusFact(try reader.readRaw(Relation.self), try reader.read(), offset: try reader.read())
    case let tag: throw BinaryCodingError("bad comparison tag \(tag)")
    }
  }
}

extension FactTest: BinaryCodable {
  /// Appends the test and its engine slots (a cached ``RuleBase`` checks them instead of
  /// compiling its rules again; see `RuleBase.init(from:vocabulary:)`).
  public func write(to writer: inout BinaryWriter) {
    writer.write(fact)
    writer.write(comparison)
    writer.write(summary)
    writer.write(location)
    writer.write(slot)
    writer.write(otherSlot)
  }
  /// Reads a test and its slots (unchecked here).
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(
      fact: try reader.read(), comparison: try reader.read(), summary: try reader.read(), location: try reader.read())
    slot = try reader.read()
    otherSlot = try reader.read()
  }
}

extension Condition: BinaryCodable {
  /// Appends a tag, then the parts.
  public func write(to writer: inout BinaryWriter) {
    switch self {
    case .all(let parts):
      writer.writeByte(0)
      writer.write(parts)
    case .any(let parts):
      writer.writeByte(1)
      writer.write(parts)
    case .not(let part):
      writer.writeByte(2)
      writer.write(part)
    case .test(let test):
      writer.writeByte(3)
      writer.write(test)
    }
  }
  /// Reads a tag, then the parts (nesting is limited by ``BinaryReader/maximumDepth``).
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    switch try reader.readByte() {
    case 0: self = .all(try reader.readArray())
    case 1: self = .any(try reader.readArray())
    case 2: self = .not(try reader.read())
    case 3: self = .test(try reader.read())
    case let tag: throw BinaryCodingError("bad condition tag \(tag)")
    }
  }
}

extension Conclusion: BinaryCodable {
  /// Appends a tag, then the conclusion's parts.
  public func write(to writer: inout BinaryWriter) {
    switch self {
    case .advise(let topic, let text):
      writer.writeByte(0)
      writer.write(topic)
      writer.write(text)
    case .warn(let topic, let text):
      writer.writeByte(1)
      writer.write(topic)
      writer.write(text)
    case .derive(let fact, let value):
      writer.writeByte(2)
      writer.write(fact)
      writer.write(value)
    }
  }
  /// Reads a tag, then the conclusion's parts.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    switch try reader.readByte() {
    case 0: self = .advise(topic: try reader.read(), text: try reader.read())
    case 1: self = .warn(topic: try reader.read(), text: try reader.read())
    case 2: self = .derive(fact: try reader.read(), value: try reader.read())
    case let tag: throw BinaryCodingError("bad conclusion tag \(tag)")
    }
  }
}

extension Publication: BinaryCodable {
  /// Appends every field of the publication.
  public func write(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(authors)
    writer.write(year)
    writer.write(title)
    writer.write(publishedIn)
    writer.write(pages)
    writer.write(doi)
    writer.write(link)
    writer.write(grade.rawValue)
    writer.write(took)
  }
  /// Reads every field of the publication.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(
      id: try reader.read(), authors: try reader.read(), year: try reader.readOptional(), title: try reader.read(),
      publishedIn: try reader.readOptional(), pages: try reader.readOptional(), doi: try reader.readOptional(),
      link: try reader.readOptional(), grade: try reader.readRaw(), took: try reader.read())
  }
}

extension Citation: BinaryCodable {
  /// Appends every field of the citation.
  public func write(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(reference)
    writer.write(note)
    writer.write(publication)
    writer.write(uncertain)
  }
  /// Reads every field of the citation.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    let id: String = try reader.read()
    let reference: String = try reader.read()
    self.init(
      id: id, reference: reference, note: try reader.readOptional(), publication: try reader.readOptional(),
      uncertain: try reader.read())
  }
}

extension Rule: BinaryCodable {
  /// Appends every field of the rule.
  public func write(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(title)
    writer.write(priority)
    writer.write(certainty.rawValue)
    writer.write(condition)
    writer.write(conclusions)
    writer.writeShared(because)
    writer.writeShared(sources)
    writer.write(location)
  }
  /// Reads every field of the rule.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(
      id: try reader.read(), title: try reader.read(), priority: try reader.read(), certainty: try reader.readRaw(),
      condition: try reader.read(), conclusions: try reader.readArray(), because: try reader.readShared(),
      sources: try reader.readShared(), location: try reader.read())
  }
}

extension UnitOfMeasure: BinaryCodable {
  /// Appends symbol, dimension and factor.
  public func write(to writer: inout BinaryWriter) {
    writer.write(symbol)
    writer.write(dimension.rawValue)
    writer.write(factor)
  }
  /// Reads symbol, dimension and factor.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(symbol: try reader.read(), dimension: try reader.readRaw(), factor: try reader.read())
  }
}

extension AllowedValue: BinaryCodable {
  /// Appends id and label.
  public func write(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(label)
  }
  /// Reads id and label.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    self.init(id: try reader.read(), label: try reader.read())
  }
}

extension FactDeclaration: BinaryCodable {
  /// Appends every field of the declaration.
  public func write(to writer: inout BinaryWriter) {
    writer.write(name)
    writer.write(type.rawValue)
    writer.write(dimension?.rawValue)
    writer.write(displayUnit)
    writer.write(minimum)
    writer.write(maximum)
    writer.write(usualMinimum)
    writer.write(usualMaximum)
    writer.write(caveat)
    writer.write(importance)
    writer.write(values)
    writer.write(label)
    writer.write(question)
    writer.write(location)
  }
  /// Reads every field of the declaration.
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    let name: String = try reader.read()
    let type: FactType = try reader.readRaw()
    var dimension: PhysicalDimension?
    if let raw = try reader.readOptional(String.self) {
      guard let known = PhysicalDimension(rawValue: raw) else { throw BinaryCodingError("unknown dimension '\(raw)'") }
      dimension = known
    }
    self.init(
      name: name, type: type, dimension: dimension, displayUnit: try reader.readOptional(),
      minimum: try reader.readOptional(), maximum: try reader.readOptional(),
      location: SourceLocation(file: "", line: 0, column: 0))
    usualMinimum = try reader.readOptional()
    usualMaximum = try reader.readOptional()
    caveat = try reader.read()
    importance = try reader.readOptional()
    values = try reader.readArray()
    label = try reader.read()
    question = try reader.read()
    location = try reader.read()
  }
}

extension Vocabulary: BinaryCodable {
  /// Appends the declarations in order.
  public func write(to writer: inout BinaryWriter) { writer.write(declarations) }
  /// Reads the declarations; a repeated name is an error (a loaded vocabulary has none).
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    let declarations = try reader.readArray(FactDeclaration.self)
    self.init(declarations)
    guard self.declarations.count == declarations.count else { throw BinaryCodingError("duplicate fact name") }
  }
}

extension SourceRegistry: BinaryCodable {
  /// Appends the publications in order.
  public func write(to writer: inout BinaryWriter) { writer.write(publications) }
  /// Reads the publications; a repeated id is an error (a loaded registry has none).
  public init(from reader: inout BinaryReader) throws(BinaryCodingError) {
    let publications = try reader.readArray(Publication.self)
    self.init(publications)
    guard self.publications.count == publications.count else { throw BinaryCodingError("duplicate source id") }
  }
}

extension RuleBase {
  /// The most rules in one section of the binary form; sections are decoded in parallel.
  static let rulesPerSection = 4096

  /// Appends the rules as they are compiled (in evaluation order, their tests with their slots),
  /// in sections of at most ``rulesPerSection``, then the version. The vocabulary is not written.
  public func write(to writer: inout BinaryWriter) { Self.write(rules, version: version, to: &writer) }

  /// Appends `rules` and `version` as ``write(to:)`` does (tests write damaged rules with it).
  static func write(_ rules: [Rule], version: String, to writer: inout BinaryWriter) {
    writer.writeCount(rules.count)
    let starts = Array(stride(from: 0, to: rules.count, by: rulesPerSection))
    writer.writeCount(starts.count)
    for start in starts {
      writer.writeSection { section in section.write(Array(rules[start..<min(start + rulesPerSection, rules.count)])) }
    }
    writer.write(version)
  }

  /// Reads what ``write(to:)`` wrote, over `vocabulary`, without compiling the rules again: the
  /// sections are decoded in parallel, and the order and every slot are checked to be exactly
  /// what compiling these rules gives (`init(vocabulary:rules:version:)`), so the rule base is the
  /// same as a fresh one; anything else is refused.
  public init(from reader: inout BinaryReader, vocabulary: Vocabulary) throws(BinaryCodingError) {
    let total = try reader.readCount()
    let sectionCount = try reader.readCount()
    var sections: [BinaryReader] = []
    for _ in 0..<sectionCount { sections.append(try reader.readSection()) }
    let version: String = try reader.read()
    let rules = try Self.decodeRules(sections, total: total)
    for index in rules.indices.dropFirst() where Self.precedes(rules[index], rules[index - 1]) {
      throw BinaryCodingError("rule '\(rules[index].id)' is out of evaluation order")
    }
    self.init(vocabulary: vocabulary, compiled: rules, slots: try Self.checkedSlots(rules), version: version)
  }

  /// The rules of `sections`, each decoded on its own thread straight into its place in the
  /// result (joining per-section arrays copied every rule: a retain of each of its fields).
  private static func decodeRules(_ sections: [BinaryReader], total: Int) throws(BinaryCodingError) -> [Rule] {
    // Each section starts with its number of rules (at most its length in bytes).
    var counted = sections
    var firsts: [Int] = []
    var next = 0
    for index in counted.indices {
      firsts.append(next)
      next += try counted[index].readCount()
    }
    guard next == total else { throw BinaryCodingError("the sections hold \(next) rules, not \(total)") }
    let (sections, starts) = (counted, firsts + [total])
    var failure: BinaryCodingError?
    let rules = [Rule](unsafeUninitializedCapacity: total) { buffer, initialized in
      // Each section initializes only its own range, and reports how many it did.
      nonisolated(unsafe) let storage = buffer
      let outcomes = parallelMap(Array(sections.indices)) { index -> (done: Int, error: BinaryCodingError?) in
        var section = sections[index]
        var done = 0
        do throws(BinaryCodingError) {
          while starts[index] + done < starts[index + 1] {
            (storage.baseAddress! + starts[index] + done).initialize(to: try section.read(Rule.self))
            done += 1
          }
          guard section.isAtEnd else { throw BinaryCodingError("trailing bytes in a rule section") }
          return (done, nil)
        } catch {
          return (done, error)
        }
      }
      failure = outcomes.lazy.compactMap(\.error).first
      if failure == nil {
        initialized = total
        return
      }
      for (index, outcome) in outcomes.enumerated() where outcome.done > 0 {
        (storage.baseAddress! + starts[index]).deinitialize(count: outcome.done)
      }
      initialized = 0
    }
    if let failure { throw failure }
    return rules
  }

  /// The slots of rules read in evaluation order, checked: each test's slots must be the ones
  /// compiling these rules in this order gives (each fact name gets the next slot when first seen).
  static func checkedSlots(_ rules: [Rule]) throws(BinaryCodingError) -> SlotTable {
    var slots = SlotTable()
    // Through a buffer: `rules[index].condition` copied the whole rule (a retain of each field).
    return try rules.withUnsafeBufferPointer { (rules) throws(BinaryCodingError) in
      for index in rules.indices {
        var valid = true
        rules[index].condition.forEachTest { test in
          valid = valid && slots.claim(test.slot, for: test.fact)
          if let other = test.otherFact {
            valid = valid && slots.claim(test.otherSlot, for: other)
          } else {
            valid = valid && test.otherSlot == -1
          }
        }
        guard valid else { throw BinaryCodingError("rule '\(rules[index].id)': a test's slot does not match its fact") }
        for fact in rules[index].derivedFacts { _ = slots.slot(fact) }
      }
      return slots
    }
  }
}

extension SlotTable {
  /// Whether `slot` is the slot that ``slot(_:)`` would give `name` now (its slot, or the next
  /// new one, which is then taken).
  mutating func claim(_ slot: Int, for name: String) -> Bool {
    guard slot == names.count else { return slot >= 0 && slot < names.count && names[slot] == name }
    guard self.slot(name) == slot else { return false }
    return true
  }
}
