import MycoDiagnostics
import MycoXML

/// What the verifier needs to know about the domain, as plain data.
///
/// MycoRules knows nothing about mushrooms; the knowledge layer fills this in (varieties and
/// topics for the coverage matrix, each variety's months, the pesticide lists).
public struct VerificationContext: Sendable {
  /// The axes of the coverage matrix; nil skips the coverage pass.
  public var coverage: CoverageAxes?
  /// Value links such as "when variety is shiitake, month is 8–11".
  public var links: [FactLink]
  /// Named products a rule text must not (or should not) mention.
  public var productLists: [ProductList]

  /// A context; the defaults check the rules with no domain knowledge (no coverage, links or lists).
  public init(coverage: CoverageAxes? = nil, links: [FactLink] = [], productLists: [ProductList] = []) {
    self.coverage = coverage
    self.links = links
    self.productLists = productLists
  }
}

/// "When `fact` is `value`, `linkedFact` can only lie in `allowed`", e.g. a variety's months.
public struct FactLink: Sendable, Hashable {
  /// The fact whose value selects the link, e.g. `variety`.
  public var fact: String
  /// The value that selects it, e.g. `shiitake`.
  public var value: String
  /// The fact the link restricts, e.g. `month`.
  public var linkedFact: String
  /// The values `linkedFact` can take, as intervals (their union).
  public var allowed: [Interval]
  /// What the link is called in messages, e.g. `calendar` / `栽培月历`.
  public var name: LocalizedText
  /// Where the link is declared, for findings.
  public var location: SourceLocation?

  /// A link from `fact` = `value` to the values `linkedFact` can take.
  public init(
    fact: String, value: String, linkedFact: String, allowed: [Interval], name: LocalizedText,
    location: SourceLocation? = nil
  ) {
    self.fact = fact
    self.value = value
    self.linkedFact = linkedFact
    self.allowed = allowed
    self.name = name
    self.location = location
  }
}

/// A list of product names that rule texts are checked against.
public struct ProductList: Sendable, Hashable {
  /// One product and the names it goes by.
  public struct Product: Sendable, Hashable {
    /// The product's id in its list.
    public var id: String
    /// The names it goes by (common, trade and Chinese names).
    public var names: [String]
    /// The values of the list's ``ProductList/scopeFact`` this product may be advised for (e.g. the
    /// crops a pesticide is registered for); empty when they are not known. Ignored without a scope fact.
    public var scope: Set<String>

    /// A product with its names and, for a scoped list, the fact values it may be advised for.
    public init(id: String, names: [String], scope: Set<String> = []) {
      self.id = id
      self.names = names
      self.scope = scope
    }
  }

  /// The finding kind, e.g. `banned-pesticide`.
  public var kind: Diagnostic.Kind
  /// How bad naming a listed product is.
  public var severity: Finding.Severity
  /// The list as named in messages, e.g. `never-use list` / `禁用名单`.
  public var name: LocalizedText
  /// The products on the list.
  public var products: [Product]
  /// True for a list of names that are fine (e.g. registered products): matched, never reported,
  /// unless the list has a scope fact (below).
  public var isAllowList: Bool
  /// For an allow-list whose products are fine only for some values of one fact (a pesticide is
  /// registered per crop: fact `variety`): a rule that names a product in a positive clause must
  /// restrict this fact to values in the product's ``Product/scope``, or it is reported (kind
  /// `scopeKind`, severity `severity`). A product with an empty scope may not be advised by name at all.
  public var scopeFact: String?
  /// The finding kind for a product named outside its scope.
  public var scopeKind: Diagnostic.Kind

  /// A list of `products` whose naming in advice is reported as `kind` with `severity`.
  public init(
    kind: Diagnostic.Kind, severity: Finding.Severity, name: LocalizedText, products: [Product],
    isAllowList: Bool = false,
    scopeFact: String? = nil, scopeKind: Diagnostic.Kind = .productScope
  ) {
    self.kind = kind
    self.severity = severity
    self.name = name
    self.products = products
    self.isAllowList = isAllowList
    self.scopeFact = scopeFact
    self.scopeKind = scopeKind
  }
}

/// The axes of the coverage matrix: rows × topics, and for one topic also × bands × months.
public struct CoverageAxes: Sendable {
  /// One value on an axis and the constraints it stands for (e.g. band `valley` = `elevation-band is
  /// valley` and `elevation in [0, 500)`).
  public struct Point: Sendable, Hashable {
    /// The point's value, e.g. `shiitake` or `valley`.
    public var id: String
    /// What the point means as constraints on facts.
    public var constraints: [String: FactConstraint]

    /// A point with its constraints.
    public init(id: String, constraints: [String: FactConstraint]) {
      self.id = id
      self.constraints = constraints
    }
  }

  /// The rows, e.g. varieties.
  public var rows: [Point]
  /// What the rows are, e.g. `variety`.
  public var rowName: String
  /// The advice topics (a rule on `pests.gnats` covers `pests`).
  public var topics: [String]
  /// The topic broken down further (e.g. `timing`), with its two axes.
  public var detailTopic: String?
  /// The detail topic's rows, e.g. elevation bands.
  public var detailRows: [Point]
  /// The detail topic's columns, e.g. months.
  public var detailColumns: [Point]
  /// Where the row axis is declared (gap findings point here).
  public var location: SourceLocation

  /// Axes of `rows` × `topics`, and optionally of the detail topic's rows × columns.
  public init(
    rowName: String, rows: [Point], topics: [String], detailTopic: String? = nil, detailRows: [Point] = [],
    detailColumns: [Point] = [], location: SourceLocation
  ) {
    self.rowName = rowName
    self.rows = rows
    self.topics = topics
    self.detailTopic = detailTopic
    self.detailRows = detailRows
    self.detailColumns = detailColumns
    self.location = location
  }
}
