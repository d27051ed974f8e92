import Foundation

/// What the knowledge base's pesticide lists say about a product a grower used.
public enum PesticideStatus: Sendable, Equatable {
  /// Not a pesticide matter, or registered for the crop.
  case fine
  /// On the banned list: never to be used (the row's names and its note).
  case banned(names: String, note: String, list: String)
  /// Not on the list of products registered for edible fungi.
  case notRegistered(list: String)
  /// Registered for edible fungi, but the label's crops are not known to include the variety.
  case cropNotKnown(names: String, variety: String)
}

extension KnowledgeBase {
  /// Looks a product up in `pesticides-banned` and `pesticides-registered`.
  ///
  /// A list name matches when it appears in the product text (case-insensitive, so that
  /// `40%甲胺磷乳油` is 甲胺磷); a row's name cell may hold several names (`六六六、滴滴涕`).
  /// The banned list is checked for every kind of input; the registration only when
  /// `isPesticide` (a disinfectant or lime need not be registered as a pesticide).
  public func pesticideStatus(product: String, variety: String, isPesticide: Bool) -> PesticideStatus {
    let text = product.lowercased()
    func names(_ row: KnowledgeTable.Row) -> [String] {
      row.cells.filter { $0.key == "name" || $0.key.hasPrefix("name.") }.map(\.value)
        .flatMap { $0.split(whereSeparator: { "、,，;；".contains($0) }) }
        .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        .filter { $0.count >= 2 }
    }
    func label(_ row: KnowledgeTable.Row) -> String {
      [row.cells["name.zh"], row.cells["name.en"], row.cells["name"]].compactMap { $0 }.joined(separator: " / ")
    }
    if let banned = table("pesticides-banned") {
      for row in banned.rows where names(row).contains(where: { text.contains($0) }) {
        let list = "\(banned.title.text(in: .en)) (\(banned.id))"
        return .banned(names: label(row), note: row.cells["note"] ?? "", list: list)
      }
    }
    guard isPesticide, let registered = table("pesticides-registered") else { return .fine }
    guard let row = registered.rows.first(where: { names($0).contains(where: { text.contains($0) }) }) else {
      return .notRegistered(list: "\(registered.title.text(in: .en)) (\(registered.id))")
    }
    let crops = Set((row.cells["crops"] ?? "").split(separator: " ").map(String.init))
    if crops.contains(variety) || crops.contains("empty-house") { return .fine }
    return .cropNotKnown(names: label(row), variety: variety)
  }
}
