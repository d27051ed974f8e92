import Foundation
import MycoDiagnostics

/// Prints an HTML page to PDF with headless Chromium.
///
/// Chromium is found on `PATH` as `chromium`, `chromium-browser` or `google-chrome`. Each run gets
/// its own throw-away profile folder, so several can run at once.
public struct PDFPrinter: Sendable {
  /// The Chromium executable.
  public let executable: URL
  /// How long one page may take before Chromium is stopped.
  public var timeout: TimeInterval = 60

  /// The names looked for on `PATH`, in order.
  public static let names = ["chromium", "chromium-browser", "google-chrome"]

  /// What to tell a user who has no Chromium.
  public static let installHint =
    "Chromium was not found (looked for chromium, chromium-browser, google-chrome on PATH). "
    + "Install it with: sudo apt-get install chromium fonts-noto-cjk"

  public init(executable: URL) { self.executable = executable }

  /// The first Chromium on `PATH`, or nil.
  public static func find(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> PDFPrinter? {
    let folders = (path ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    for name in names {
      for folder in folders {
        let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return PDFPrinter(executable: candidate) }
      }
    }
    return nil
  }

  /// The Chromium flags besides the profile, output and page: no network (an unreachable proxy),
  /// no extensions, no background traffic. The page's own Content-Security-Policy (see
  /// ``SheetTemplates``) blocks files, frames and every script but the one-page fitting script.
  public static let flags = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
    "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-default-apps",
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
  ]

  /// Prints the HTML file at `html` to `pdf`: into a temporary file beside it, marked as Myco's
  /// (``OutputFile/pdfTrailer``), then renamed over `pdf` (an existing `pdf` must be Myco's unless `force`).
  public func print(html: URL, to pdf: URL, force: Bool = false) throws(Diagnostic) {
    let fileManager = FileManager.default
    try OutputFile.checkTarget(pdf, kind: .pdf, force: force)
    let profile = fileManager.temporaryDirectory.appendingPathComponent("myco-chromium-\(UUID().uuidString)")
    defer { try? fileManager.removeItem(at: profile) }
    let output = OutputFile.temporaryPath(beside: pdf)
    defer { unlink(output.path) }
    let process = Process()
    process.executableURL = executable
    process.arguments =
      Self.flags + [
        "--user-data-dir=\(profile.path)", "--print-to-pdf=\(output.path)", html.absoluteURL.absoluteString,
      ]
    // Chromium's messages go to a file in the profile folder, read only when something fails.
    try? fileManager.createDirectory(at: profile, withIntermediateDirectories: true)
    let log = profile.appendingPathComponent("stderr.txt")
    _ = fileManager.createFile(atPath: log.path, contents: nil)
    let errors = try? FileHandle(forWritingTo: log)
    defer { try? errors?.close() }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors ?? FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    do { try process.run() } catch {
      throw Diagnostic(kind: .pdf, "cannot start \(executable.path): \(OutputFile.plainWords(error))")
    }
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      throw Diagnostic(
        kind: .pdf, "\(executable.lastPathComponent) took longer than \(Int(timeout)) s to print \(pdf.path)")
    }
    guard process.terminationStatus == 0, fileManager.fileExists(atPath: output.path) else {
      let tail = String(decoding: fileManager.contents(atPath: log.path) ?? Data(), as: UTF8.self).split(
        separator: "\n"
      ).suffix(3).joined(separator: "\n")
      throw Diagnostic(
        kind: .pdf,
        "\(executable.lastPathComponent) could not print \(pdf.path) (exit \(process.terminationStatus)): \(tail)")
    }
    do {
      let handle = try FileHandle(forUpdating: output)
      defer { try? handle.close() }
      try handle.seekToEnd()
      try handle.write(contentsOf: OutputFile.pdfTrailer)
    } catch {
      throw Diagnostic(kind: .pdf, "cannot write \(pdf.path): \(OutputFile.plainWords(error))")
    }
    try OutputFile.checkTarget(pdf, kind: .pdf, force: force)
    try OutputFile.replace(pdf, with: output)
  }
}
