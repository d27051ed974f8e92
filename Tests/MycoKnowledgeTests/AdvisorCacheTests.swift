import Foundation
import MycoCalendar
import MycoDiagnostics
@testable import MycoKnowledge
import MycoUnits
import Testing

@testable import MycoRules

#if canImport(Glibc)
  import Glibc
#endif

/// The compiled rule-base cache: a hit gives exactly the advice of a normal load, and anything
/// changed, damaged or unsafe falls back to a normal load.
@Suite struct AdvisorCacheTests {
  /// Situations whose advice is compared between a cached and a normal load.
  static let situations: [Situation] = [
    Situation(
      variety: "shiitake", elevation: 300, date: Bundled.date("2026-08-15"), bag: BagDimensions(parsing: "18x60")),
    Situation(variety: "shiitake", strain: "L808", elevation: 1200, date: Bundled.date("2026-08-15")),
    Situation(variety: "lingzhi", date: Bundled.date("2026-07-20"), bagTemperature: 36, place: "guanyang"),
    Situation(variety: "oyster", elevation: 800, date: Bundled.date("2026-03-01"), stage: "fruiting", humidity: 60),
  ]

  /// The advice for every situation, as JSON and text in both languages.
  static func answers(_ advisor: Advisor) throws -> [String] {
    try situations.flatMap { situation in
      let report = try advisor.advise(situation)
      return [Language.en, .zh].flatMap { [report.json(language: $0), report.text(language: $0)] }
    }
  }

  static let expected: [String] = { (try? answers(Bundled.advisor)) ?? [] }()

  static func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-cache-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  static func load(_ cache: AdvisorCache, knowledge: URL = Bundled.knowledgeURL, rules: URL = Bundled.rulesURL)
    throws -> (advisor: Advisor, outcome: AdvisorCache.Outcome)
  {
    try cache.loadAdvisor(knowledge: knowledge, knowledgeName: "Knowledge", rules: rules, rulesName: "Rules")
  }

  @Test func theBinaryFormKeepsEveryField() throws {
    let advisor = Bundled.advisor
    let decoded = try AdvisorCache.decode(
      AdvisorCache.encode(advisor, key: String(repeating: "ab", count: 16)), key: String(repeating: "ab", count: 16))
    let (knowledge, original) = (decoded.knowledge, advisor.knowledge)
    #expect(knowledge.version == original.version)
    #expect(knowledge.vocabulary.declarations == original.vocabulary.declarations)
    #expect(knowledge.sources.publications == original.sources.publications)
    #expect(knowledge.varieties == original.varieties)
    #expect(knowledge.bagSizes == original.bagSizes)
    #expect(knowledge.bagClasses == original.bagClasses)
    #expect(knowledge.climate == original.climate)
    #expect(knowledge.elevationBands == original.elevationBands)
    #expect(knowledge.elevationBandSources == original.elevationBandSources)
    #expect(knowledge.tables == original.tables)
    #expect(decoded.rules.rules == advisor.rules.rules)
    #expect(decoded.rules.version == advisor.rules.version)
    #expect(try Self.answers(decoded) == Self.expected)
  }

  @Test func aWarmLoadIsTheColdLoadFieldByField() throws {
    // The bundled rules have derived facts, `<any>`, `<not>` and `in=`. The cached rule base is
    // not compiled again but checked: it must equal the cold one in every compiled structure.
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = AdvisorCache(directory: folder.appendingPathComponent("myco"), buildID: "test")
    #expect(try Self.load(cache).outcome == .stored)
    let (warm, outcome) = try Self.load(cache)
    #expect(outcome == .hit)
    let (read, base) = (warm.rules, Bundled.advisor.rules)
    #expect(base.rules.contains { !$0.derivedFacts.isEmpty })
    #expect(base.conditions.nodes.contains { $0.kind == .any } && base.conditions.nodes.contains { $0.kind == .not })
    #expect(base.conditions.tests.contains { if case .oneOf = $0.check { true } else { false } })
    #expect(read.rules == base.rules)
    #expect(read.version == base.version)
    #expect(read.vocabulary.declarations == base.vocabulary.declarations)
    #expect(read.slotNames == base.slotNames)
    #expect(read.slotOf == base.slotOf)
    #expect(read.readers == base.readers)
    #expect(read.testSummaries == base.testSummaries)
    #expect(read.conditions == base.conditions)
    #expect(read.ruleIndex == base.ruleIndex)
    #expect(base.rules.allSatisfy { read.index(of: $0.id) == base.index(of: $0.id) })
    #expect(try Self.answers(warm) == Self.expected)
  }

  @Test func aSecondLoadIsAHitWithTheSameAdvice() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = AdvisorCache(directory: folder.appendingPathComponent("myco"), buildID: "test")
    let first = try Self.load(cache)
    #expect(first.outcome == .stored)
    let second = try Self.load(cache)
    #expect(second.outcome == .hit)
    #expect(try Self.answers(second.advisor) == Self.expected)
    // The folder is private, and holds one cache file, one digests file and no temporary file.
    let attributes = try FileManager.default.attributesOfItem(atPath: cache.directory.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o700)
    let names = try FileManager.default.contentsOfDirectory(atPath: cache.directory.path).sorted()
    #expect(names.count == 2 && names[0].hasPrefix("advisor-") && names[1].hasPrefix("inputs-"))
    // Another build never reads it (the digests file of the same folders is shared).
    #expect(try Self.load(AdvisorCache(directory: cache.directory, buildID: "other")).outcome == .stored)
    #expect(try cache.clear() == 3)
    #expect(try FileManager.default.contentsOfDirectory(atPath: cache.directory.path).isEmpty)
  }

  @Test func anyChangedInputFileMeansANormalLoad() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let knowledge = folder.appendingPathComponent("Knowledge")
    let rules = folder.appendingPathComponent("Rules")
    try FileManager.default.copyItem(at: Bundled.knowledgeURL, to: knowledge)
    try FileManager.default.copyItem(at: Bundled.rulesURL, to: rules)
    let cache = AdvisorCache(directory: folder.appendingPathComponent("cache"), buildID: "test")
    #expect(try Self.load(cache, knowledge: knowledge, rules: rules).outcome == .stored)
    #expect(try Self.load(cache, knowledge: knowledge, rules: rules).outcome == .hit)
    // One changed word in a rule's advice, in a table, and a new rule file (the schemas are the
    // program's own, bundled: covered by the build id).
    let timing = rules.appendingPathComponent("timing.xml")
    let text = try String(contentsOf: timing, encoding: .utf8)
    try text.replacingOccurrences(of: "Wait", with: "Hold on").write(to: timing, atomically: true, encoding: .utf8)
    let changed = try Self.load(cache, knowledge: knowledge, rules: rules)
    #expect(changed.outcome == .stored)
    #expect(changed.advisor.rules.rules.contains { "\($0)".contains("Hold on") })
    #expect(try Self.load(cache, knowledge: knowledge, rules: rules).outcome == .hit)
    for file in [knowledge.appendingPathComponent("bags.xml")] {
      let handle = try FileHandle(forWritingTo: file)
      try handle.seekToEnd()
      try handle.write(contentsOf: Data("\n".utf8))
      try handle.close()
      #expect(try Self.load(cache, knowledge: knowledge, rules: rules).outcome == .stored, "\(file.path)")
    }
    try FileManager.default.copyItem(at: timing, to: rules.appendingPathComponent("timing-2.xml"))
    // The copy repeats every rule id: the normal load reports it, the cache is not consulted for it.
    #expect(throws: Diagnostics.self) { _ = try Self.load(cache, knowledge: knowledge, rules: rules) }
  }

  /// Copies of the bundled folders in a new scratch folder, for tests that change them.
  static func copies() throws -> (folder: URL, knowledge: URL, rules: URL) {
    let folder = try scratch()
    let knowledge = folder.appendingPathComponent("Knowledge")
    let rules = folder.appendingPathComponent("Rules")
    try FileManager.default.copyItem(at: Bundled.knowledgeURL, to: knowledge)
    try FileManager.default.copyItem(at: Bundled.rulesURL, to: rules)
    return (folder, knowledge, rules)
  }

  /// Digests trusted even for files changed up to an hour after they were hashed: then only a
  /// file's identity (device, inode, mode, size, mtime, ctime) stands between a change and a reuse.
  static let trustingMargin: Int64 = -3_600_000_000_000

  @Test func anUnchangedInputFileIsNotReadAgainOnceItsDigestIsTrusted() throws {
    let (folder, knowledge, rules) = try Self.copies()
    defer { try? FileManager.default.removeItem(at: folder) }
    var cache = AdvisorCache(directory: folder.appendingPathComponent("cache"), buildID: "test")
    let inputs = AdvisorCache.Inputs(knowledge: knowledge, knowledgeName: "Knowledge", rules: rules, rulesName: "Rules")
    var digests = InputDigests()
    let key = try #require(cache.key(inputs, digests: &digests))
    #expect(digests.entries.count == inputs.files().count)
    // The copies were written just now, less than the margin before they were hashed: each is
    // hashed again (a new hashedAt), with the same key. (The bundled schemas are older; they may be trusted.)
    let first = digests
    #expect(cache.key(inputs, digests: &digests) == key)
    let copied = digests.entries.filter { $0.key.hasPrefix(folder.standardizedFileURL.path + "/") }
    #expect(copied.count == digests.entries.count - 4)
    #expect(copied.allSatisfy { $0.value.hashedAt > first.entries[$0.key]?.hashedAt ?? .max })
    // Trusted: no file is read (every entry kept as it was), and the key is the key of the bytes.
    cache.digestTrustMargin = Self.trustingMargin
    let trusted = digests
    #expect(cache.key(inputs, digests: &digests) == key)
    #expect(digests.entries == trusted.entries)
    // An added file is hashed and keyed; a removed one leaves the digests.
    try FileManager.default.copyItem(
      at: rules.appendingPathComponent("timing.xml"), to: rules.appendingPathComponent("timing-2.xml"))
    let added = try #require(cache.key(inputs, digests: &digests))
    #expect(added != key && digests.entries.count == trusted.entries.count + 1)
    try FileManager.default.removeItem(at: rules.appendingPathComponent("timing-2.xml"))
    #expect(cache.key(inputs, digests: &digests) == key)
    #expect(digests.entries == trusted.entries)
  }

  @Test func aFileRewrittenWithTheSameSizeAndModificationTimeMeansANormalLoad() throws {
    let (folder, knowledge, rules) = try Self.copies()
    defer { try? FileManager.default.removeItem(at: folder) }
    var cache = AdvisorCache(directory: folder.appendingPathComponent("cache"), buildID: "test")
    cache.digestTrustMargin = Self.trustingMargin
    #expect(try Self.load(cache, knowledge: knowledge, rules: rules).outcome == .stored)
    #expect(try Self.load(cache, knowledge: knowledge, rules: rules).outcome == .hit)
    // Same inode, same size, different bytes, and the modification time set back as it was.
    let timing = rules.appendingPathComponent("timing.xml")
    var before = stat()
    #expect(stat(timing.path, &before) == 0)
    let text = try String(contentsOf: timing, encoding: .utf8)
    let edited = text.replacingOccurrences(of: "Wait for cool weather", with: "Hold for cool weather")
    #expect(edited != text && edited.utf8.count == text.utf8.count)
    Thread.sleep(forTimeInterval: 0.05)  // past the kernel's timestamp tick, so that ctime moves
    try Data(edited.utf8).write(to: timing)
    var times = [before.st_atim, before.st_mtim]
    #expect(utimensat(AT_FDCWD, timing.path, &times, 0) == 0)
    var after = stat()
    #expect(stat(timing.path, &after) == 0)
    #expect(after.st_ino == before.st_ino && after.st_size == before.st_size)
    #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    let changed = try Self.load(cache, knowledge: knowledge, rules: rules)
    #expect(changed.outcome == .stored)
    #expect(
      changed.advisor.rules.rule(id: "shiitake.timing.wait-for-cool")?.title.english
        == "Hold for cool weather before bagging and inoculating")
    #expect(try Self.load(cache, knowledge: knowledge, rules: rules).outcome == .hit)
  }

  @Test func aDamagedDigestsFileOnlyMeansHashingTheFilesAgain() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    var cache = AdvisorCache(directory: folder.appendingPathComponent("myco"), buildID: "test")
    cache.digestTrustMargin = Self.trustingMargin
    #expect(try Self.load(cache).outcome == .stored)
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: cache.directory.path).first { $0.hasPrefix("inputs-") })
    let file = cache.directory.appendingPathComponent(name)
    let intact = try [UInt8](Data(contentsOf: file))
    #expect(InputDigests(decoding: intact) != nil)
    // Every byte changed, and every truncation, is refused (header or XXH64 checksum).
    for offset in intact.indices {
      var damaged = intact
      damaged[offset] ^= 0x10
      #expect(InputDigests(decoding: damaged) == nil, "offset \(offset)")
    }
    for length in 0..<intact.count { #expect(InputDigests(decoding: Array(intact[..<length])) == nil, "\(length)") }
    // Through the whole load: a hit with the same advice, and the digests file rewritten intact.
    for damage in [Array(intact.prefix(30)), intact.map { $0 ^ 0xFF }, []] {
      try Data(damage).write(to: file)
      let result = try Self.load(cache)
      #expect(result.outcome == .hit)
      #expect(try Self.answers(result.advisor) == Self.expected)
      #expect(InputDigests(decoding: try [UInt8](Data(contentsOf: file))) != nil)
    }
  }

  /// Writes the cache, damages it (`damage` returns the new bytes, or nil to skip), and loads again.
  static func damagedLoads(_ damages: [(String, ([UInt8]) -> [UInt8])]) throws {
    let folder = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = AdvisorCache(directory: folder.appendingPathComponent("myco"), buildID: "test")
    _ = try load(cache)
    let file = try #require(
      cache.file(
        knowledge: Bundled.knowledgeURL, knowledgeName: "Knowledge", rules: Bundled.rulesURL, rulesName: "Rules"))
    let intact = try [UInt8](Data(contentsOf: file))
    for (label, damage) in damages {
      try Data(damage(intact)).write(to: file)
      let result = try load(cache)
      #expect(result.outcome == .stored, "\(label)")
      #expect(try answers(result.advisor) == expected, "\(label)")
    }
  }

  @Test func aCorruptedCacheByteAtAnyOffsetGivesTheSameAdviceAsNoCache() throws {
    let key = "0123456789abcdef0123456789abcdef"
    let intact = AdvisorCache.encode(Bundled.advisor, key: key)
    _ = try AdvisorCache.decode(intact, key: key)
    // Every header offset and a dense sample of payload offsets (about 1,000), each byte changed in
    // one bit and set to 0x00 and 0xFF: every one is refused (the header is compared, the payload's
    // XXH64 checksum is checked).
    let payloadStep = max(1, (intact.count - 44) / 1000)
    let offsets = Array(0..<44) + Array(stride(from: 44, to: intact.count, by: payloadStep)) + [intact.count - 1]
    for offset in offsets {
      for change in [{ $0 ^ 0x01 }, { $0 ^ 0x80 }, { _ in 0x00 }, { _ in 0xFF }] as [(UInt8) -> UInt8] {
        var damaged = intact
        damaged[offset] = change(damaged[offset])
        if damaged == intact { continue }
        #expect(throws: BinaryCodingError.self, "offset \(offset)") {
          _ = try AdvisorCache.decode(damaged, key: key)
        }
      }
    }
    // Truncated at every length up to past the header, a dense sample of lengths, the last 100
    // lengths, and one byte too long.
    let lengths =
      Array(0..<100) + Array(stride(from: 100, to: intact.count, by: payloadStep))
      + Array(max(0, intact.count - 100)..<intact.count)
    for length in lengths {
      #expect(throws: BinaryCodingError.self, "length \(length)") {
        _ = try AdvisorCache.decode(Array(intact[..<length]), key: key)
      }
    }
    #expect(throws: BinaryCodingError.self) { _ = try AdvisorCache.decode(intact + [0], key: key) }
    // Through the whole load, a dense sample: each run gives the same advice as no cache.
    let step = max(1, intact.count / 6)
    try Self.damagedLoads(
      stride(from: 0, to: intact.count, by: step).map { offset in
        (
          "byte \(offset)",
          { bytes in
            var damaged = bytes
            damaged[min(offset, bytes.count - 1)] ^= 0x5A
            return damaged
          }
        )
      }
        + stride(from: 0, to: intact.count, by: step).map { length in
          ("length \(length)", { Array($0.prefix(length)) })
        })
  }

  @Test func aPayloadDamagedBehindAValidChecksumNeverCrashes() throws {
    // Someone who rewrites the checksum too: decoding must refuse or succeed, never trap.
    let key = "0123456789abcdef0123456789abcdef"
    let intact = AdvisorCache.encode(Bundled.advisor, key: key)
    let header = 44
    var refused = 0
    let step = max(1, (intact.count - header) / 150)
    for offset in stride(from: header, to: intact.count, by: step) {
      for value in [0x00, 0xFF] as [UInt8] where intact[offset] != value {
        var payload = Array(intact[header...])
        payload[offset - header] = value
        var damaged = Array(intact[..<36])
        var checksum = XXHash64.hash(payload)
        for _ in 0..<8 {
          damaged.append(UInt8(truncatingIfNeeded: checksum))
          checksum >>= 8
        }
        do { _ = try AdvisorCache.decode(damaged + payload, key: key) } catch { refused += 1 }
      }
    }
    #expect(refused > 0)
  }

  @Test func symlinksAreNeverFollowed() throws {
    let folder = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let elsewhere = folder.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    // The cache folder is a symlink: nothing is written through it.
    let linked = folder.appendingPathComponent("myco")
    try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: elsewhere)
    let cache = AdvisorCache(directory: linked, buildID: "test")
    guard case .notStored = try Self.load(cache).outcome else {
      Issue.record("wrote through a symlinked cache folder")
      return
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    // A cache file that is a symlink to a valid cache file is not read, and is replaced, not written through.
    let real = AdvisorCache(directory: folder.appendingPathComponent("real"), buildID: "test")
    #expect(try Self.load(real).outcome == .stored)
    let file = try #require(
      real.file(
        knowledge: Bundled.knowledgeURL, knowledgeName: "Knowledge", rules: Bundled.rulesURL, rulesName: "Rules"))
    let target = elsewhere.appendingPathComponent("target")
    try FileManager.default.moveItem(at: file, to: target)
    try FileManager.default.createSymbolicLink(at: file, withDestinationURL: target)
    let before = try Data(contentsOf: target)
    #expect(try Self.load(real).outcome == .stored)
    #expect(try Data(contentsOf: target) == before)
    let type = try FileManager.default.attributesOfItem(atPath: file.path)[.type] as? FileAttributeType
    #expect(type == .typeRegular)
  }

  @Test func theDefaultFolderFollowsXDG() {
    #expect(AdvisorCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x/c", "HOME": "/h"])?.path == "/x/c/myco")
    #expect(
      AdvisorCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"])?.path == "/h/.cache/myco")
    #expect(AdvisorCache.defaultDirectory(environment: [:]) == nil)
  }
}
