import Foundation
import Mustache
import MycoCalendar
import MycoDiagnostics
import MycoKnowledge
import MycoRules
import MycoSheets

/// The server's mustache templates (`Templates/`), with the sheet's `line` partial shared, so
/// the phone page shows the advice in the same words and pieces as the printed sheet.
public struct Pages: Sendable {
  let library: MustacheLibrary
  let css: String
  let labels: [String: [String: String]]

  /// The bundled templates.
  public static func bundled() throws -> Pages {
    guard let url = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
      throw Diagnostic(
        kind: .sheetTemplate, "the bundled server templates are missing (Myco_MycoServer.resources/Templates)")
    }
    return try Pages(directory: url, sheetTemplates: try SheetTemplates.bundled().directory)
  }

  public init(directory: URL, sheetTemplates: URL) throws {
    var templates: [String: MustacheTemplate] = [:]
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    for name in files where name.hasSuffix(".mustache") {
      let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
    }
    // Shared with the sheet: how a zh/en line is printed.
    let line = try String(contentsOf: sheetTemplates.appendingPathComponent("line.mustache"), encoding: .utf8)
    templates["line"] = try MustacheTemplate(string: line)
    library = MustacheLibrary(templates: templates)
    css = try String(contentsOf: directory.appendingPathComponent("server.css"), encoding: .utf8)
    let data = try Data(contentsOf: directory.appendingPathComponent("labels.json"))
    labels = try JSONDecoder().decode([String: [String: String]].self, from: data)
  }

  /// The words of the pages in a language.
  func words(_ language: Language) -> [String: String] { labels[language.rawValue] ?? labels["zh"] ?? [:] }

  /// Renders a page: `fields` plus the shared head (language, labels, stylesheet, agent).
  func render(
    _ template: String, language: Language, title: String, path: String, query: String = "", agent: String? = nil,
    version: String, fields: [String: Any]
  ) -> String {
    // A nil optional would print as "nil": leave such fields out, so sections stay closed.
    var context = fields.filter { _, value in
      let mirror = Mirror(reflecting: value)
      return !(mirror.displayStyle == .optional && mirror.children.isEmpty)
    }
    let words = words(language)
    context["lang"] = language.rawValue
    context["htmlLang"] = language == .en ? "en" : "zh-CN"
    context["L"] = words
    context["css"] = css
    context["pageTitle"] = title
    context["version"] = version
    if let agent { context["agent"] = ["name": agent] }
    let other = words["otherLang"] ?? "en"
    let rest = query.split(separator: "&").filter { !$0.hasPrefix("lang=") }.joined(separator: "&")
    context["otherLink"] = path + "?" + (rest.isEmpty ? "" : rest + "&") + "lang=" + other
    return library.render(context, withTemplate: template) ?? ""
  }
}

/// Small inline icon colours, one per variety (no photos, nothing fetched).
enum VarietyIcon {
  static let colors: [String: String] = [
    "shiitake": "#7a4b2a", "oyster": "#9aa3ad", "wood-ear": "#2b1d17", "king-oyster": "#c9b48a",
    "enoki": "#efe6c8", "tremella": "#f2e9a0", "button": "#f4f1ea", "lions-mane": "#f5efe0",
    "morel": "#8a6a3e", "wine-cap": "#8e2f25", "lingzhi": "#a0421f",
  ]
  static func color(_ id: String) -> String { colors[id] ?? "#8c7b5a" }
}
