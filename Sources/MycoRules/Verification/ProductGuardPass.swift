import MycoCalendar
import Foundation
import MycoDiagnostics

/// Scans every advice text (all languages) for product names on the context's lists: the never-use
/// list gives an error, a product not registered for edible fungi a warning, and a registered product
/// named for a crop it is not known to be registered for (a scoped allow-list) a warning too.
///
/// Telling growers *not* to use a product is what the lists are for, so these are exempt: rules whose
/// certainty is `avoid`, `<warn>` texts, and a sentence (or clause) with a negation ("do not",
/// "never", "not", "不要", "禁止", "没…", …) or one about residues ("residue", "残留"). Names on an
/// allow-list (``ProductList/isAllowList``, e.g. the registered products) are matched too, without a
/// finding, so that `高效氟氯氰菊酯` (registered) does not count as `氯氰菊酯` (not registered). When one name is part of a longer one (`cypermethrin` in
/// `beta-cypermethrin`), only the longer name counts; a Latin-letter name must stand as a word.
public struct ProductGuardPass: VerificationPass {
  /// The pass's name: `product-guard` (findings take their list's kind).
  public let name = "product-guard"

  /// The pass (the lists come from the input's context).
  public init() {}

  static let negations = [
    "do not", "don't", "never", "not ", "no ", "avoid", "instead of", "banned", "不要", "不能", "不可", "不得", "禁止",
    "禁用", "严禁", "切勿", "别用", "没有", "没查到", "未", "不是", "不用", "residue", "残留",
  ]

  /// One finding per rule and product name found in a positive clause.
  public func run(_ input: VerificationInput) -> [Finding] {
    let lists = input.context.productLists
    guard !lists.isEmpty else { return [] }
    var names: [(name: String, list: Int, product: String)] = []
    for (listIndex, list) in lists.enumerated() {
      for product in list.products {
        for name in Set(product.names.flatMap(Self.split)) where name.count >= 2 {
          names.append((name, listIndex, product.id))
        }
      }
    }
    names.sort { ($0.name.count, $1.name) > ($1.name.count, $0.name) }
    var findings: [Finding] = []
    for (index, rule) in input.rules.enumerated() where rule.certainty != .avoid {
      var reported = Set<String>()
      for case .advise(_, let text) in rule.conclusions {
        for language in text.byLanguage.keys.sorted() {
          for clause in Self.clauses(text.byLanguage[language]!) where !Self.negations.contains(where: clause.contains)
          {
            var remaining = clause
            for entry in names {
              guard let range = Self.find(entry.name, in: remaining) else { continue }
              remaining.replaceSubrange(range, with: "\u{0}")
              let list = lists[entry.list]
              if list.isAllowList {
                guard let fact = list.scopeFact,
                  let product = list.products.first(where: { $0.id == entry.product }),
                  case let outside = Self.values(of: fact, in: input, rule: index).subtracting(product.scope),
                  !outside.isEmpty, reported.insert("\(entry.list)/\(entry.product)").inserted
                else { continue }
                findings.append(
                  Finding(
                    list.severity, kind: list.scopeKind, rules: [rule.id], at: rule.location,
                    .namesProductOutsideScope(entry.name, fact, outside.sorted())))
                continue
              }
              guard reported.insert("\(entry.list)/\(entry.product)").inserted else { continue }
              findings.append(
                Finding(
                  list.severity, kind: list.kind, rules: [rule.id], at: rule.location, .namesProduct(entry.name, list)))
            }
          }
        }
      }
    }
    return findings
  }

  /// The values of `fact` a rule can fire for: the union over its boxes of the symbols they allow (the
  /// whole domain where a box leaves the fact open; `*` when the domain cannot be listed).
  static func values(of fact: String, in input: VerificationInput, rule index: Int) -> Set<String> {
    var values = Set<String>()
    for box in input.regions[index] {
      guard case .symbols(let symbols)? = input.domains.constraint(box, fact) else { return ["*"] }
      values.formUnion(symbols)
    }
    return values
  }

  /// The names in one table cell: `六六六、滴滴涕` and `cypermethrin / beta-cypermethrin` are two names each;
  /// `HCH, DDT` too, but `calcium, magnesium and zinc phosphides` is one.
  public static func split(_ cell: String) -> [String] {
    var parts = cell.lowercased().components(separatedBy: CharacterSet(charactersIn: "、/"))
    parts = parts.flatMap { part in part.contains(" and ") ? [part] : part.components(separatedBy: ",") }
    return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// The text in lower case, cut into sentences and clauses.
  static func clauses(_ text: String) -> [String] {
    text.lowercased().components(separatedBy: CharacterSet(charactersIn: "。；;！？!?\n")).flatMap {
      $0.components(separatedBy: ". ")
    }
  }

  /// Where `name` occurs in `text`; a name in Latin letters must not touch other letters.
  static func find(_ name: String, in text: String) -> Range<String.Index>? {
    var searchStart = text.startIndex
    while let range = text.range(of: name, range: searchStart..<text.endIndex) {
      let latin = name.unicodeScalars.allSatisfy(\.isASCII)
      let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
      let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
      let touches = [before, after].contains { $0.map { $0.isLetter && $0.isASCII || $0 == "-" } ?? false }
      if !latin || !touches { return range }
      searchStart = range.upperBound
    }
    return nil
  }
}

extension LocalizedText {
  fileprivate static func namesProductOutsideScope(_ name: String, _ fact: String, _ values: [String]) -> Self {
    let list = values.joined(separator: ", ")
    return Self(
      zh: "建议文字推荐了“\(name)”，但没有资料说明它可以用于 \(fact) = \(list)",
      en: "the advice names “\(name)”, but no source shows it may be used for \(fact) = \(list)")
  }

  fileprivate static func namesProduct(_ name: String, _ list: ProductList) -> Self {
    Self(
      zh: "建议文字提到了“\(name)”，它在\(list.name.text(in: .zh))上",
      en: "the advice names “\(name)”, which is on the \(list.name.english)")
  }
}
