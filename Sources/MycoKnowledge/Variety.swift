import MycoRules

/// A sourced range of one quantity (temperature, humidity, …) at one stage of a crop.
public struct CropRange: Sendable, Hashable, Codable {
  public var quantity: String
  public var stage: String
  public var minimum: Double?
  public var optimumLow: Double?
  public var optimumHigh: Double?
  public var maximum: Double?
  public var unit: String
  /// A note where the range is words rather than numbers (e.g. light).
  public var text: String?
  public var sources: [Citation]
}

/// When a crop may start, as a temperature trigger on the estimated daily mean of the climate curve.
///
/// A day qualifies when its mean lies within `atLeast`…`atMost`, the means of the following
/// `staysAtLeastDays` days stay at or above `staysAtLeast`, those of the following `staysAtMostDays`
/// days stay at or below `staysAtMost`, the mean `endsAfterDays` later is within `endsAtLeast`…
/// `endsAtMost`, and the season is right: an `autumn` start is followed by
/// cooler weather (the mean of the following days is below the day's own), a `spring` start by
/// warmer weather.
public struct StartTrigger: Sendable, Hashable, Codable {
  /// `autumn` or `spring`: whether the crop starts into cooling or into warming weather.
  public var season: String
  public var atMost: Double?
  public var atLeast: Double?
  /// The mean must then stay at or above this for `staysAtLeastDays` days.
  public var staysAtLeast: Double?
  /// The mean must then stay at or below this for `staysAtMostDays` days.
  public var staysAtMost: Double?
  /// The default length of both following-days checks.
  public var forDays: Int
  public var staysAtLeastDays: Int
  public var staysAtMostDays: Int
  /// The mean `endsAfterDays` days after the start (when the spawn run is done) must be at most
  /// `endsAtMost` (an autumn crop meets its cooler fruiting weather) or at least `endsAtLeast`.
  public var endsAtMost: Double?
  public var endsAtLeast: Double?
  public var endsAfterDays: Int
  /// True when the trigger is Myco's inference rather than a sourced rule.
  public var estimate: Bool
  public var sources: [Citation]

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

  /// How many following days the season check averages over: the longest following-days check,
  /// at least 30 days.
  public var lookAheadDays: Int {
    max(30, staysAtLeast == nil ? 0 : staysAtLeastDays, staysAtMost == nil ? 0 : staysAtMostDays)
  }
}

/// A named stage of the crop, timed from inoculation.
public struct CropStage: Sendable, Hashable, Codable {
  public var id: String
  public var name: LocalizedText
  public var startsAfterDays: Int
  public var lastsDays: Int?
  public var sources: [Citation]
}

/// A named strain with its temperature type.
public struct Strain: Sendable, Hashable, Codable {
  public var id: String
  /// Other names growers use for the strain (e.g. `808` for `L808`).
  public var aliases: [String] = []
  public var temperatureType: String
  public var fruitingMinimum: Double?
  public var fruitingMaximum: Double?
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
  public var name: LocalizedText
  public var latin: String
  public var temperatureType: String
  public var notes: LocalizedText
  public var ranges: [CropRange]
  public var starts: [StartTrigger]
  public var cycles: [CropCycle]
  public var stages: [CropStage]
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
  public var phase: String
  public var daysMinimum: Int?
  public var daysMaximum: Int?
  public var text: String?
  public var sources: [Citation]
}
