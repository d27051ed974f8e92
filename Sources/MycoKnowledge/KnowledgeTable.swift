import MycoRules

/// A free table of sourced rows (substrates, pesticides, places, pests, …).
public struct KnowledgeTable: Sendable, Hashable, Codable {
  public struct Row: Sendable, Hashable, Codable {
    public var id: String
    /// Cells by name; a cell with a language is stored as `name.lang` (e.g. `name.zh`).
    public var cells: [String: String]
    public var sources: [Citation]
  }

  public var id: String
  public var title: LocalizedText
  public var rows: [Row]
}
