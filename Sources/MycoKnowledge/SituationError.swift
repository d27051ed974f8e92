/// A situation that cannot be turned into facts: an unknown name or an impossible value.
public struct SituationError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { "error: \(message)" }
}
