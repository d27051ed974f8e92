import MycoCalendar
import MycoUnits

/// A batch property the yield report can group by (`--by`).
public enum ReportField: String, Sendable, CaseIterable {
  case variety, strain
  case bagSize = "bag-size"
  /// Meteorological season of inoculation (spring Mar–May, …, winter Dec–Feb).
  case season
  /// Month of inoculation.
  case month
  case elevationBand = "elevation-band"
  /// Year of inoculation.
  case year
  case facility, grower, place
  /// Whether the batch followed a given rule id (`ReportQuery.adviceRule`).
  case advice

  /// Parses `--by`: field names separated by commas (spaces around them are ignored).
  ///
  /// - Throws: `ReportFieldError` naming an unknown field or one given twice.
  public static func list(_ text: String) throws(ReportFieldError) -> [ReportField] {
    var fields: [ReportField] = []
    for name in text.split(separator: ",") {
      let trimmed = String(name.trimmed())
      guard let field = ReportField(rawValue: trimmed) else {
        throw ReportFieldError(
          "\"\(TerminalText.escaped(trimmed))\" is not a field; use \(allCases.map(\.rawValue).joined(separator: ", "))."
        )
      }
      guard !fields.contains(field) else {
        throw ReportFieldError("\"\(trimmed)\" is given twice; name each field once.")
      }
      fields.append(field)
    }
    return fields
  }

  /// A group value for one batch: the label shown, and an order to sort by.
  ///
  /// `elevationBands` are the query's bands; a report grouped by band is only made with them.
  func value(of batch: Batch, adviceRule: String?, elevationBands: ElevationBands?) -> GroupValue {
    switch self {
    case .variety: return GroupValue(text: batch.variety)
    case .strain: return GroupValue(text: batch.strain)
    case .facility: return GroupValue(text: batch.facility)
    case .grower: return GroupValue(text: batch.grower)
    case .place: return GroupValue(text: batch.place)
    case .bagSize:
      return GroupValue(
        label: batch.bagSize.description,
        rank: batch.bagSize.widthCM * 10_000 + batch.bagSize.lengthCM)
    case .season:
      let season = batch.inoculatedOn.season
      return GroupValue(
        label: season.rawValue, rank: Double(Season.allCases.firstIndex(of: season)!))
    case .month:
      let month = batch.inoculatedOn.month
      return GroupValue(label: Self.monthNames[month - 1], rank: Double(month))
    case .year:
      return GroupValue(label: String(batch.inoculatedOn.year), rank: Double(batch.inoculatedOn.year))
    case .elevationBand:
      guard let metres = batch.elevationM, let bands = elevationBands, let index = bands.index(of: metres) else {
        return GroupValue(label: "unknown", rank: .infinity)
      }
      return GroupValue(label: bands[index].id, rank: Double(index))
    case .advice:
      let followed = adviceRule.map { batch.adviceRules.contains($0) } ?? false
      return GroupValue(label: followed ? "followed" : "not followed", rank: followed ? 0 : 1)
    }
  }

  private static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]
}

/// One field's value in a group key.
struct GroupValue: Hashable, Comparable {
  let label: String
  let rank: Double

  init(label: String, rank: Double) {
    self.label = label
    self.rank = rank
  }

  /// A free-text value; empty text shows as `(none)` and sorts last.
  init(text: String) {
    self.init(label: text.isEmpty ? "(none)" : text, rank: text.isEmpty ? 1 : 0)
  }

  static func < (lhs: GroupValue, rhs: GroupValue) -> Bool {
    (lhs.rank, lhs.label) < (rhs.rank, rhs.label)
  }
}

/// Why a `--by` list was refused.
public struct ReportFieldError: Error, Sendable, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description }
}
