import MycoCalendar

/// A cultivation bag's size: folded (lay-flat) width × length in centimetres, written `15x55`.
public struct BagSize: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Folded width in centimetres.
  public let widthCm: Double
  /// Length in centimetres.
  public let lengthCm: Double

  /// Creates a bag size; both sides must be positive and finite.
  public init?(widthCm: Double, lengthCm: Double) {
    guard widthCm.isFinite, lengthCm.isFinite, widthCm > 0, lengthCm > 0 else { return nil }
    self.widthCm = widthCm
    self.lengthCm = lengthCm
  }

  /// Parses `15x55`, `15.5x55`, `15×55` or `15 x 55`.
  public init?(_ text: some StringProtocol) {
    let parts = String(text).lowercased().replacing("×", with: "x")
      .split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2,
      let width = NumberText.parse(parts[0].trimmed()),
      let length = NumberText.parse(parts[1].trimmed())
    else { return nil }
    self.init(widthCm: width, lengthCm: length)
  }

  /// Why this size is refused for a new batch (outside ``BagSizeLimits/standard``), or nil.
  ///
  /// Checked with the other plausibility checks (`Batch.problems`), so a CSV row and the
  /// `add-batch` flags get the same message; stored batches are read back as they are.
  public var rangeProblem: String? { BagSizeLimits.standard.problem(widthCM: widthCm, lengthCM: lengthCm) }

  /// The text form, e.g. `15x55` or `15.5x55`.
  public var description: String {
    "\(NumberText.plain(widthCm))x\(NumberText.plain(lengthCm))"
  }

  public static func < (lhs: BagSize, rhs: BagSize) -> Bool {
    (lhs.widthCm, lhs.lengthCm) < (rhs.widthCm, rhs.lengthCm)
  }
}

extension Substring {
  /// The text without leading and trailing spaces and tabs.
  func trimmed() -> Substring {
    var text = self
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return text
  }
}
