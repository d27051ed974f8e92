/// The bag sizes Myco accepts: folded (lay-flat) width and length in centimetres.
///
/// Advice reads the ranges from the vocabulary (`bag-width` and `bag-length` in
/// Knowledge/facts.xml); the yield records, which load no knowledge, use ``standard``, the same
/// ranges (a test keeps the two equal). Sizes outside them are typing slips (`1000x1000`,
/// `0.0001x0.0001`) and would turn into absurd fill weights.
public struct BagSizeLimits: Sendable, Hashable {
  /// Folded width, cm.
  public var widthCM: ClosedRange<Double>
  /// Length, cm.
  public var lengthCM: ClosedRange<Double>

  public init(widthCM: ClosedRange<Double>, lengthCM: ClosedRange<Double>) {
    self.widthCM = widthCM
    self.lengthCM = lengthCM
  }

  /// 5–60 cm wide, 10–120 cm long, as Knowledge/facts.xml declares.
  public static let standard = BagSizeLimits(widthCM: 5...60, lengthCM: 10...120)

  /// Nil when a bag of this size fits; else a sentence naming the sizes accepted, e.g.
  /// `bag 1000x1000 cm is outside the sizes accepted (folded width 5–60 cm, length 10–120 cm)`.
  public func problem(widthCM width: Double, lengthCM length: Double) -> String? {
    guard !(widthCM.contains(width) && lengthCM.contains(length)) else { return nil }
    return "bag \(Self.plain(width))x\(Self.plain(length)) cm is outside the sizes accepted (folded width "
      + "\(Self.plain(widthCM.lowerBound))–\(Self.plain(widthCM.upperBound)) cm, length "
      + "\(Self.plain(lengthCM.lowerBound))–\(Self.plain(lengthCM.upperBound)) cm)"
  }

  /// A number as typed: `15`, `15.5`, `0.0001` (never rounded to `0`).
  static func plain(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
