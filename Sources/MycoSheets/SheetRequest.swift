import MycoCalendar
import MycoKnowledge

/// Who a sheet is for and how to print it; the advice itself comes from the situation.
public struct SheetRequest: Sendable, Hashable {
  public var situation: Situation
  public var grower: String?
  public var village: String?
  /// The grower's batch id (printed on the sheet and used in the record strip).
  public var batchID: String?
  public var language: SheetLanguage
  /// The date printed on the sheet; nil means the advice date, so output stays reproducible.
  public var datePrinted: CalendarDate?
  /// The extension agent's name and phone, if the agent wants them printed.
  public var contact: String?
  /// Where `myco serve` runs (`--base-url`); when set the sheet carries QR codes to the phone
  /// page for this situation and, with a batch id, to the harvest form for the batch.
  public var baseURL: String?
  /// Print the optional details page after the sheet (`--details`).
  public var details: Bool

  public init(
    situation: Situation, grower: String? = nil, village: String? = nil, batchID: String? = nil,
    language: SheetLanguage = .zh, datePrinted: CalendarDate? = nil, contact: String? = nil, baseURL: String? = nil,
    details: Bool = false
  ) {
    self.details = details
    self.baseURL = baseURL
    self.situation = situation
    self.grower = grower
    self.village = village
    self.batchID = batchID
    self.language = language
    self.datePrinted = datePrinted
    self.contact = contact
  }
}
