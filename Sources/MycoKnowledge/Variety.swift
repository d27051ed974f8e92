import MycoDiagnostics
import MycoRules

/// A sourced range of one quantity (temperature, humidity, …) at one stage of a crop.
public struct CropRange: Sendable, Hashable, Codable {
  /// What is measured: `temperature`, `humidity`, `light`, …
  public var quantity: String
  /// The stage the range is for (a `stage` fact value).
  public var stage: String
  /// The lowest tolerated value, if sourced.
  public var minimum: Double?
  /// The low end of the optimum, if sourced.
  public var optimumLow: Double?
  /// The high end of the optimum, if sourced.
  public var optimumHigh: Double?
  /// The highest tolerated value, if sourced.
  public var maximum: Double?
  /// The unit the figures are in, e.g. `°C` or `%`.
  public var unit: String
  /// A note where the range is words rather than numbers (e.g. light).
  public var text: String?
  /// The publications the range comes from.
  public var sources: [Citation]
}

/// When a crop may start, as a temperature trigger on the estimated daily mean of the climate curve.
///
/// A day qualifies when its mean lies within `atLeast`…`atMost`, the means of the following
/// `staysAtLeastDays` days stay at or above `staysAtLeast`, those of the following `staysAtMostDays`
/// days stay at or below `staysAtMost`, the mean `endsAfterDays` later is within `endsAtLeast`…
/// `endsAtMost`. The season (`autumn` or `spring`) says which way the weather turns after a good
/// start: for an autumn crop warmth means too early and cold too late, for a spring crop the reverse.
public struct StartTrigger: Sendable, Hashable, Codable {
  /// `autumn` or `spring`: whether the crop starts into cooling or into warming weather (this
  /// decides whether warmth or cold means too early; the window itself comes from the limits).
  public var season: String
  /// The day's mean must be at or below this (°C).
  public var atMost: Double?
  /// The day's mean must be at or above this (°C).
  public var atLeast: Double?
  /// The mean must then stay at or above this for `staysAtLeastDays` days.
  public var staysAtLeast: Double?
  /// The mean must then stay at or below this for `staysAtMostDays` days.
  public var staysAtMost: Double?
  /// The default length of both following-days checks.
  public var forDays: Int
  /// How many following days ``staysAtLeast`` is checked for.
  public var staysAtLeastDays: Int
  /// How many following days ``staysAtMost`` is checked for.
  public var staysAtMostDays: Int
  /// The mean `endsAfterDays` days after the start (when the spawn run is done) must be at most
  /// `endsAtMost` (an autumn crop meets its cooler fruiting weather) or at least `endsAtLeast`.
  public var endsAtMost: Double?
  /// See ``endsAtMost``.
  public var endsAtLeast: Double?
  /// Days from the start to the day ``endsAtMost`` / ``endsAtLeast`` is checked on.
  public var endsAfterDays: Int
  /// The stage that starts the crop (`<start stage>`): `inoculation` for bag crops, `sowing` for
  /// crops sown in field or soil beds (morel, wine cap).
  public var stage: String = "inoculation"
  /// True when the trigger is Myco's inference rather than a sourced rule.
  public var estimate: Bool
  /// The publications the trigger comes from.
  public var sources: [Citation]

  /// A trigger; both following-days lengths default to `forDays`.
  public init(
    season: String, atMost: Double? = nil, atLeast: Double? = nil, staysAtLeast: Double? = nil,
    staysAtMost: Double? = nil, forDays: Int = 0, staysAtLeastDays: Int? = nil, staysAtMostDays: Int? = nil,
    endsAtMost: Double? = nil, endsAtLeast: Double? = nil, endsAfterDays: Int = 0,
    estimate: Bool = false, sources: [Citation] = []
  ) {
    self.endsAtMost = endsAtMost
    self.endsAtLeast = endsAtLeast
    self.endsAfterDays = endsAfterDays
    self.season = season
    self.atMost = atMost
    self.atLeast = atLeast
    self.staysAtLeast = staysAtLeast
    self.staysAtMost = staysAtMost
    self.forDays = forDays
    self.staysAtLeastDays = staysAtLeastDays ?? forDays
    self.staysAtMostDays = staysAtMostDays ?? forDays
    self.estimate = estimate
    self.sources = sources
  }
}

/// A named stage of the crop, timed from inoculation.
public struct CropStage: Sendable, Hashable, Codable {
  /// The stage's id (a `stage` fact value).
  public var id: String
  /// What growers call the stage.
  public var name: LocalizedText
  /// Days from inoculation to the stage's start.
  public var startsAfterDays: Int
  /// How long the stage lasts, when sourced.
  public var lastsDays: Int?
  /// The publications the timing comes from.
  public var sources: [Citation]
}

/// A named strain with its temperature type.
public struct Strain: Sendable, Hashable, Codable {
  /// The strain's name as the table lists it, e.g. `L808`.
  public var id: String
  /// Other names growers use for the strain (e.g. `808` for `L808`).
  public var aliases: [String] = []
  /// The strain's temperature type (a `strain-type` value: low … high).
  public var temperatureType: String
  /// The lowest fruiting temperature (°C), when sourced.
  public var fruitingMinimum: Double?
  /// The highest fruiting temperature (°C), when sourced.
  public var fruitingMaximum: Double?
  /// The publications the strain's figures come from.
  public var sources: [Citation]

  /// A strain name as compared: lower case, without spaces, hyphens or dots.
  static func key(_ name: String) -> String {
    String(name.lowercased().unicodeScalars.filter { !" -_.－—·".unicodeScalars.contains($0) }.map(Character.init))
  }
}

/// One cultivated mushroom and what the knowledge base knows about it.
public struct Variety: Sendable, Hashable, Codable {
  /// The id used in facts and on the command line, e.g. `shiitake`.
  public var id: String
  /// The name in Chinese and English.
  public var name: LocalizedText
  /// The Latin binomial, e.g. `Lentinula edodes`.
  public var latin: String
  /// The variety's fruiting temperature type (low … high): Myco's reading of its sourced fruiting range.
  public var temperatureType: String
  /// Free remarks about the crop.
  public var notes: LocalizedText
  /// The sourced ranges by quantity and stage.
  public var ranges: [CropRange]
  /// The temperature triggers that say when a crop may start.
  public var starts: [StartTrigger]
  /// The sourced phase lengths.
  public var cycles: [CropCycle]
  /// The stages in growing order.
  public var stages: [CropStage]
  /// The strains the table lists.
  public var strains: [Strain]
  /// Bag size ids commonly used for this crop.
  public var commonBags: [String]

  /// The strain a grower names: by id or alias, ignoring case, spaces and hyphens (`l-808` is `L808`).
  public func strain(named name: String) -> Strain? {
    let key = Strain.key(name)
    return strains.first { strain in ([strain.id] + strain.aliases).contains { Strain.key($0) == key } }
  }

  /// The range of `quantity` at `stage`, if known.
  public func range(_ quantity: String, at stage: String) -> CropRange? {
    ranges.first { $0.quantity == quantity && $0.stage == stage }
  }
}

/// A sourced phase length (e.g. spawn run 60–120 days).
public struct CropCycle: Sendable, Hashable, Codable {
  /// The phase, e.g. `spawn-run`.
  public var phase: String
  /// The shortest sourced length in days.
  public var daysMinimum: Int?
  /// The longest sourced length in days.
  public var daysMaximum: Int?
  /// A note where the length is words rather than numbers.
  public var text: String?
  /// The publications the length comes from.
  public var sources: [Citation]
}
