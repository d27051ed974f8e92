import MycoXML

/// An expert rule: when a condition holds, give advice, warn or derive facts — with a reason and a source.
public struct Rule: Sendable, Hashable {
  /// Unique id, e.g. `shiitake.timing.wait-for-cool`.
  public var id: String
  /// A short heading, shown with the advice.
  public var title: LocalizedText
  /// Higher priority wins a conflict on the same topic (default 50), within ``priorities``.
  public var priority: Int
  /// How strongly the rule advises: must, should, consider, avoid.
  public var certainty: Certainty
  /// When the rule applies (its `<when>`).
  public var condition: Condition
  /// What it does when it applies: advise, warn or derive facts (its `<then>`).
  public var conclusions: [Conclusion]
  /// Why the advice holds, in plain words.
  public var because: LocalizedText
  /// The publications the rule rests on.
  public var sources: [Citation]
  /// Where the `<rule>` start tag is.
  public var location: SourceLocation

  /// The priorities a rule file may give (the schema and the loader refuse others).
  public static let priorities = 0...1000

  /// A rule as the loader builds it from a `<rule>` element.
  public init(
    id: String, title: LocalizedText, priority: Int = 50, certainty: Certainty, condition: Condition,
    conclusions: [Conclusion], because: LocalizedText, sources: [Citation], location: SourceLocation
  ) {
    self.id = id
    self.title = title
    self.priority = priority
    self.certainty = certainty
    self.condition = condition
    self.conclusions = conclusions
    self.because = because
    self.sources = sources
    self.location = location
  }

  /// The facts this rule derives.
  public var derivedFacts: [String] {
    conclusions.compactMap { if case .derive(let fact, _) = $0 { fact } else { nil } }
  }

  /// The facts this rule reads.
  public var readFacts: [String] {
    condition.tests.flatMap { [$0.fact] + ($0.otherFact.map { [$0] } ?? []) }
  }

  /// The topics this rule advises or warns on.
  public var topics: [String] {
    conclusions.compactMap {
      switch $0 {
      case .advise(let topic, _), .warn(let topic, _): topic
      case .derive: nil
      }
    }
  }
}
