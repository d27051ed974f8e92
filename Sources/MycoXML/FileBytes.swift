import Foundation

/// Reads a file a user may have handed Myco, within a size limit: the one way MycoXML reads
/// documents, schemas and the files schemas include.
enum FileBytes {
  enum Problem: Error {
    /// The file is `size` bytes (as its size says, or as far as it was read), over the limit.
    case tooLarge(size: Int)
    /// Missing, a folder, or not readable.
    case unreadable
  }

  /// The file's bytes, read straight into an array (through `Data` they were copied once more: a
  /// tenth of a second for 100,000 rules). A file whose size is over `limit` is not read; reading
  /// stops once past `limit` (a file that grows without end, such as `/dev/zero`, which reports
  /// size 0 and was read forever before).
  static func read(_ path: String, limit: Int) -> Result<[UInt8], Problem> {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    if let size, size > limit { return .failure(.tooLarge(size: size)) }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return .failure(.unreadable) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunkSize = max(size ?? 0, 0) + 1
    while true {
      var failed = false
      let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, initialized in
        var filled = 0
        while filled < chunkSize {
          let count = Glibc.read(descriptor, buffer.baseAddress! + filled, chunkSize - filled)
          if count < 0 && errno == EINTR { continue }
          if count < 0 { failed = true }
          if count <= 0 { break }
          filled += count
        }
        initialized = filled
      }
      if failed { return .failure(.unreadable) }
      if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
      if bytes.count > limit { return .failure(.tooLarge(size: bytes.count)) }
      // A full chunk means the file grew since its size was read: read on.
      if chunk.count < chunkSize { return .success(bytes) }
      chunkSize = 1 << 16
    }
  }
}
