import Foundation
import MycoRules

/// A bag size from the table: folded width × length, with its filled weight where sourced.
public struct BagSize: Sendable, Hashable, Codable {
  public var id: String
  public var widthCM: Double
  public var lengthCM: Double
  public var fillKgMinimum: Double?
  public var fillKgMaximum: Double?
  public var crops: [String]
  public var note: String?
  public var sources: [Citation]

  /// The middle of the sourced fill-weight range.
  public var fillKg: Double? {
    guard let low = fillKgMinimum, let high = fillKgMaximum else { return fillKgMinimum ?? fillKgMaximum }
    return (low + high) / 2
  }
}

/// How filled weight maps to small / standard / large bags.
public struct BagClasses: Sendable, Hashable, Codable {
  public var smallBelowKg: Double
  public var largeAboveKg: Double
  /// The bag whose fill density is used to estimate bags not in the table.
  public var referenceBag: String
  public var sources: [Citation]

  public func classify(fillKg: Double) -> String {
    fillKg < smallBelowKg ? "small" : fillKg > largeAboveKg ? "large" : "standard"
  }
}

/// A bag size as a grower writes it: `15x55`, `15.5×55` or `15*55` (cm).
public struct BagDimensions: Sendable, Hashable, Codable, CustomStringConvertible {
  public var widthCM: Double
  public var lengthCM: Double

  public init(widthCM: Double, lengthCM: Double) {
    self.widthCM = widthCM
    self.lengthCM = lengthCM
  }

  /// Parses `WIDTHxLENGTH` in cm; nil if malformed or not positive.
  public init?(parsing text: String) {
    let parts = text.lowercased().replacingOccurrences(of: "cm", with: "")
      .split(whereSeparator: { "x×*".contains($0) })
      .map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 2, let width = Double(parts[0]), let length = Double(parts[1]),
      width > 0, length > 0, width.isFinite, length.isFinite
    else { return nil }
    self.init(widthCM: width, lengthCM: length)
  }

  public var description: String { "\(Value.format(widthCM))x\(Value.format(lengthCM))" }

  /// The sizes a vocabulary accepts: the declared ranges of `bag-width` and `bag-length`
  /// (stored in metres), with ``BagSizeLimits/standard`` for an end that is not declared.
  public static func limits(_ vocabulary: Vocabulary) -> BagSizeLimits {
    func range(_ fact: String, _ standard: ClosedRange<Double>) -> ClosedRange<Double> {
      // Metres back to centimetres, without the binary tail of 0.6 × 100 = 60.00000000000001.
      func centimetres(_ metres: Double) -> Double { (metres * 100 * 1e6).rounded() / 1e6 }
      let low = vocabulary[fact]?.minimum.map(centimetres) ?? standard.lowerBound
      let high = vocabulary[fact]?.maximum.map(centimetres) ?? standard.upperBound
      return low <= high ? low...high : standard
    }
    let standard = BagSizeLimits.standard
    return BagSizeLimits(widthCM: range("bag-width", standard.widthCM), lengthCM: range("bag-length", standard.lengthCM))
  }
}
