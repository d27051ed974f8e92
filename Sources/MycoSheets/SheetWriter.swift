import Foundation
import MycoDiagnostics

/// The file formats a sheet is written in.
public enum SheetFormat: String, Sendable, Hashable, CaseIterable {
  /// A self-contained HTML page.
  case html
  /// A one-page A4 PDF, printed from the HTML page (which is kept beside it).
  case pdf
}

/// What was written for one sheet.
public struct WrittenSheet: Sendable, Hashable {
  public var html: URL
  /// Nil when only HTML was asked for.
  public var pdf: URL?
}

/// Writes sheets to files: HTML always, PDF through Chromium when asked.
public struct SheetWriter: Sendable {
  public let maker: SheetMaker
  /// Nil when Chromium is not installed; asking for a PDF then writes the HTML and throws the install hint.
  public let printer: PDFPrinter?
  /// Overwrite files Myco did not write, and replace symlinks (`--force`).
  public var force: Bool

  public init(maker: SheetMaker, printer: PDFPrinter? = PDFPrinter.find(), force: Bool = false) {
    self.maker = maker
    self.printer = printer
    self.force = force
  }

  /// The HTML file that goes with an output path: `x.pdf` → `x.html`; `x.html` stays.
  public static func htmlURL(for out: URL) -> URL {
    out.pathExtension.lowercased() == "html" ? out : out.deletingPathExtension().appendingPathExtension("html")
  }

  /// Writes the sheet for `request` to `out` (and its HTML beside a PDF).
  public func write(_ request: SheetRequest, to out: URL, format: SheetFormat) throws(Diagnostic) -> WrittenSheet {
    try writePage(try maker.html(request), to: out, format: format)
  }

  /// Writes a finished HTML page to `out`, and prints it to PDF when asked.
  func writePage(_ html: String, to out: URL, format: SheetFormat) throws(Diagnostic) -> WrittenSheet {
    let htmlURL = format == .html ? out : Self.htmlURL(for: out)
    let pdfURL = out.pathExtension.lowercased() == "pdf" ? out : out.appendingPathExtension("pdf")
    let folder = htmlURL.deletingLastPathComponent()
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
      throw Diagnostic(kind: .writeFile, "cannot write \(htmlURL.path): \(folder.path) is a file, not a folder")
    }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw Diagnostic(kind: .writeFile, "cannot create the folder \(folder.path): \(OutputFile.plainWords(error))")
    }
    // Refuse before writing anything, so a refused PDF leaves no new HTML behind.
    if format == .pdf { try OutputFile.checkTarget(pdfURL, kind: .pdf, force: force) }
    try OutputFile.write(Data(html.utf8), to: htmlURL, kind: .html, force: force)
    guard format == .pdf else { return WrittenSheet(html: htmlURL, pdf: nil) }
    guard let printer else {
      throw Diagnostic(kind: .writeFile, "wrote \(htmlURL.path) but no PDF: " + PDFPrinter.installHint)
    }
    try printer.print(html: htmlURL, to: pdfURL, force: force)
    return WrittenSheet(html: htmlURL, pdf: pdfURL)
  }
}
