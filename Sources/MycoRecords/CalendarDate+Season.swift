// Records share the calendar date with advice and sheets: re-exported so that users of
// MycoRecords see `CalendarDate` without importing MycoCalendar themselves.
@_exported import MycoCalendar

extension CalendarDate {
  /// The meteorological season this date falls in.
  public var season: Season { Season(month: month) }
}
