/// Where a rule's knowledge comes from: a publication or page, with an optional link.
public struct Citation: Sendable, Hashable, Codable {
  /// A short reference, e.g. `fungi-facts §1.1; Ding Huguang 1987, 中国食用菌`.
  public var reference: String
  /// A URL, when the source has one.
  public var href: String?
  /// True when the source marks the figure as uncertain or the rule's figure is an estimate.
  public var uncertain: Bool

  public init(reference: String, href: String? = nil, uncertain: Bool = false) {
    self.reference = reference
    self.href = href
    self.uncertain = uncertain
  }
}
