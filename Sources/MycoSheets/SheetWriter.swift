import Foundation

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

  public init(maker: SheetMaker, printer: PDFPrinter? = PDFPrinter.find()) {
    self.maker = maker
    self.printer = printer
  }

  /// The HTML file that goes with an output path: `x.pdf` → `x.html`; `x.html` stays.
  public static func htmlURL(for out: URL) -> URL {
    out.pathExtension.lowercased() == "html" ? out : out.deletingPathExtension().appendingPathExtension("html")
  }

  /// Writes the sheet for `request` to `out` (and its HTML beside a PDF).
  public func write(_ request: SheetRequest, to out: URL, format: SheetFormat) throws(SheetError) -> WrittenSheet {
    let html = try maker.html(request)
    let htmlURL = format == .html ? out : Self.htmlURL(for: out)
    do {
      try FileManager.default.createDirectory(at: htmlURL.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(html.utf8).write(to: htmlURL)
    } catch {
      throw SheetError("cannot write \(htmlURL.path): \(error.localizedDescription)")
    }
    guard format == .pdf else { return WrittenSheet(html: htmlURL, pdf: nil) }
    guard let printer else { throw SheetError("wrote \(htmlURL.path) but no PDF: " + PDFPrinter.installHint) }
    let pdfURL = out.pathExtension.lowercased() == "pdf" ? out : out.appendingPathExtension("pdf")
    try printer.print(html: htmlURL, to: pdfURL)
    return WrittenSheet(html: htmlURL, pdf: pdfURL)
  }
}
