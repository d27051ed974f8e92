import Foundation
import MycoDiagnostics

/// Writes the files Myco produces (sheet HTML and PDF) safely.
///
/// Each file is written to a new temporary file in the same folder and then renamed over the
/// target, so a reader never sees half a file and a symlink at the target is replaced, never
/// followed. An existing file is overwritten only when Myco wrote it (it carries Myco's marker:
/// ``marker(for:)``) or when the caller says `force`; a symlink is refused unless `force`.
public enum OutputFile {
  /// The kinds of file Myco writes, each with the marker that shows Myco wrote it.
  public enum Kind: Sendable {
    /// An HTML page with `<meta name="generator" content="myco …">` near the top.
    case html
    /// A PDF that ends with the comment line `%myco-sheet …` before its last `%%EOF`.
    case pdf
  }

  /// The generator meta tag Myco puts in every HTML page it writes.
  public static let htmlGenerator = "<meta name=\"generator\" content=\"myco sheet\">"
  /// The comment Myco appends to every PDF it writes (a PDF comment; readers skip it).
  public static let pdfTrailer = Data("%myco-sheet\n%%EOF\n".utf8)

  /// Whether the bytes carry Myco's marker for that kind of file.
  public static func isMycos(_ data: Data, kind: Kind) -> Bool {
    switch kind {
    case .html:
      return data.prefix(4096).range(of: Data(htmlGenerator.utf8)) != nil
    case .pdf:
      return data.suffix(64).range(of: Data("%myco-sheet\n".utf8)) != nil
    }
  }

  /// Checks that `url` may be (over)written: absent, or a regular file Myco wrote, or `force`.
  public static func checkTarget(_ url: URL, kind: Kind, force: Bool) throws(Diagnostic) {
    var status = stat()
    guard lstat(url.path, &status) == 0 else {
      if errno == ENOENT { return }
      throw Diagnostic(kind: .writeFile, "cannot write \(url.path): \(String(cString: strerror(errno)))")
    }
    switch status.st_mode & S_IFMT {
    case S_IFLNK:
      if force { return }
      throw Diagnostic(
        kind: .writeFile,
        "\(url.path) is a symbolic link; Myco does not write through links (use --force to replace the link itself)")
    case S_IFREG:
      if force { return }
      let head: Data
      do {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        head = try handle.readToEnd() ?? Data()
      } catch {
        throw Diagnostic(
          kind: .writeFile, "\(url.path) exists and cannot be read to check who wrote it; not overwritten (use --force)"
        )
      }
      guard isMycos(head, kind: kind) else {
        throw Diagnostic(
          kind: .writeFile,
          "\(url.path) exists and was not written by Myco; not overwritten (use --force to overwrite it)")
      }
    case S_IFDIR:
      throw Diagnostic(kind: .writeFile, "\(url.path) is a folder, not a file")
    default:
      throw Diagnostic(kind: .writeFile, "\(url.path) exists and is not a regular file; not overwritten")
    }
  }

  /// Writes `data` to `url` through a temporary file in the same folder, after ``checkTarget(_:kind:force:)``.
  public static func write(_ data: Data, to url: URL, kind: Kind, force: Bool) throws(Diagnostic) {
    try checkTarget(url, kind: kind, force: force)
    let temporary = try createTemporary(beside: url)
    do {
      let handle = try FileHandle(forWritingTo: temporary)
      defer { try? handle.close() }
      try handle.write(contentsOf: data)
      try handle.synchronize()
    } catch {
      unlink(temporary.path)
      throw Diagnostic(kind: .writeFile, "cannot write \(url.path): \(plainWords(error))")
    }
    try replace(url, with: temporary)
  }

  /// An empty new file (never an existing one, never through a link) in `url`'s folder.
  static func createTemporary(beside url: URL) throws(Diagnostic) -> URL {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).myco-\(UUID().uuidString).tmp")
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw Diagnostic(
        kind: .writeFile, "cannot write \(url.path): \(String(cString: strerror(errno))) (in \(folder.path))")
    }
    close(descriptor)
    return temporary
  }

  /// A temporary path in `url`'s folder for a program (Chromium) to create.
  static func temporaryPath(beside url: URL) -> URL {
    url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).myco-\(UUID().uuidString).tmp")
  }

  /// Renames `temporary` over `url` (a link at `url` is replaced, its target untouched).
  static func replace(_ url: URL, with temporary: URL) throws(Diagnostic) {
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary.path)
      throw Diagnostic(kind: .writeFile, "cannot write \(url.path): \(reason)")
    }
  }

  /// The reason for a file error in plain words (not "NSCocoaErrorDomain error 512").
  public static func plainWords(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] {
      if let posix = underlying as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
      if let underlying = underlying as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
      }
    }
    if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
    switch CocoaError.Code(rawValue: nsError.code) {
    case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
    case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
    case .fileWriteOutOfSpace: return "the disk is full"
    case .fileWriteVolumeReadOnly: return "the disk is read-only"
    case .fileWriteFileExists: return "the file already exists"
    default: return "the file could not be written or read"
    }
  }
}
