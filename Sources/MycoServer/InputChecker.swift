import MycoKnowledge
import MycoRecords

extension KnowledgeBase {
  /// The records' input checker (used by `myco yields add-input` and the agent's input page):
  /// banned products refused, unregistered pesticides warned.
  public var inputChecker: InputChecker {
    let base = self
    return { input, variety in
      switch base.pesticideStatus(product: input.product, variety: variety, isPesticide: input.kind == .pesticide) {
      case .fine:
        return .fine
      case .banned(let names, let note, let list):
        return .refused(
          "\(names) is on the list \"\(list)\" of the knowledge base \(base.version): never use it on edible fungi\(note.isEmpty ? "" : " (\(note))")"
        )
      case .notRegistered(let list):
        return .warning(
          "\(input.product) is not on the list \"\(list)\" of the knowledge base \(base.version): it is not registered for edible fungi, so using it on \(variety) is not allowed by its label"
        )
      case .cropNotKnown(let names, let variety):
        return .warning(
          "\(names) is registered for edible fungi, but the knowledge base does not know whether its label names \(variety): check the label"
        )
      }
    }
  }
}
