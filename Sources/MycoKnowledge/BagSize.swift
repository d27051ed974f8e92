import Foundation
import MycoRules
import MycoUnits

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

extension BagDimensions {
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
    return BagSizeLimits(
      widthCM: range("bag-width", standard.widthCM), lengthCM: range("bag-length", standard.lengthCM))
  }
}
