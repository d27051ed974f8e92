import MycoCalendar
import MycoUnits

/// What to report on: which batches, grouped how.
public struct ReportQuery: Sendable, Equatable {
  /// Fields to group by, in order; empty for one group of all batches.
  public var groupBy: [ReportField]
  /// Only this variety, when set.
  public var variety: String?
  /// Only batches inoculated on or after this day.
  public var from: CalendarDate?
  /// Only batches inoculated on or before this day.
  public var to: CalendarDate?
  /// The rule id that `ReportField.advice` asks about.
  public var adviceRule: String?
  /// The elevation bands that `ReportField.elevationBand` groups by, from the knowledge base
  /// (`KnowledgeBase.elevationBands`); needed only for that field.
  public var elevationBands: ElevationBands?

  /// Creates a query.
  public init(
    groupBy: [ReportField] = [], variety: String? = nil, from: CalendarDate? = nil,
    to: CalendarDate? = nil, adviceRule: String? = nil, elevationBands: ElevationBands? = nil
  ) {
    self.elevationBands = elevationBands
    self.groupBy = groupBy
    self.variety = variety
    self.from = from
    self.to = to
    self.adviceRule = adviceRule
  }

  /// Whether `batch` is one the report covers (its variety and inoculation day), on either store.
  func includes(_ batch: Batch) -> Bool {
    (variety.map { $0 == batch.variety } ?? true)
      && (from.map { batch.inoculatedOn >= $0 } ?? true)
      && (to.map { batch.inoculatedOn <= $0 } ?? true)
  }
}

/// The yield report: figures per group of batches and, with two groups, their comparison.
///
/// Every figure per batch counts all bags inoculated, lost ones included: a batch with no
/// harvest yields 0 kg per bag. Means, SDs and intervals are over batches (each batch one
/// observation), not over bags.
public struct YieldReport: Sendable, Equatable {
  /// The query the report answers.
  public let query: ReportQuery
  /// The groups, sorted by key.
  public let groups: [Group]
  /// Welch's comparison of the two groups, when there are exactly two.
  public let comparison: Comparison?

  /// Figures for one group of batches.
  public struct Group: Sendable, Equatable {
    /// Field name → value, e.g. `["bag-size": "15x55"]`.
    public let key: [String: String]
    /// The values joined for display, e.g. `15x55, autumn`; `all` without grouping.
    public let label: String
    /// Number of batches.
    public let batches: Int
    /// Bags inoculated.
    public let bags: Int
    /// Total fresh weight, kg.
    public let freshKg: Double
    /// Mean over batches of fresh kg ÷ bags.
    public let yieldPerBagKg: Double
    /// SD over batches of yield per bag; nil for one batch.
    public let yieldPerBagSD: Double?
    /// 95 % interval of the mean yield per bag; nil for one batch.
    public let yieldPerBagInterval: ClosedRange<Double>?
    /// Mean over batches of biological efficiency, fresh ÷ dry substrate × 100.
    public let bePercent: Double
    /// SD over batches of BE.
    public let beSD: Double?
    /// 95 % interval of the mean BE.
    public let beInterval: ClosedRange<Double>?
    /// Bags lost to contamination ÷ bags × 100, over the whole group.
    public let contaminationPercent: Double
    /// Mean over batches of the number of flushes harvested.
    public let flushes: Double
    /// Mean over batches with a harvest of the days from inoculation to the first harvest.
    public let daysToFirstHarvest: Double?
    /// Fresh kg per bag by flush number (flush total ÷ all bags of the group).
    public let yieldPerBagByFlush: [Int: Double]
  }

  /// The difference between the first and the second group.
  public struct Comparison: Sendable, Equatable {
    /// The first group's label.
    public let first: String
    /// The second group's label.
    public let second: String
    /// Welch's test on BE, first − second.
    public let be: WelchTest?
    /// Welch's test on yield per bag, first − second.
    public let yieldPerBag: WelchTest?
  }
}
