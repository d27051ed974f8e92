import Foundation

/// Scans every advice and warning text (all languages) for product names on the context's lists:
/// the never-use list gives an error, a product not registered for the crop a warning.
///
/// A rule whose certainty is `avoid` and a `warn` conclusion are exempt: they tell growers *not*
/// to use a product, which is what a never-use list is for. When one name is part of a longer
/// one (`cypermethrin` in `beta-cypermethrin`), only the longer name counts.
public struct ProductGuardPass: VerificationPass {
  public let name = "product-guard"

  public init() {}

  public func run(_ input: VerificationInput) -> [Finding] {
    let lists = input.context.productLists
    guard !lists.isEmpty else { return [] }
    var names: [(name: String, list: Int, product: String)] = []
    for (listIndex, list) in lists.enumerated() {
      for product in list.products {
        for name in Set(product.names.map { $0.lowercased() }) where name.count >= 2 {
          names.append((name, listIndex, product.id))
        }
      }
    }
    names.sort { $0.name.count > $1.name.count }
    var findings: [Finding] = []
    for rule in input.rules where rule.certainty != .avoid {
      var reported = Set<String>()
      for case .advise(_, let text) in rule.conclusions {
        for language in text.byLanguage.keys.sorted() {
          var remaining = text.byLanguage[language]!.lowercased()
          for entry in names where remaining.contains(entry.name) {
            remaining = remaining.replacingOccurrences(of: entry.name, with: "\u{0}")
            let list = lists[entry.list]
            guard reported.insert("\(entry.list)/\(entry.product)").inserted else { continue }
            findings.append(
              Finding(list.severity, kind: list.kind, rules: [rule.id], at: rule.location,
                .namesProduct(entry.name, list)))
          }
        }
      }
    }
    return findings
  }
}

extension Finding.Message {
  fileprivate static func namesProduct(_ name: String, _ list: ProductList) -> Self {
    Self(
      zh: "建议文字提到了“\(name)”，它在\(list.name.zh)上",
      en: "the advice names “\(name)”, which is on the \(list.name.en)")
  }
}
