import ArgumentParser
import MycoCalendar

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// `--format text|json|markdown` (for listings that have a Markdown form).
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, markdown
}

/// `--lang zh|en`.
extension Language: ExpressibleByArgument {}
