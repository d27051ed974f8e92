import MycoDiagnostics
import MycoRules

/// A free table of sourced rows (substrates, pesticides, places, pests, …).
public struct KnowledgeTable: Sendable, Hashable, Codable {
  /// One sourced row of a table.
  public struct Row: Sendable, Hashable, Codable {
    /// The row's id, unique in its table.
    public var id: String
    /// Cells by name; a cell with a language is stored as `name.lang` (e.g. `name.zh`).
    public var cells: [String: String]
    /// The publications the row comes from.
    public var sources: [Citation]
  }

  /// The table's id, e.g. `places`.
  public var id: String
  /// What the table is called.
  public var title: LocalizedText
  /// The rows in file order.
  public var rows: [Row]
}
