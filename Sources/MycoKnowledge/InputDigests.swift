import Foundation
import MycoRules

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The content hashes of a load's input files, remembered between runs with each file's identity
/// (device, inode, mode, size, modification and status-change times), so that a cache hit need not
/// read and hash every input file again (60 MB at 100,000 rules).
///
/// A remembered hash is used only when the file's identity is unchanged **and** the file was last
/// changed (its `ctime` and `mtime`) more than ``AdvisorCache/digestTrustMargin`` before the hash
/// was taken. Why this is safe: writing a file, or setting its times back with `touch`/`utimensat`,
/// sets its `ctime` to the current time, which no user call can set back; the only change that can
/// keep every field equal is one within the same clock tick as the file's last change (the
/// filesystem's timestamp granularity: nanoseconds to two seconds). The margin rules that out: a
/// file changed shortly before or while it was hashed is hashed again on the next run (as git
/// treats "racily clean" files). What remains is a system clock set back, or a network filesystem
/// whose server clock lags the client's by more than the margin, *and* an edit within one tick of
/// the previous one: use `--no-cache` or `myco cache clear` there.
///
/// Only the key depends on these hashes, and a key computed with them is exactly the key computed
/// from the bytes, so a damaged or missing digests file only means hashing the files again.
struct InputDigests {
  /// What `stat` says about a file; any difference means the file is read and hashed again.
  struct Identity: Hashable {
    var device: UInt64
    var inode: UInt64
    var mode: UInt64
    var size: Int
    /// Nanoseconds since 1970.
    var modified: Int64
    var changed: Int64

    init(_ status: stat) {
      device = UInt64(status.st_dev)
      inode = UInt64(status.st_ino)
      mode = UInt64(status.st_mode)
      size = Int(status.st_size)
      modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
      changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
    }

    init(device: UInt64, inode: UInt64, mode: UInt64, size: Int, modified: Int64, changed: Int64) {
      (self.device, self.inode, self.mode, self.size) = (device, inode, mode, size)
      (self.modified, self.changed) = (modified, changed)
    }
  }

  /// One file's remembered hashes.
  struct Entry: Equatable {
    var identity: Identity
    /// XXH64 of the bytes with seeds 1 and 2.
    var first: UInt64
    var second: UInt64
    /// When the file was hashed (nanoseconds since 1970), taken before it was opened.
    var hashedAt: Int64

    /// True when a file with `identity` may be taken to hold the bytes hashed here: it is the same
    /// file, unchanged, and it had last changed more than `margin` nanoseconds before it was hashed.
    func isTrusted(for identity: Identity, margin: Int64) -> Bool {
      self.identity == identity && identity.changed < hashedAt - margin && identity.modified < hashedAt - margin
    }
  }

  /// Entries by absolute path.
  var entries: [String: Entry] = [:]

  static let magic = Array("MYCODIGS".utf8)
  static let formatVersion = 1

  /// The current time in nanoseconds since 1970.
  static func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
  }

  /// The file form: magic, format version, payload length, XXH64 of the payload, payload.
  func encoded() -> [UInt8] {
    var writer = BinaryWriter()
    writer.writeCount(entries.count)
    for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
      writer.write(path)
      for value in [entry.identity.device, entry.identity.inode, entry.identity.mode] { writer.writeUnsigned(value) }
      writer.write(entry.identity.size)
      for value in [entry.identity.modified, entry.identity.changed, entry.hashedAt] { writer.write(Int(value)) }
      writer.writeUnsigned(entry.first)
      writer.writeUnsigned(entry.second)
    }
    let payload = writer.finished()
    var bytes = Self.magic
    AdvisorCache.append(UInt64(Self.formatVersion), bytes: 4, to: &bytes)
    AdvisorCache.append(UInt64(payload.count), bytes: 8, to: &bytes)
    AdvisorCache.append(XXHash64.hash(payload), bytes: 8, to: &bytes)
    return bytes + payload
  }

  /// Reads the file form; nil when anything is wrong (then every file is hashed).
  init?(decoding bytes: [UInt8]) {
    let headerSize = 8 + 4 + 8 + 8
    guard bytes.count >= headerSize, Array(bytes[0..<8]) == Self.magic,
      AdvisorCache.readUInt32(bytes, at: 8) == UInt32(Self.formatVersion),
      AdvisorCache.readUInt64(bytes, at: 12) == UInt64(bytes.count - headerSize)
    else { return nil }
    let payload = Array(bytes[headerSize...])
    guard AdvisorCache.readUInt64(bytes, at: 20) == XXHash64.hash(payload) else { return nil }
    do throws(BinaryCodingError) {
      var reader = try BinaryReader(payload)
      let count = try reader.readCount()
      for _ in 0..<count {
        let path: String = try reader.read()
        let identity = Identity(
          device: try reader.readUnsigned(), inode: try reader.readUnsigned(), mode: try reader.readUnsigned(),
          size: try reader.read(), modified: Int64(try reader.read(Int.self)), changed: Int64(try reader.read(Int.self))
        )
        let hashedAt = Int64(try reader.read(Int.self))
        let entry = Entry(
          identity: identity, first: try reader.readUnsigned(), second: try reader.readUnsigned(), hashedAt: hashedAt)
        guard entries.updateValue(entry, forKey: path) == nil else { return nil }
      }
      guard reader.isAtEnd else { return nil }
    } catch {
      return nil
    }
  }

  /// No remembered hashes.
  init() {}
}
