import MycoDiagnostics
import MycoXML

extension ParsedElement {
  /// The child elements named `name`, read as one text per `lang` attribute.
  public func localized(_ name: String) -> LocalizedText {
    var byLanguage: [String: String] = [:]
    for child in children where child.name == name {
      byLanguage[child["lang"] ?? "en"] = child.trimmedText
    }
    return LocalizedText(byLanguage)
  }
}
