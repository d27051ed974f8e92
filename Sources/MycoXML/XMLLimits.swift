/// Bounds on what the loader accepts, so hostile input cannot exhaust memory or time.
public struct XMLLimits: Sendable, Hashable {
  /// Largest file accepted, in bytes.
  public var maxBytes: Int
  /// Deepest element nesting accepted.
  public var maxDepth: Int

  public init(maxBytes: Int = 32 * 1024 * 1024, maxDepth: Int = 64) {
    self.maxBytes = maxBytes
    self.maxDepth = maxDepth
  }

  /// The defaults: 32 MiB per file, 64 levels of nesting.
  public static let standard = XMLLimits()
}
