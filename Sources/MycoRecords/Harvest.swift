import GRDB
import MycoCalendar

/// One picking from a batch: a day, a flush (茬次), a fresh weight and optionally a grade
/// and price. Stored in kilograms and yuan per kilogram.
public struct Harvest: Sendable, Hashable {
  /// The batch this harvest belongs to.
  public var batchID: String
  /// Day of the harvest.
  public var harvestedOn: CalendarDate
  /// Flush number, 1 for the first flush.
  public var flush: Int
  /// Fresh weight in kilograms.
  public var freshKg: Double
  /// Grade, free text (e.g. `A`, `花菇`).
  public var grade: String
  /// Price in yuan per kilogram, when sold.
  public var priceYuanPerKg: Double?

  /// Creates a harvest.
  public init(
    batchID: String, harvestedOn: CalendarDate, flush: Int, freshKg: Double,
    grade: String = "", priceYuanPerKg: Double? = nil
  ) {
    self.batchID = batchID
    self.harvestedOn = harvestedOn
    self.flush = flush
    self.freshKg = freshKg
    self.grade = grade
    self.priceYuanPerKg = priceYuanPerKg
  }
}

extension Harvest: FetchableRecord, PersistableRecord {
  /// The table name.
  public static let databaseTableName = "harvest"

  /// The columns of the `harvest` table (it also has an integer `id` primary key).
  public enum Columns {
    static let batchID = Column("batch_id")
    static let harvestedOn = Column("harvested_on")
    static let flush = Column("flush")
    static let freshKg = Column("fresh_kg")
    static let grade = Column("grade")
    static let priceYuanPerKg = Column("price_yuan_per_kg")
  }

  /// The SQL that inserts one harvest, with arguments in the order of `arguments`.
  static let insertSQL = """
    INSERT INTO harvest (batch_id, harvested_on, flush, fresh_kg, grade, price_yuan_per_kg)
    VALUES (?, ?, ?, ?, ?, ?)
    """

  /// Appends the values for `insertSQL`, in its order.
  func append(to values: inout [DatabaseValue]) {
    values.append(batchID.databaseValue)
    values.append(harvestedOn.description.databaseValue)
    values.append(flush.databaseValue)
    values.append(freshKg.databaseValue)
    values.append(grade.databaseValue)
    values.append(priceYuanPerKg.databaseValue)
  }

  /// Reads a harvest from a row of the `harvest` table.
  public init(row: Row) throws {
    let dateText: String = row[Columns.harvestedOn]
    guard let date = CalendarDate(iso: dateText) else {
      throw RecordDecodingError(table: "harvest", id: row[Columns.batchID])
    }
    self.init(
      batchID: row[Columns.batchID], harvestedOn: date, flush: row[Columns.flush],
      freshKg: row[Columns.freshKg], grade: row[Columns.grade],
      priceYuanPerKg: row[Columns.priceYuanPerKg])
  }

  /// Writes the harvest's columns.
  public func encode(to container: inout PersistenceContainer) throws {
    container[Columns.batchID] = batchID
    container[Columns.harvestedOn] = harvestedOn.description
    container[Columns.flush] = flush
    container[Columns.freshKg] = freshKg
    container[Columns.grade] = grade
    container[Columns.priceYuanPerKg] = priceYuanPerKg
  }
}
