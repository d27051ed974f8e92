import MycoCalendar
import Foundation
import GRDB

/// What kind of input a batch received (生产投入品).
public enum InputKind: String, Sendable, Hashable, CaseIterable {
  /// Spawn (菌种).
  case spawn
  /// Substrate material (培养料).
  case substrate
  /// A pesticide sprayed or applied (农药).
  case pesticide
  /// A disinfectant (消毒剂).
  case disinfectant
  /// Anything else (e.g. lime, fertiliser water).
  case other
}

/// The unit of an input's amount.
public enum InputUnit: String, Sendable, Hashable, CaseIterable {
  case ml, g, kg, L
}

/// One input or spray given to a batch: a day, a kind, a product and optionally an amount,
/// the symptom it was aimed at and a note. `warning` holds what was said when it was recorded
/// (e.g. "not registered for shiitake"), so that the production record shows it too.
public struct Input: Sendable, Hashable {
  /// The batch it was given to.
  public var batchID: String
  /// Day it was used.
  public var usedOn: CalendarDate
  /// Spawn, substrate, pesticide, disinfectant or other.
  public var kind: InputKind
  /// Product name as on the bag or bottle.
  public var product: String
  /// Amount used, in `unit`; nil when not given.
  public var amount: Double?
  /// Unit of `amount`; given exactly when `amount` is.
  public var unit: InputUnit?
  /// The symptom or pest it was aimed at (a symptom id such as `small-flies`, or free text).
  public var target: String
  /// Free note.
  public var note: String
  /// A warning stored with the input when it was recorded; "" when none.
  public var warning: String

  /// Creates an input.
  public init(
    batchID: String, usedOn: CalendarDate, kind: InputKind, product: String,
    amount: Double? = nil, unit: InputUnit? = nil, target: String = "", note: String = "",
    warning: String = ""
  ) {
    self.batchID = batchID
    self.usedOn = usedOn
    self.kind = kind
    self.product = product
    self.amount = amount
    self.unit = unit
    self.target = target
    self.note = note
    self.warning = warning
  }

  /// Checks an input on its own, returning `(column, message)` for each problem.
  public func problems(
    latestDate: CalendarDate = PlausibleRanges.latestDateNow
  ) -> [(column: String, message: String)] {
    var found: [(column: String, message: String)] = []
    if batchID.isEmpty { found.append(("batch_id", "is empty")) }
    if product.trimmingCharacters(in: .whitespaces).isEmpty { found.append(("product", "is empty")) }
    if product.count > PlausibleRanges.inputTextLength {
      found.append(("product", "is longer than \(PlausibleRanges.inputTextLength) characters"))
    }
    if target.count > PlausibleRanges.inputTextLength {
      found.append(("target", "is longer than \(PlausibleRanges.inputTextLength) characters"))
    }
    switch (amount, unit) {
    case (let amount?, let unit?):
      let range = PlausibleRanges.inputAmount(unit)
      if amount <= 0 {
        found.append(("amount", "must be more than 0, not \(NumberText.plain(amount))"))
      } else if !range.contains(amount) {
        found.append(
          (
            "amount",
            "\(NumberText.plain(amount)) \(unit.rawValue) is not a plausible amount for one use (\(PlausibleRanges.text(range)) \(unit.rawValue))"
          ))
      }
    case (.some, nil): found.append(("unit", "is missing: give the amount's unit (ml, g, kg or L)"))
    case (nil, .some): found.append(("amount", "is missing: a unit was given without an amount"))
    case (nil, nil): break
    }
    if let problem = PlausibleRanges.dateProblem(usedOn, latest: latestDate) {
      found.append(("used_on", problem))
    }
    return found
  }
}

extension PlausibleRanges {
  /// Longest product or target text.
  public static let inputTextLength = 200

  /// The plausible amount of one use of an input, by unit (up to 100 t or 100 m³).
  public static func inputAmount(_ unit: InputUnit) -> ClosedRange<Double> {
    switch unit {
    case .ml: 0.001...100_000_000
    case .g: 0.001...100_000_000
    case .kg: 0.001...100_000
    case .L: 0.001...100_000
    }
  }
}

/// What the knowledge base says about an input, from a checker the caller passes in (the
/// records layer knows no pesticide lists).
public enum InputVerdict: Sendable, Equatable {
  /// Nothing to say.
  case fine
  /// Recorded, with this warning printed and stored.
  case warning(String)
  /// Refused, for this reason (e.g. the product is on the banned list).
  case refused(String)
}

/// Checks an input for the variety of its batch.
public typealias InputChecker = @Sendable (_ input: Input, _ variety: String) -> InputVerdict

extension Input: FetchableRecord, PersistableRecord {
  /// The table name.
  public static let databaseTableName = "input"

  /// The columns of the `input` table (it also has an integer `id` primary key).
  public enum Columns {
    static let batchID = Column("batch_id")
    static let usedOn = Column("used_on")
    static let kind = Column("kind")
    static let product = Column("product")
    static let amount = Column("amount")
    static let unit = Column("unit")
    static let target = Column("target")
    static let note = Column("note")
    static let warning = Column("warning")
  }

  /// Reads an input from a row of the `input` table.
  public init(row: Row) throws {
    let dateText: String = row[Columns.usedOn]
    let kindText: String = row[Columns.kind]
    let unitText: String? = row[Columns.unit]
    guard let date = CalendarDate(iso: dateText), let kind = InputKind(rawValue: kindText) else {
      throw RecordDecodingError(table: "input", id: row[Columns.batchID])
    }
    self.init(
      batchID: row[Columns.batchID], usedOn: date, kind: kind, product: row[Columns.product],
      amount: row[Columns.amount], unit: unitText.flatMap(InputUnit.init(rawValue:)),
      target: row[Columns.target], note: row[Columns.note], warning: row[Columns.warning])
  }

  /// Writes the input's columns.
  public func encode(to container: inout PersistenceContainer) throws {
    container[Columns.batchID] = batchID
    container[Columns.usedOn] = usedOn.description
    container[Columns.kind] = kind.rawValue
    container[Columns.product] = product
    container[Columns.amount] = amount
    container[Columns.unit] = unit?.rawValue
    container[Columns.target] = target
    container[Columns.note] = note
    container[Columns.warning] = warning
  }
}
