/// Where a rule's or a table row's knowledge comes from: an entry of the source registry, cited by id,
/// with what this place took from it.
public struct Citation: Sendable, Hashable {
  /// The registry id (`royse-2008`); for a rule base loaded without a registry, the `ref` text as written.
  public var id: String
  /// The short citation a grower sees ("Royse et al. 2008"); the id when the source is not resolved.
  public var reference: String
  /// What this rule or row took from the source, e.g. "heavier logs, same BE".
  public var note: String?
  /// The registry entry, once resolved.
  public var publication: Publication?
  /// True when the source marks the figure as uncertain or the rule's figure is an estimate.
  public var uncertain: Bool

  /// The publication's link (publisher, DOI, government or university site), if it has one.
  public var href: String? { publication?.link }

  /// A citation of registry entry `id`; its short reference comes from `publication` when resolved.
  public init(id: String, note: String? = nil, publication: Publication? = nil, uncertain: Bool = false) {
    self.id = id
    self.note = note
    self.publication = publication
    self.reference = publication?.shortCitation ?? id
    self.uncertain = uncertain
  }

  /// A citation whose short reference is already known (the registry's, or a cache file's), so
  /// it is not worked out again for every citation of the same publication.
  init(id: String, reference: String, note: String?, publication: Publication?, uncertain: Bool) {
    self.id = id
    self.note = note
    self.publication = publication
    self.reference = reference
    self.uncertain = uncertain
  }

  /// A free-text citation (for rule bases built in code or loaded without a registry).
  public init(reference: String, uncertain: Bool = false) {
    self.init(id: reference, uncertain: uncertain)
  }

  /// "Royse et al. 2008 — heavier logs, same BE".
  public var referenceWithNote: String {
    guard let note, !note.isEmpty else { return reference }
    return "\(reference) — \(note)"
  }
}

extension Citation: Codable {
  private enum CodingKeys: String, CodingKey {
    case id, reference, authors, year, title, publishedIn = "published_in", pages, doi, href, grade, took, note,
      uncertain
  }

  /// Encodes the id, the short reference, the publication's fields (authors, year, title, …), the note and
  /// `uncertain`, flat, for JSON readers.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(reference, forKey: .reference)
    try container.encode(publication?.authors ?? "", forKey: .authors)
    try container.encode(publication?.year, forKey: .year)
    try container.encode(publication?.title ?? reference, forKey: .title)
    try container.encodeIfPresent(publication?.publishedIn, forKey: .publishedIn)
    try container.encodeIfPresent(publication?.pages, forKey: .pages)
    try container.encodeIfPresent(publication?.doi, forKey: .doi)
    try container.encodeIfPresent(publication?.link, forKey: .href)
    try container.encodeIfPresent(publication?.grade.rawValue, forKey: .grade)
    try container.encodeIfPresent(note, forKey: .note)
    try container.encode(uncertain, forKey: .uncertain)
  }

  /// Decodes what ``encode(to:)`` wrote; the publication is restored when a grade is present.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let id = try container.decode(String.self, forKey: .id)
    var publication: Publication?
    if let grade = try container.decodeIfPresent(String.self, forKey: .grade).flatMap(Publication.Grade.init) {
      publication = Publication(
        id: id, authors: try container.decode(String.self, forKey: .authors),
        year: try container.decodeIfPresent(Int.self, forKey: .year),
        title: try container.decode(String.self, forKey: .title),
        publishedIn: try container.decodeIfPresent(String.self, forKey: .publishedIn),
        pages: try container.decodeIfPresent(String.self, forKey: .pages),
        doi: try container.decodeIfPresent(String.self, forKey: .doi),
        link: try container.decodeIfPresent(String.self, forKey: .href), grade: grade,
        took: try container.decodeIfPresent(String.self, forKey: .took) ?? "")
    }
    self.init(
      id: id, note: try container.decodeIfPresent(String.self, forKey: .note), publication: publication,
      uncertain: try container.decodeIfPresent(Bool.self, forKey: .uncertain) ?? false)
  }
}
