import Foundation
import Mustache
import MycoDiagnostics

/// The editable files a sheet is made from: `sheet.mustache` (and partials), `sheet.css`
/// (inlined into the page) and `labels.json` (headings and fixed words).
///
/// The bundled copy is used unless an agent points `--templates DIR` at an edited copy.
///
/// Templates are trusted input (they shape what a grower reads), but the page they make is still
/// fenced in: Myco puts a Content-Security-Policy right after the doctype of every page, so the
/// page may use only its inline styles and `data:` images and fonts — no files, no network, no
/// frames — and run only the bundled one-page fitting script (allowed by its SHA-256 hash).
public struct SheetTemplates: Sendable {
  public let directory: URL
  public let labels: Labels
  let library: MustacheLibrary
  let css: String

  /// The templates bundled with Myco.
  public static func bundled() throws(Diagnostic) -> SheetTemplates {
    guard let url = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
      throw Diagnostic(
        kind: .sheetTemplate, "the bundled sheet templates are missing (Myco_MycoSheets.resources/Templates)")
    }
    return try SheetTemplates(directory: url)
  }

  /// Loads a templates folder; throws a ``Diagnostic`` naming the file (and line:column) of a problem.
  public init(directory: URL) throws(Diagnostic) {
    self.directory = directory
    let fileManager = FileManager.default
    let names: [String]
    do { names = try fileManager.contentsOfDirectory(atPath: directory.path).sorted() } catch {
      throw Diagnostic(kind: .sheetTemplate, at: SourceLocation(file: directory.path), "not a templates folder")
    }
    var templates: [String: MustacheTemplate] = [:]
    for name in names where name.hasSuffix(".mustache") {
      let url = directory.appendingPathComponent(name)
      guard let data = fileManager.contents(atPath: url.path) else {
        throw Diagnostic(kind: .sheetTemplate, at: SourceLocation(file: url.path), "cannot read")
      }
      let text = String(decoding: data, as: UTF8.self)
      if let range = text.range(of: "http-equiv", options: .caseInsensitive) {
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column =
          before.distance(
            from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex)
          + 1
        throw Diagnostic(
          kind: .sheetTemplate, at: SourceLocation(file: url.path, line: line, column: column),
          "http-equiv is not allowed in a template (Myco sets the page's security policy itself)"
        )
      }
      do {
        templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
      } catch let error as MustacheTemplate.ParserError {
        throw Diagnostic(
          kind: .sheetTemplate,
          at: SourceLocation(file: url.path, line: error.context.lineNumber, column: error.context.columnNumber),
          "\(error.error) in: \(error.context.line)"
        )
      } catch {
        throw Diagnostic(kind: .sheetTemplate, at: SourceLocation(file: url.path), "\(error)")
      }
    }
    guard templates["sheet"] != nil else {
      throw Diagnostic(kind: .sheetTemplate, at: SourceLocation(file: directory.path), "no sheet.mustache")
    }
    library = MustacheLibrary(templates: templates)
    let cssURL = directory.appendingPathComponent("sheet.css")
    guard let css = fileManager.contents(atPath: cssURL.path) else {
      throw Diagnostic(kind: .sheetTemplate, at: SourceLocation(file: cssURL.path), "cannot read")
    }
    self.css = String(decoding: css, as: UTF8.self)
    labels = try Labels(contentsOf: directory.appendingPathComponent("labels.json"))
  }

  /// What the template sees: the sheet and the stylesheet to inline.
  struct Page {
    var sheet: SheetModel
    var css: String
  }

  /// The sheet as a self-contained HTML page, with Myco's generator mark and security policy.
  public func html(_ sheet: SheetModel) -> String {
    Self.secured(library.render(Page(sheet: sheet, css: css), withTemplate: "sheet") ?? "")
  }

  /// The SHA-256 (base64) of the bundled one-page fitting `<script>` in sheet.mustache: the only
  /// script a sheet may run. Tests check it against the bundled template.
  public static let fitScriptHash = "sha256-uBLWaqEg8c44aHyueubx8Tfdz0uV8JfoXgTmD9NyYE0="

  /// What a sheet may load: inline styles, `data:` images and fonts, and the fitting script.
  public static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    + "script-src '\(fitScriptHash)'; base-uri 'none'; form-action 'none'"

  /// The page with the generator mark and the security policy first in the document (right after
  /// the doctype, before anything a template could load).
  static func secured(_ page: String) -> String {
    let head =
      OutputFile.htmlGenerator
      + "\n<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\">\n"
    let start = page.firstIndex { !$0.isWhitespace } ?? page.endIndex
    if page[start...].range(of: "<!DOCTYPE", options: [.caseInsensitive, .anchored]) != nil,
      let end = page[start...].firstIndex(of: ">")
    {
      let afterDoctype = page.index(after: end)
      return String(page[..<afterDoctype]) + "\n" + head + String(page[afterDoctype...]).drop { $0 == "\n" }
    }
    return head + page
  }
}
