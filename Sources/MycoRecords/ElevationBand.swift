/// Myco's elevation bands, the same grouping the knowledge base uses:
/// `valley` below 500 m, `low-mountain` 500 to below 1000 m, `mid-mountain` 1000 to below
/// 1500 m, `high-mountain` 1500 m and above.
public enum ElevationBand: String, Sendable, CaseIterable, Comparable {
  case valley
  case lowMountain = "low-mountain"
  case midMountain = "mid-mountain"
  case highMountain = "high-mountain"

  /// The band of an elevation in metres.
  public init(metres: Double) {
    switch metres {
    case ..<500: self = .valley
    case ..<1000: self = .lowMountain
    case ..<1500: self = .midMountain
    default: self = .highMountain
    }
  }

  public static func < (lhs: ElevationBand, rhs: ElevationBand) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
