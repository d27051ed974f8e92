import MycoDiagnostics
import Foundation
import MycoXML

/// One entry of the source registry: a publication or page that rules and tables cite by id.
public struct Publication: Sendable, Hashable, Codable {
  /// How much weight the source carries.
  public enum Grade: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    /// Peer-reviewed or official.
    case a = "A"
    /// Extension text or textbook.
    case b = "B"
    /// Web page or blog.
    case c = "C"

    /// Orders A (strongest) before B before C.
    public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// The id rules and tables cite, e.g. `royse-2008`.
  public var id: String
  /// The authors as printed in a reference list (or the issuing body).
  public var authors: String
  /// The year of publication, when known.
  public var year: Int?
  /// The title of the work, in its own language.
  public var title: String
  /// The journal or publisher (or the site a text was read on).
  public var publishedIn: String?
  /// Volume, issue and pages.
  public var pages: String?
  /// The DOI, without `https://doi.org/`.
  public var doi: String?
  /// A link only to the publisher, a DOI, a government or university site or a named extension service.
  public var link: String?
  /// How much weight it carries (A, B or C).
  public var grade: Grade
  /// What Myco took from it.
  public var took: String

  private enum CodingKeys: String, CodingKey {
    case id, authors, year, title, publishedIn = "published_in", pages, doi, link = "href", grade, took
  }

  /// A registry entry, as read from `<source>` in `sources.xml`.
  public init(
    id: String, authors: String, year: Int?, title: String, publishedIn: String? = nil, pages: String? = nil,
    doi: String? = nil, link: String? = nil, grade: Grade, took: String
  ) {
    (self.id, self.authors, self.year, self.title) = (id, authors, year, title)
    (self.publishedIn, self.pages, self.doi, self.link, self.grade, self.took) = (
      publishedIn, pages, doi, link, grade, took
    )
  }

  /// The short form a grower sees: "Royse et al. 2008", "Zeng and Shi 2016", "qhdth.com page".
  public var shortCitation: String {
    var name = authors
    if name.hasPrefix("unsigned") {
      if let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
        name = String(name[name.index(after: open)..<close])
        if name.hasPrefix("m.") { name.removeFirst(2) }
        if year == nil { name += " page" }
      } else {
        // An unsigned text read on a copy site: its title, cut short.
        let words = title.split(separator: " ")
        name = "unsigned: " + words.prefix(5).joined(separator: " ") + (words.count > 5 ? " …" : "")
      }
    } else {
      let etAl = name.contains("et al")
      // "Royse, D. J. et al." → "Royse"; "Ding Huguang (丁湖广)" → "Ding Huguang"; "陈志军 et al." → "陈志军".
      name = name.components(separatedBy: " et al")[0]
      if let comma = name.firstIndex(of: ",") { name = String(name[..<comma]) }
      if let paren = name.firstIndex(of: "("), paren != name.startIndex {
        name = String(name[..<paren])
      }
      name = name.trimmingCharacters(in: .whitespaces)
      if etAl { name += " et al." }
    }
    return year.map { "\(name) \($0)" } ?? name
  }

  /// The full reference: "Royse, D. J. et al. (2008). Title. Bioresource Technology 99(17): 8212–8216."
  public var fullCitation: String {
    var text = authors + (year.map { " (\($0))." } ?? ".") + " " + title + "."
    if let publishedIn {
      text += " " + publishedIn + (pages.map { " " + $0 } ?? "") + "."
    } else if let pages {
      text += " " + pages + "."
    }
    if let doi { text += " doi:\(doi)" }
    return text
  }
}

/// The source registry (`Knowledge/sources.xml`): every publication cited by rules and tables.
public struct SourceRegistry: Sendable {
  /// Every registered publication, in the order first registered.
  public private(set) var publications: [Publication] = []
  private var index: [String: Int] = [:]
  /// Each publication's ``Publication/shortCitation``, worked out once rather than for every citation.
  private var references: [String] = []

  /// A registry of `publications`; of two with the same id the first is kept.
  public init(_ publications: [Publication] = []) {
    for publication in publications where index[publication.id] == nil {
      index[publication.id] = self.publications.count
      self.publications.append(publication)
      references.append(publication.shortCitation)
    }
  }

  /// The publication with this id, if registered.
  public subscript(id: String) -> Publication? { index[id].map { publications[$0] } }

  /// True when nothing is registered (rules are then loaded without resolving citations).
  public var isEmpty: Bool { publications.isEmpty }

  /// Reads a `<sources>` document (already schema-checked), reporting duplicate ids.
  public static func parse(_ root: ParsedElement) -> (SourceRegistry, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var seen: [String: SourceLocation] = [:]
    var publications: [Publication] = []
    for element in root.children(named: "source") {
      let id = element["id"] ?? ""
      if let first = seen[id] {
        diagnostics.append(
          Diagnostic(kind: .duplicateID, at: element.location, "source '\(id)' is already defined at \(first)"))
        continue
      }
      seen[id] = element.location
      func text(_ name: String) -> String? {
        element.child(named: name).map(\.trimmedText).flatMap { $0.isEmpty ? nil : $0 }
      }
      guard let grade = element["grade"].flatMap(Publication.Grade.init), let authors = text("authors"),
        let title = text("title"), !id.isEmpty
      else {
        diagnostics.append(
          Diagnostic(
            kind: .badSource, at: element.location,
            "source '\(id)' needs an id, a grade (A, B or C), authors and a title"))
        continue
      }
      var year: Int?
      if let yearText = element["year"] {
        year = Int(yearText)
        if year.map({ !(1800...2100).contains($0) }) ?? true {
          diagnostics.append(
            Diagnostic(
              kind: .badNumber, at: element.location,
              "source '\(id)': year '\(yearText)' is not a year from 1800 to 2100"))
        }
      }
      publications.append(
        Publication(
          id: id, authors: authors, year: year, title: title, publishedIn: text("published-in"), pages: text("pages"),
          doi: text("doi"), link: text("href"), grade: grade, took: text("took") ?? ""))
    }
    return (SourceRegistry(publications), diagnostics)
  }

  /// The citation for one `<source ref="…" note="…" uncertain="…"/>` element; with a registry, an unknown
  /// id is an error at the element's FILE:LINE:COLUMN.
  public static func citation(
    _ element: ParsedElement, registry: SourceRegistry?, diagnostics: inout [Diagnostic], rule: String? = nil
  )
    -> Citation
  {
    let ref = element["ref"] ?? element.trimmedText
    let note = element["note"].flatMap { $0.isEmpty ? nil : $0 }
    let uncertain = element["uncertain"] == "true"
    guard let registry else { return Citation(id: ref, note: note, uncertain: uncertain) }
    guard let found = registry.index[ref] else {
      if !ref.isEmpty {
        diagnostics.append(
          Diagnostic(
            kind: .unknownSource, at: element.location,
            "unknown source id '\(ref)' (not in the source registry sources.xml)", rules: rule.map { [$0] } ?? []))
      }
      return Citation(id: ref, note: note, uncertain: uncertain)
    }
    return Citation(
      id: ref, reference: registry.references[found], note: note, publication: registry.publications[found],
      uncertain: uncertain)
  }
}
