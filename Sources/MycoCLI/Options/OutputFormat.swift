import ArgumentParser

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// `--lang zh|en`.
enum Language: String, ExpressibleByArgument, CaseIterable {
  case zh, en
}
