import MycoDiagnostics
import MycoXML

extension ParsedElement {
  /// The child elements named `name`, read as one text per `lang` attribute.
  public func localized(_ name: String) -> LocalizedText {
    // Sized for the two languages every text has, so the table is not grown on the second.
    var byLanguage = [String: String](minimumCapacity: 2)
    for child in children where child.name == name {
      byLanguage[child["lang"] ?? "en"] = child.trimmedText
    }
    return LocalizedText(byLanguage)
  }
}
