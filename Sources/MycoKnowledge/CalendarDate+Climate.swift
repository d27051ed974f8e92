import MycoCalendar

extension CalendarDate {
  /// Day of a 365-day climatological year, 0-based (29 February counts as 28 February).
  public var climateDay: Int { ClimateNormals.firstDayOfMonth[month - 1] + min(day, month == 2 ? 28 : 31) - 1 }
}
