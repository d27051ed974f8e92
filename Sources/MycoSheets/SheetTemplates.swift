import Foundation
import Mustache

/// The editable files a sheet is made from: `sheet.mustache` (and partials), `sheet.css`
/// (inlined into the page) and `labels.json` (headings and fixed words).
///
/// The bundled copy is used unless an agent points `--templates DIR` at an edited copy.
public struct SheetTemplates: Sendable {
  public let directory: URL
  public let labels: Labels
  let library: MustacheLibrary
  let css: String

  /// The templates bundled with Myco.
  public static func bundled() throws(SheetError) -> SheetTemplates {
    guard let url = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
      throw SheetError("the bundled sheet templates are missing (Myco_MycoSheets.resources/Templates)")
    }
    return try SheetTemplates(directory: url)
  }

  /// Loads a templates folder; throws a ``SheetError`` naming the file (and line:column) of a problem.
  public init(directory: URL) throws(SheetError) {
    self.directory = directory
    let fileManager = FileManager.default
    let names: [String]
    do { names = try fileManager.contentsOfDirectory(atPath: directory.path).sorted() } catch {
      throw SheetError("\(directory.path): not a templates folder")
    }
    var templates: [String: MustacheTemplate] = [:]
    for name in names where name.hasSuffix(".mustache") {
      let url = directory.appendingPathComponent(name)
      guard let data = fileManager.contents(atPath: url.path) else { throw SheetError("\(url.path): cannot read") }
      do {
        templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: String(decoding: data, as: UTF8.self))
      } catch let error as MustacheTemplate.ParserError {
        throw SheetError("\(url.path):\(error.context.lineNumber):\(error.context.columnNumber): error: \(error.error) in: \(error.context.line)")
      } catch {
        throw SheetError("\(url.path): \(error)")
      }
    }
    guard templates["sheet"] != nil else { throw SheetError("\(directory.path): no sheet.mustache") }
    library = MustacheLibrary(templates: templates)
    let cssURL = directory.appendingPathComponent("sheet.css")
    guard let css = fileManager.contents(atPath: cssURL.path) else { throw SheetError("\(cssURL.path): cannot read") }
    self.css = String(decoding: css, as: UTF8.self)
    labels = try Labels(contentsOf: directory.appendingPathComponent("labels.json"))
  }

  /// What the template sees: the sheet and the stylesheet to inline.
  struct Page {
    var sheet: SheetModel
    var css: String
  }

  /// The sheet as a self-contained HTML page.
  public func html(_ sheet: SheetModel) -> String {
    library.render(Page(sheet: sheet, css: css), withTemplate: "sheet") ?? ""
  }
}
