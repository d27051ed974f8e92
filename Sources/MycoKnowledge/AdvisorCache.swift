import Foundation
import MycoDiagnostics
import MycoRules

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The compiled rule-base cache, like CLIPS's `bsave`/`bload`: a loaded, checked knowledge base
/// and rule base written in a binary form that loads without parsing XML or XSD.
///
/// A cache file is named by a 128-bit key hashed (XXH64, two seeds) over every input file's path
/// and bytes — the knowledge and rules folders' `*.xml` files and the bundled XSDs — plus the folders as named in messages, Myco's version and build id, and
/// this format's version. Any change to any of them selects another file. Each file's hashes are
/// remembered with its identity (``InputDigests``: device, inode, size, times) so that an unchanged
/// file is not read again on the next run; the key is the same either way. A file that is missing,
/// truncated, damaged (its XXH64 checksum, header and every value are checked) or unreadable
/// means a normal load, which then writes a fresh file; problems are never reported as errors.
///
/// Files are written to a temporary name and renamed (atomic); the folder is created `0700` and
/// refused if it is a symlink or another user's; cache files are opened with `O_NOFOLLOW`.
public struct AdvisorCache: Sendable {
  /// The folder holding the cache files (e.g. `~/.cache/myco`).
  public let directory: URL
  /// Identifies the Myco build: a cache written by another build is never read.
  public let buildID: String

  /// What happened to the cache on a load.
  public enum Outcome: Sendable, Hashable {
    /// The rule base came from the cache.
    case hit
    /// A normal load; its result was written to the cache.
    case stored
    /// A normal load; nothing was written (the reason is given).
    case notStored(String)
  }

  /// The file format's version: bump it whenever any `BinaryCodable` layout changes.
  static let formatVersion: UInt32 = 2
  static let magic = Array("MYCOBASE".utf8)
  static let headerSize = 8 + 4 + 16 + 8 + 8
  static let filePrefix = "advisor-"
  static let fileSuffix = ".cache"
  /// How many cache files are kept (the most recently written); older ones are removed.
  static let keptFiles = 8

  /// How long (nanoseconds) after a file's last change its hashes must have been taken before they
  /// are reused without reading the file (see ``InputDigests``); tests lower it.
  var digestTrustMargin: Int64 = 10_000_000_000
  static let digestsPrefix = "inputs-"
  static let digestsSuffix = ".digests"

  /// A cache in `directory` for the build `buildID`.
  public init(directory: URL, buildID: String) {
    self.directory = directory
    self.buildID = buildID
  }

  /// `$XDG_CACHE_HOME/myco` (when that is an absolute path), else `$HOME/.cache/myco`; nil without either.
  public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
    if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
      return URL(fileURLWithPath: base).appendingPathComponent("myco")
    }
    if let home = environment["HOME"], home.hasPrefix("/") {
      return URL(fileURLWithPath: home).appendingPathComponent(".cache/myco")
    }
    return nil
  }

  /// Loads knowledge and rules from the cache when an intact file for exactly these inputs exists,
  /// else normally (writing the result to the cache). Load errors are the normal load's.
  public func loadAdvisor(
    knowledge knowledgeDirectory: URL, knowledgeName: String, rules rulesDirectory: URL, rulesName: String
  ) throws(Diagnostics) -> (advisor: Advisor, outcome: Outcome) {
    let inputs = Inputs(
      knowledge: knowledgeDirectory, knowledgeName: knowledgeName, rules: rulesDirectory, rulesName: rulesName)
    let remembered = readDigests(inputs)
    var digests = remembered
    let key = self.key(inputs, digests: &digests)
    if let key, let advisor = cached(key: key) {
      if digests.entries != remembered.entries { storeDigests(digests, inputs) }
      return (advisor, .hit)
    }
    let advisor = try Advisor.load(
      knowledge: knowledgeDirectory, knowledgeName: knowledgeName, rules: rulesDirectory, rulesName: rulesName)
    guard let key else { return (advisor, .notStored("an input file could not be read")) }
    // A file changed while it was loaded: what was loaded may not match the key.
    guard self.key(inputs, digests: &digests) == key else {
      return (advisor, .notStored("an input file changed during the load"))
    }
    if let problem = store(advisor, key: key) { return (advisor, .notStored(problem)) }
    storeDigests(digests, inputs)
    return (advisor, .stored)
  }

  /// Removes every cache file (and any left-over temporary file); returns how many were removed.
  public func clear() throws -> Int {
    var status = stat()
    guard lstat(directory.path, &status) == 0 else { return 0 }
    if let problem = checkedDirectory(create: false) { throw BinaryCodingError(problem) }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    var removed = 0
    for name in names where Self.isCacheFile(name) || Self.isDigestsFile(name) || name.hasPrefix(".tmp-") {
      try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
      removed += 1
    }
    return removed
  }

  /// The path of the cache file for `key`.
  func file(for key: String) -> URL { directory.appendingPathComponent(Self.filePrefix + key + Self.fileSuffix) }

  /// The cache file that a load of these folders would read or write (nil when an input cannot be read).
  public func file(knowledge: URL, knowledgeName: String, rules: URL, rulesName: String) -> URL? {
    var digests = InputDigests()
    return key(
      Inputs(knowledge: knowledge, knowledgeName: knowledgeName, rules: rules, rulesName: rulesName), digests: &digests
    )
    .map(file)
  }

  static func isCacheFile(_ name: String) -> Bool { name.hasPrefix(filePrefix) && name.hasSuffix(fileSuffix) }

  static func isDigestsFile(_ name: String) -> Bool { name.hasPrefix(digestsPrefix) && name.hasSuffix(digestsSuffix) }

  // MARK: - Key

  /// The folders of one load.
  struct Inputs {
    var knowledge: URL
    var knowledgeName: String
    var rules: URL
    var rulesName: String

    /// Every file the load reads, with a label: the folders' `*.xml` files and the bundled schemas
    /// (the program's own, so a rebuild that changes one also changes the key).
    func files() -> [(label: String, url: URL)] {
      func list(_ folder: URL, _ label: String) -> [(label: String, url: URL)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
          .filter { $0.hasSuffix(".xml") }.sorted()
        return names.map { ("\(label)/\($0)", folder.appendingPathComponent($0)) }
      }
      let schemas = [BundledSchema.vocabulary, .knowledge, .sources, .rules].map {
        ("schema/\($0.rawValue).xsd", $0.url)
      }
      return list(knowledge, "knowledge") + list(rules, "rules") + schemas
    }
  }

  /// The key of these inputs: 32 hex digits, or nil when a file cannot be read.
  ///
  /// A file whose identity matches a trusted entry of `digests` is not read (see ``InputDigests``);
  /// every file that is read is recorded in `digests`, which ends up holding exactly these inputs.
  func key(_ inputs: Inputs, digests: inout InputDigests) -> String? {
    var manifest = BinaryWriter()
    manifest.write(Int(Self.formatVersion))
    manifest.write(buildID)
    manifest.write(inputs.knowledge.standardizedFileURL.path)
    manifest.write(inputs.knowledgeName)
    manifest.write(inputs.rules.standardizedFileURL.path)
    manifest.write(inputs.rulesName)
    let started = InputDigests.now()
    var seen = InputDigests()
    for (label, url) in inputs.files() {
      let path = url.standardizedFileURL.path
      var status = stat()
      var entry: InputDigests.Entry
      if stat(path, &status) == 0, let entered = digests.entries[path],
        entered.isTrusted(for: InputDigests.Identity(status), margin: digestTrustMargin)
      {
        entry = entered
      } else {
        guard let (bytes, identity) = Self.readFileAndIdentity(url, followingSymlinks: true) else { return nil }
        entry = InputDigests.Entry(
          identity: identity, first: XXHash64.hash(bytes, seed: 1), second: XXHash64.hash(bytes, seed: 2),
          hashedAt: started)
      }
      seen.entries[path] = entry
      manifest.write(label)
      manifest.write(entry.identity.size)
      manifest.write(Int(bitPattern: UInt(entry.first)))
      manifest.write(Int(bitPattern: UInt(entry.second)))
    }
    digests = seen
    let bytes = manifest.finished()
    return Self.hex(XXHash64.hash(bytes, seed: 3)) + Self.hex(XXHash64.hash(bytes, seed: 4))
  }

  /// The digests file of these two folders (a name from their paths).
  func digestsFile(_ inputs: Inputs) -> URL {
    var writer = BinaryWriter()
    writer.write(inputs.knowledge.standardizedFileURL.path)
    writer.write(inputs.rules.standardizedFileURL.path)
    let bytes = writer.finished()
    return directory.appendingPathComponent(
      Self.digestsPrefix + Self.hex(XXHash64.hash(bytes, seed: 5)) + Self.digestsSuffix)
  }

  /// The remembered input hashes of these folders, or none when the file is missing or not intact.
  func readDigests(_ inputs: Inputs) -> InputDigests {
    guard checkedDirectory(create: false) == nil,
      let bytes = Self.readFile(digestsFile(inputs), followingSymlinks: false),
      let digests = InputDigests(decoding: bytes)
    else { return InputDigests() }
    return digests
  }

  /// Writes the remembered input hashes (a failure only means hashing the files again next time).
  func storeDigests(_ digests: InputDigests, _ inputs: Inputs) {
    guard checkedDirectory(create: true) == nil else { return }
    _ = writeAtomically(digests.encoded(), to: digestsFile(inputs))
  }

  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  // MARK: - Reading

  /// The advisor in the cache file for `key`, or nil when it is missing or not fully valid.
  func cached(key: String) -> Advisor? {
    guard checkedDirectory(create: false) == nil,
      let bytes = Self.readFile(file(for: key), followingSymlinks: false)
    else { return nil }
    return try? Self.decode(bytes, key: key)
  }

  /// Checks the header, length and checksum, then decodes every value; throws on any problem.
  public static func decode(_ bytes: [UInt8], key: String) throws(BinaryCodingError) -> Advisor {
    guard bytes.count >= headerSize else { throw BinaryCodingError("shorter than the header") }
    guard Array(bytes[0..<8]) == magic else { throw BinaryCodingError("not a Myco cache file") }
    guard readUInt32(bytes, at: 8) == formatVersion else { throw BinaryCodingError("another format version") }
    guard Array(bytes[12..<28]) == keyBytes(key) else { throw BinaryCodingError("another key") }
    let length = readUInt64(bytes, at: 28)
    guard length == UInt64(bytes.count - headerSize) else { throw BinaryCodingError("truncated or too long") }
    let checksum = bytes.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
    guard readUInt64(bytes, at: 36) == checksum else { throw BinaryCodingError("checksum mismatch") }
    var reader = try BinaryReader(bytes, from: headerSize)
    let knowledge: KnowledgeBase = try reader.read()
    let rules = try RuleBase(from: &reader, vocabulary: knowledge.vocabulary)
    guard reader.isAtEnd else { throw BinaryCodingError("trailing bytes") }
    return Advisor(knowledge: knowledge, rules: rules)
  }

  /// The whole cache file for `advisor` under `key`.
  public static func encode(_ advisor: Advisor, key: String) -> [UInt8] {
    var writer = BinaryWriter()
    writer.write(advisor.knowledge)
    advisor.rules.write(to: &writer)
    let payload = writer.finished()
    var bytes = magic
    append(UInt64(formatVersion), bytes: 4, to: &bytes)
    bytes += keyBytes(key)
    append(UInt64(payload.count), bytes: 8, to: &bytes)
    append(XXHash64.hash(payload), bytes: 8, to: &bytes)
    return bytes + payload
  }

  /// The key's 16 bytes (its 32 hex digits; anything else gives zero bytes, so it matches no real key).
  static func keyBytes(_ key: String) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: 16)
    let digits = Array(key.utf8)
    for index in 0..<min(16, digits.count / 2) {
      bytes[index] = UInt8(String(decoding: digits[(2 * index)..<(2 * index + 2)], as: UTF8.self), radix: 16) ?? 0
    }
    return bytes
  }

  static func append(_ value: UInt64, bytes count: Int, to bytes: inout [UInt8]) {
    for index in 0..<count { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
  }

  static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
  }

  static func readUInt64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
    (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
  }

  /// A regular file's bytes (at most 1 GiB), or nil; with `followingSymlinks: false` a symlink is refused.
  static func readFile(_ url: URL, followingSymlinks: Bool) -> [UInt8]? {
    readFileAndIdentity(url, followingSymlinks: followingSymlinks)?.bytes
  }

  /// A regular file's bytes and its identity as `fstat` gave it before the bytes were read.
  static func readFileAndIdentity(_ url: URL, followingSymlinks: Bool) -> (
    bytes: [UInt8], identity: InputDigests.Identity
  )? {
    let flags = O_RDONLY | O_CLOEXEC | (followingSymlinks ? 0 : O_NOFOLLOW)
    let descriptor = open(url.path, flags)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size <= 1 << 30 else {
      return nil
    }
    var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + done, $0.count - done) }
      guard count > 0 else { return nil }
      done += count
    }
    return (bytes, InputDigests.Identity(status))
  }

  // MARK: - Writing

  /// Creates (`create`) and checks the cache folder: a real directory, owned by this user, mode 0700.
  /// Returns the problem, or nil when it is fit to use.
  func checkedDirectory(create: Bool) -> String? {
    let path = directory.path
    if create {
      try? FileManager.default.createDirectory(
        at: directory.deletingLastPathComponent(), withIntermediateDirectories: true)
      _ = mkdir(path, 0o700)
    }
    var status = stat()
    guard lstat(path, &status) == 0 else { return "no cache folder \(path)" }
    guard (status.st_mode & S_IFMT) == S_IFDIR else { return "\(path) is not a folder (a symlink is refused)" }
    guard status.st_uid == geteuid() else { return "\(path) belongs to another user" }
    if status.st_mode & 0o077 != 0, chmod(path, 0o700) != 0 { return "cannot make \(path) private (0700)" }
    return nil
  }

  /// Writes the cache file atomically (temporary file, then rename); returns the problem, or nil.
  func store(_ advisor: Advisor, key: String) -> String? {
    if let problem = checkedDirectory(create: true) { return problem }
    if let problem = writeAtomically(Self.encode(advisor, key: key), to: file(for: key)) { return problem }
    prune()
    return nil
  }

  /// Writes `bytes` to a new temporary file in the folder and renames it to `target`; returns the problem, or nil.
  func writeAtomically(_ bytes: [UInt8], to target: URL) -> String? {
    let temporary = directory.appendingPathComponent(".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))").path
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return "cannot create a file in \(directory.path)" }
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + done, $0.count - done) }
      guard count > 0 else { break }
      done += count
    }
    close(descriptor)
    guard done == bytes.count, rename(temporary, target.path) == 0 else {
      unlink(temporary)
      return "cannot write \(target.path)"
    }
    return nil
  }

  /// Keeps the most recently written ``keptFiles`` cache files, and as many digests files.
  func prune() {
    let all = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    prune(all.filter(Self.isCacheFile))
    prune(all.filter(Self.isDigestsFile))
  }

  private func prune(_ names: [String]) {
    let fileManager = FileManager.default
    guard names.count > Self.keptFiles else { return }
    let dated = names.map { name -> (String, Date) in
      let url = directory.appendingPathComponent(name)
      let date = (try? fileManager.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
      return (name, date)
    }
    for (name, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.keptFiles) {
      try? fileManager.removeItem(at: directory.appendingPathComponent(name))
    }
  }
}
