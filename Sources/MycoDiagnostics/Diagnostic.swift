import MycoCalendar

/// A problem at a place: the one error model of every Myco library.
///
/// XML files, rule bases, knowledge bases and rule tests all report what is wrong as diagnostics:
/// where (``SourceLocation``), how bad (``Severity``), what kind (``Kind``) and a one-line message.
/// Prints as `FILE:LINE:COLUMN: error: message`, the form editors and terminals turn into links.
///
/// Where a problem is: a place in a file (`rules.xml:3:5`), a row of a CSV file (`batches.csv:7`),
/// a file alone or the command that took the values (`add-batch`), or nowhere (`location` nil: a value
/// typed on the command line or sent in a request). A problem about one value of a record also names
/// its ``field`` (the CSV column or option, `elevation_m`), printed after the severity:
/// `batches.csv:7: error: elevation_m: "abc" is not a number`.
/// The message is a ``LocalizedText``: always in English, and in Chinese where the message has one
/// (the rule checker's findings, the situation checks a grower sees).
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
  /// How bad a problem is. Sorts errors first.
  public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    /// Nothing was loaded, or the command fails.
    case error
    /// Loaded, but worth a look.
    case warning
    /// For information only.
    case info
    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// What kind of problem this is. The raw value is the short machine name shown in JSON
  /// (`unknown-fact`, `xml-schema`, …).
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    // Reading an XML file.
    /// The file could not be opened or read.
    case xmlIO = "xml-io"
    /// The file is larger than the reader allows.
    case xmlTooLarge = "xml-tooLarge"
    /// The document has a DOCTYPE (refused: it could declare entities).
    case xmlDoctype = "xml-doctype"
    /// The text is not well-formed XML (or not UTF-8).
    case xmlMalformed = "xml-malformed"
    /// Elements nest deeper than the reader allows.
    case xmlTooDeep = "xml-tooDeep"
    /// The document breaks its XML Schema.
    case xmlSchema = "xml-schema"

    // Loading a rule base, a vocabulary, sources or a knowledge base.
    /// A file or folder that must exist is missing.
    case missingFile = "missing-file"
    /// A condition names a fact the vocabulary does not declare.
    case unknownFact = "unknown-fact"
    /// A condition or conclusion uses a value the fact does not have.
    case unknownValue = "unknown-value"
    /// A unit of the wrong dimension for the fact.
    case wrongUnit = "wrong-unit"
    /// A unit Myco does not know.
    case unknownUnit = "unknown-unit"
    /// A comparison that does not fit the fact's type.
    case wrongType = "wrong-type"
    /// An element the loader does not know.
    case unknownElement = "unknown-element"
    /// Two things share one id.
    case duplicateID = "duplicate-id"
    /// A fact is declared twice.
    case duplicateFact = "duplicate-fact"
    /// A fact declaration with a type Myco does not know.
    case badFactType = "bad-fact-type"
    /// A unit dimension Myco does not know.
    case badDimension = "bad-dimension"
    /// An enumerated fact without values.
    case noValues = "no-values"
    /// A rule without an id.
    case missingID = "missing-id"
    /// A certainty Myco does not know.
    case badCertainty = "bad-certainty"
    /// A rule without a source.
    case missingSource = "missing-source"
    /// A source reference to no known source.
    case unknownSource = "unknown-source"
    /// A source entry that is incomplete or malformed.
    case badSource = "bad-source"
    /// Advice without a topic.
    case missingTopic = "missing-topic"
    /// A rule without a conclusion.
    case missingConclusion = "missing-conclusion"
    /// A rule without a condition.
    case missingCondition = "missing-condition"
    /// A condition that tests nothing.
    case emptyCondition = "empty-condition"
    /// A fact test without a comparison.
    case noComparison = "no-comparison"
    /// A fact test with more than one comparison.
    case twoComparisons = "two-comparisons"
    /// A `{placeholder}` in a text that names no fact.
    case unknownPlaceholder = "unknown-placeholder"
    /// A text missing in Chinese or English.
    case missingText = "missing-text"
    /// A number that does not parse.
    case badNumber = "bad-number"
    /// A range missing an end.
    case badRange = "bad-range"
    /// Derived facts that depend on each other in a cycle.
    case cycle
    /// A value outside the range the program accepts.
    case outOfRange = "out-of-range"
    /// A required knowledge table is missing.
    case missingTable = "missing-table"
    /// A knowledge table that is incomplete or inconsistent.
    case badTable = "bad-table"
    /// A bag size or class Myco does not know.
    case unknownBag = "unknown-bag"
    /// A bag size that does not parse.
    case badBag = "bad-bag"
    /// A date that does not parse.
    case badDate = "bad-date"
    /// A rule test expectation that names neither a rule nor a topic.
    case emptyExpectation = "empty-expectation"
    /// A required value missing from a knowledge file.
    case missingValue = "missing-value"
    /// A knowledge value of the wrong form or out of its bounds.
    case badValue = "bad-value"

    // Verifying a rule base (`myco rules check`).
    /// Rules that can apply together and advise opposite things.
    case conflict
    /// A rule that repeats another rule.
    case redundant
    /// A rule whose situations are all covered by another rule giving the same advice.
    case subsumed
    /// A rule no situation can reach (contradictory or out-of-range conditions).
    case unreachable
    /// A topic, band or month no rule gives advice on.
    case gap
    /// A rule whose sources are all of the weakest grades.
    case weakSources = "weak-sources"
    /// A rule advising a product on a never-use list.
    case bannedPesticide = "banned-pesticide"
    /// A rule naming a registered product outside the crops it is registered for.
    case registeredPesticide = "registered-pesticide"
    /// A rule naming a pesticide that is on no registered list.
    case unregisteredPesticide = "unregistered-pesticide"
    /// A registered pesticide advised for a crop it is not registered for.
    case pesticideCrop = "pesticide-crop"
    /// A product of an allow-list advised outside its scope (the engine's default name).
    case productScope = "product-scope"

    // A grower's situation (`myco advise`, `myco suggest`, the server's forms).
    /// A variety the knowledge base does not know.
    case unknownVariety = "unknown-variety"
    /// A place (township) the knowledge base does not know, or one too wide to stand for an elevation.
    case unknownPlace = "unknown-place"
    /// Options that cannot be given together, or one that is missing.
    case badOptions = "bad-options"

    // Records, CSV files, sheets.
    /// A record (CSV row or typed values) with a value that is missing, malformed or out of range.
    case badRecord = "bad-record"
    /// A CSV header lacking required columns or naming unknown ones.
    case badHeader = "bad-header"
    /// A file that cannot be read (missing, unreadable, not UTF-8).
    case unreadableFile = "unreadable-file"
    /// A file or folder that cannot be written.
    case writeFile = "write-file"
    /// The records database cannot be used.
    case database
    /// A report query that cannot be answered.
    case badQuery = "bad-query"
    /// The sheet templates or labels are missing or broken.
    case sheetTemplate = "sheet-template"
    /// A sheet could not be made (no advice for the situation, a bad row).
    case sheet
    /// A PDF could not be printed.
    case pdf
    /// The system refused something else (a port in use, a file or store that cannot be opened).
    case system
  }

  /// How bad the problem is.
  public var severity: Severity
  /// What kind of problem this is.
  public var kind: Kind
  /// Where the problem is; nil for a value with no file (typed on the command line, sent in a request).
  public var location: SourceLocation?
  /// The field (CSV column, option or form field) the problem is about, when it is about one value.
  public var field: String?
  /// One line in plain words: English always, Chinese where the message has one.
  public var message: LocalizedText
  /// The rules involved, if any.
  public var rules: [String]

  /// A problem of `kind` at `location`.
  public init(
    _ severity: Severity = .error, kind: Kind, at location: SourceLocation?, field: String? = nil,
    _ message: String, rules: [String] = []
  ) {
    self.init(severity, kind: kind, at: location, field: field, LocalizedText(en: message), rules: rules)
  }

  /// A problem of `kind` at `location` whose message has more than one language.
  public init(
    _ severity: Severity = .error, kind: Kind, at location: SourceLocation?, field: String? = nil,
    _ message: LocalizedText, rules: [String] = []
  ) {
    self.severity = severity
    self.kind = kind
    self.location = location
    self.field = field
    self.message = message
    self.rules = rules
  }

  /// A problem with no file: a value typed on the command line or sent in a request.
  public init(_ severity: Severity = .error, kind: Kind, field: String? = nil, _ message: String) {
    self.init(severity, kind: kind, at: nil, field: field, message)
  }

  /// A problem with no file whose message has more than one language.
  public init(_ severity: Severity = .error, kind: Kind, field: String? = nil, _ message: LocalizedText) {
    self.init(severity, kind: kind, at: nil, field: field, message)
  }

  /// `FILE:LINE:COLUMN: severity: field: message` in `language`, each part only when there is one:
  /// `error: unknown variety 'truffle' (known: …)` has neither location nor field. Always one line:
  /// control characters from the files (a cell's ESC or line feed) are shown escaped (`TerminalText`).
  public func line(in language: Language = .en) -> String {
    let place = location.map { "\($0): " } ?? ""
    let field = self.field.map { "\($0): " } ?? ""
    return TerminalText.escaped("\(place)\(severity.rawValue): \(field)\(message.text(in: language))")
  }

  /// ``line(in:)`` in English.
  public var description: String { line() }
}

/// One or more problems, in file order: the error thrown when a file or a base cannot be loaded.
/// Nothing was loaded when it is thrown.
public struct Diagnostics: Error, Sendable, Hashable, CustomStringConvertible {
  /// The problems, at least one.
  public var diagnostics: [Diagnostic]

  /// The problems `diagnostics`.
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// One problem per line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
