import MycoDiagnostics
import MycoRules

/// Monthly mean temperatures at a reference elevation, moved to other elevations by a lapse rate.
///
/// All values are estimates (see the `note` in Knowledge/climate.xml for how they were built).
/// A day's mean is interpolated linearly between the mid-month means.
public struct ClimateNormals: Sendable, Hashable, Codable {
  /// The climate's id in `climate.xml`, e.g. `wushan`.
  public var id: String
  /// Mean temperature (°C) for January … December at the reference elevation.
  public var monthlyMeans: [Double]
  /// The elevation (m) the monthly means are for.
  public var referenceElevation: Double
  /// Degrees Celsius lost per 100 m of height (the annual rate, used for months without their own).
  public var lapseRatePer100m: Double
  /// Degrees Celsius lost per 100 m in January … December, where the rate is measured by month.
  public var monthlyLapseRates: [Double]? = nil
  /// How the figures were built, for people reading the table.
  public var note: LocalizedText
  /// The publications the means and lapse rates come from.
  public var sources: [Citation]

  static let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  static let firstDayOfMonth: [Int] = {
    var days: [Int] = []
    var total = 0
    for length in daysInMonth {
      days.append(total)
      total += length
    }
    return days
  }()

  /// The estimated monthly mean for `month` (1–12) at `elevation` metres.
  public func monthlyMean(month: Int, elevation: Double) -> Double {
    monthlyMeans[month - 1] - (elevation - referenceElevation) / 100 * rate(month - 1)
  }

  /// The lapse rate of month index `index` (0 = January).
  func rate(_ index: Int) -> Double { monthlyLapseRates?[index] ?? lapseRatePer100m }

  /// The estimated mean temperature of day `dayOfYear` (0-based, 365-day year) at `elevation`.
  /// Both the valley mean and the lapse rate are interpolated between mid-month values.
  public func dailyMean(dayOfYear: Int, elevation: Double) -> Double {
    let day = Double(((dayOfYear % 365) + 365) % 365)
    let height = (elevation - referenceElevation) / 100
    var points: [(day: Double, mean: Double)] = (0..<12).map {
      (Double(Self.firstDayOfMonth[$0]) + Double(Self.daysInMonth[$0]) / 2, monthlyMeans[$0] - height * rate($0))
    }
    points.insert((points[11].day - 365, points[11].mean), at: 0)
    points.append((points[1].day + 365, points[1].mean))
    let upper = points.firstIndex { $0.day > day } ?? points.count - 1
    let (a, b) = (points[upper - 1], points[upper])
    return a.mean + (b.mean - a.mean) * (day - a.day) / (b.day - a.day)
  }
}
