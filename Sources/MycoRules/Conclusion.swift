import MycoDiagnostics

/// What a rule concludes when it fires.
public enum Conclusion: Sendable, Hashable {
  /// Advice on a topic; competes with other advice on the same topic.
  case advise(topic: String, text: LocalizedText)
  /// A warning on a topic; warnings never override one another.
  case warn(topic: String, text: LocalizedText)
  /// A new fact that other rules can read.
  case derive(fact: String, value: Value)
}
