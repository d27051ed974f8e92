import MycoCalendar
import MycoDiagnostics
import MycoRules
import MycoUnits

extension Situation {
  /// Refuses what no advice can be built on, whoever made the situation (flags, a growers CSV,
  /// a rule test case, a library caller): a date outside ``CalendarDate/supportedYears`` and a
  /// bag outside the sizes the vocabulary declares for `bag-width` and `bag-length`.
  func checkLimits(_ vocabulary: Vocabulary) throws(Diagnostic) {
    if let date, !CalendarDate.supportedYears.contains(date.year) {
      let years = CalendarDate.supportedYears
      throw Diagnostic(kind: .outOfRange, "date \(date) is outside the years \(years.lowerBound)–\(years.upperBound)")
    }
    if let bag, let problem = bag.problem(within: BagDimensions.limits(vocabulary)) {
      throw Diagnostic(kind: .outOfRange, problem)
    }
  }
}
