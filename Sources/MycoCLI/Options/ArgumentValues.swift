import ArgumentParser
import MycoCalendar
import MycoUnits

/// Typed option values: every `--date`-like and bag-size option is parsed here, by ArgumentParser,
/// before any file is read, so a malformed value is refused the same way (exit 64) by every command:
///
///     Error: The value '2026-13-01' is invalid for '--date <date>': not a date like 2026-08-15 (YYYY-MM-DD)
///
/// Ranges that depend on the domain (bag sizes the knowledge accepts, a harvest after its batch)
/// are checked later by the layer that knows them.
enum ArgumentValue {
  /// Why a typed value was refused; ArgumentParser prints it after the value and the option.
  struct Invalid: Error, CustomStringConvertible {
    let description: String
  }

  /// A day written `YYYY-MM-DD`, within the years Myco supports.
  static func date(_ text: String) throws -> CalendarDate {
    do { return try CalendarDate.parse(text) } catch { throw Invalid(description: error.explanation) }
  }

  /// A bag size `WIDTHxLENGTH` in cm (folded width × length).
  static func bag(_ text: String) throws -> BagDimensions {
    guard let size = BagDimensions(parsing: text) else {
      throw Invalid(description: "not \(BagDimensions.expectedForm)")
    }
    return size
  }
}

extension WeightUnit: ExpressibleByArgument {}
