import MycoCalendar

extension CalendarDate {
  /// The meteorological season this date falls in.
  public var season: Season { Season(month: month) }
}
