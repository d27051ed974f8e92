import Foundation
import MycoRules
import MycoUnits

/// A bag size from the table: folded width × length, with its filled weight where sourced.
public struct BagSize: Sendable, Hashable, Codable {
  /// The bag's id in the table, e.g. `15x55`.
  public var id: String
  /// Folded width in centimetres.
  public var widthCM: Double
  /// Length in centimetres.
  public var lengthCM: Double
  /// The lightest sourced filled weight (kg of wet substrate), if sourced.
  public var fillKgMinimum: Double?
  /// The heaviest sourced filled weight (kg), if sourced.
  public var fillKgMaximum: Double?
  /// The varieties the bag is used for.
  public var crops: [String]
  /// A remark from the table, if any.
  public var note: String?
  /// The publications the size and weights come from.
  public var sources: [Citation]

  /// The middle of the sourced fill-weight range.
  public var fillKg: Double? {
    guard let low = fillKgMinimum, let high = fillKgMaximum else { return fillKgMinimum ?? fillKgMaximum }
    return (low + high) / 2
  }
}

/// How filled weight maps to small / standard / large bags.
public struct BagClasses: Sendable, Hashable, Codable {
  /// Bags filled with less than this (kg) are small.
  public var smallBelowKg: Double
  /// Bags filled with more than this (kg) are large.
  public var largeAboveKg: Double
  /// The bag whose fill density is used to estimate bags not in the table.
  public var referenceBag: String
  /// The publications the bounds come from.
  public var sources: [Citation]

  /// The class of a bag filled with `fillKg` of substrate: small below ``smallBelowKg``, large
  /// above ``largeAboveKg``, standard between (both bounds included).
  public func classify(fillKg: Double) -> BagClass {
    fillKg < smallBelowKg ? .small : fillKg > largeAboveKg ? .large : .standard
  }
}

/// How big a bag is by its filled weight: the values of the `bag-class` fact (`facts.xml`),
/// which rules test to advise on bag size.
public enum BagClass: String, Sendable, Hashable, CaseIterable, Codable {
  /// Filled weight below the table's small bound.
  case small
  /// Filled weight between the bounds.
  case standard
  /// Filled weight above the table's large bound.
  case large
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
