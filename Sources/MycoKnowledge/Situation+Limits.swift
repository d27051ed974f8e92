import MycoRules

extension Situation {
  /// Refuses what no advice can be built on, whoever made the situation (flags, a growers CSV,
  /// a rule test case, a library caller): a date outside ``CalendarDate/supportedYears`` and a
  /// bag outside the sizes the vocabulary declares for `bag-width` and `bag-length`.
  func checkLimits(_ vocabulary: Vocabulary) throws(SituationError) {
    if let date, !CalendarDate.supportedYears.contains(date.year) {
      let years = CalendarDate.supportedYears
      throw SituationError("date \(date) is outside the years \(years.lowerBound)–\(years.upperBound)")
    }
    if let bag, let problem = BagDimensions.limits(vocabulary).problem(widthCM: bag.widthCM, lengthCM: bag.lengthCM) {
      throw SituationError(problem)
    }
  }
}
