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

/// When a crop may start, as a temperature trigger on the estimated 10-day mean.
public struct StartTrigger: Sendable, Hashable, Codable {
  /// `autumn` or `spring`: which half of the year the window is looked for in.
  public var season: String
  public var atMost: Double?
  public var atLeast: Double?
  /// The mean must then stay at or above this for `forDays` days.
  public var staysAtLeast: Double?
  /// The mean must then stay at or below this for `forDays` days.
  public var staysAtMost: Double?
  public var forDays: Int
  /// True when the trigger is Myco's inference rather than a sourced rule.
  public var estimate: Bool
  public var sources: [Citation]
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
