import GRDB
import MycoCalendar
import MycoUnits

/// One batch of cultivation bags: inoculated on one day, by one grower, in one place.
///
/// Stored in SI units: metres, kilograms, centimetres for the bag. One record per row of the
/// `batch` table.
public struct Batch: Sendable, Hashable {
  /// The batch id, unique in the database (e.g. `WS-2024-017`).
  public var id: String
  /// Who grows it, as a label (`Grower A`, `农户甲`), never a real name in samples.
  public var grower: String
  /// Village or township.
  public var place: String
  /// Elevation in metres, when known.
  public var elevationM: Double?
  /// Knowledge-base variety id (`shiitake`, `oyster`, …).
  public var variety: String
  /// Strain (菌株), e.g. `L808`.
  public var strain: String
  /// Substrate recipe, free text.
  public var substrate: String
  /// Folded width × length of the bag.
  public var bagSize: BagDimensions
  /// Dry substrate per bag in kilograms.
  public var drySubstrateKgPerBag: Double
  /// Number of bags inoculated.
  public var bags: Int
  /// Day of inoculation.
  public var inoculatedOn: CalendarDate
  /// Shed or room type (`simple-shed`, `standard-shed`, …), free text.
  public var facility: String
  /// Bags lost to contamination.
  public var bagsContaminated: Int
  /// Rule ids of the advice followed, in the order given.
  public var adviceRules: [String]
  /// Knowledge-base version the advice came from.
  public var kbVersion: String
  /// Free notes.
  public var notes: String

  /// Creates a batch.
  public init(
    id: String, grower: String, place: String = "", elevationM: Double? = nil,
    variety: String, strain: String = "", substrate: String = "", bagSize: BagDimensions,
    drySubstrateKgPerBag: Double, bags: Int, inoculatedOn: CalendarDate,
    facility: String = "", bagsContaminated: Int = 0, adviceRules: [String] = [],
    kbVersion: String = "", notes: String = ""
  ) {
    self.id = id
    self.grower = grower
    self.place = place
    self.elevationM = elevationM
    self.variety = variety
    self.strain = strain
    self.substrate = substrate
    self.bagSize = bagSize
    self.drySubstrateKgPerBag = drySubstrateKgPerBag
    self.bags = bags
    self.inoculatedOn = inoculatedOn
    self.facility = facility
    self.bagsContaminated = bagsContaminated
    self.adviceRules = adviceRules
    self.kbVersion = kbVersion
    self.notes = notes
  }
}

extension Batch: FetchableRecord, PersistableRecord {
  /// The table name.
  public static let databaseTableName = "batch"

  /// The columns of the `batch` table.
  public enum Columns {
    static let id = Column("id")
    static let grower = Column("grower")
    static let place = Column("place")
    static let elevationM = Column("elevation_m")
    static let variety = Column("variety")
    static let strain = Column("strain")
    static let substrate = Column("substrate")
    static let bagWidthCm = Column("bag_width_cm")
    static let bagLengthCm = Column("bag_length_cm")
    static let drySubstrateKgPerBag = Column("dry_substrate_kg_per_bag")
    static let bags = Column("bags")
    static let inoculatedOn = Column("inoculated_on")
    static let facility = Column("facility")
    static let bagsContaminated = Column("bags_contaminated")
    static let adviceRules = Column("advice_rules")
    static let kbVersion = Column("kb_version")
    static let notes = Column("notes")
  }

  /// Reads a batch from a row of the `batch` table.
  public init(row: Row) throws {
    let dateText: String = row[Columns.inoculatedOn]
    guard let date = CalendarDate(iso: dateText),
      let size = BagDimensions(widthCM: row[Columns.bagWidthCm], lengthCM: row[Columns.bagLengthCm])
    else { throw RecordDecodingError(table: "batch", id: row[Columns.id]) }
    let rules: String = row[Columns.adviceRules]
    self.init(
      id: row[Columns.id], grower: row[Columns.grower], place: row[Columns.place],
      elevationM: row[Columns.elevationM], variety: row[Columns.variety],
      strain: row[Columns.strain], substrate: row[Columns.substrate], bagSize: size,
      drySubstrateKgPerBag: row[Columns.drySubstrateKgPerBag], bags: row[Columns.bags],
      inoculatedOn: date, facility: row[Columns.facility],
      bagsContaminated: row[Columns.bagsContaminated],
      adviceRules: rules.split(separator: " ").map(String.init),
      kbVersion: row[Columns.kbVersion], notes: row[Columns.notes])
  }

  /// Writes the batch's columns.
  public func encode(to container: inout PersistenceContainer) throws {
    container[Columns.id] = id
    container[Columns.grower] = grower
    container[Columns.place] = place
    container[Columns.elevationM] = elevationM
    container[Columns.variety] = variety
    container[Columns.strain] = strain
    container[Columns.substrate] = substrate
    container[Columns.bagWidthCm] = bagSize.widthCM
    container[Columns.bagLengthCm] = bagSize.lengthCM
    container[Columns.drySubstrateKgPerBag] = drySubstrateKgPerBag
    container[Columns.bags] = bags
    container[Columns.inoculatedOn] = inoculatedOn.description
    container[Columns.facility] = facility
    container[Columns.bagsContaminated] = bagsContaminated
    container[Columns.adviceRules] = adviceRules.joined(separator: " ")
    container[Columns.kbVersion] = kbVersion
    container[Columns.notes] = notes
  }
}

/// A stored row that does not decode (only possible if the file was edited by hand).
struct RecordDecodingError: Error, CustomStringConvertible {
  let table: String
  let id: String
  var description: String { "\(table) \(id): stored row is not valid" }
}
