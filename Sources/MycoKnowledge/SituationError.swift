/// A situation that cannot be turned into facts: an unknown name or an impossible value.
public struct SituationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, in one sentence naming the value and what is accepted.
  public var message: String

  /// An error with this message.
  public init(_ message: String) { self.message = message }

  /// The message with `error: ` in front, as the CLI prints it.
  public var description: String { "error: \(message)" }
}
