/// Everything printed on one advice sheet, already in the sheet's language(s).
///
/// Built from an advice report by ``SheetBuilder``; rendered to HTML by ``SheetRenderer``
/// through the templates. Every list is in a fixed order, so the same advice gives the same page.
public struct SheetModel: Sendable {
  /// The page's `lang` attribute.
  public var lang: String
  /// True when English is printed beside Chinese (templates may tighten spacing).
  public var bilingual: Bool
  /// Headings and fixed words from `labels.json`, by key.
  public var L: [String: Line]
  public var title: Line
  /// Place, elevation, bag size, start date.
  public var situation: [LabelledValue]
  /// Grower, village, batch id, date printed, knowledge-base version.
  public var identity: [LabelledValue]
  /// Who the sheet fits.
  public var fits: [LabelledValue]
  /// At most three, strongest first.
  public var keyMessages: [NumberedAdvice]
  /// Which start date the timeline counts from, and why.
  public var timelineBasis: Line
  public var timeline: [TimelineRow]
  public var targets: [TargetRow]
  /// At most seven, numbered.
  public var steps: [NumberedAdvice]
  /// Said when there was more advice than fits.
  public var moreSteps: Line?
  public var problems: [ProblemRow]
  public var why: [WhyItem]
  /// Questions for missing facts, printed under "请问推广员 / ask your extension agent".
  public var questions: [Line]
  /// Said when some numbers are estimates.
  public var estimatesNote: Line?
  /// Empty rows of the record strip (their numbers).
  public var recordRows: [Int]
  /// The filled bag weight, or an "ask" line.
  public var recordBag: Line
  public var safety: [Line]
  public var contact: Line
  /// The rules that fired, with the numbers of their sources.
  public var rules: [RuleReference]
  /// The sources the rules cite, numbered once each.
  public var sources: [SourceNote]
  public var version: String
  /// For templates: whether the optional tables have rows.
  public var hasTimeline: Bool
  public var hasTargets: Bool
  public var hasQuestions: Bool
  /// QR codes to the phone page (only with a base URL).
  public var qr: [QRItem] = []
  public var hasQR = false
}

/// A QR code on the sheet: what it opens, and the code as SVG.
public struct QRItem: Sendable, Hashable {
  public var label: Line
  public var url: String
  public var svg: String
}

/// A labelled value in the header or the "who it fits" box.
public struct LabelledValue: Sendable, Hashable {
  public var label: Line
  public var value: Line
  /// True when the value is an "ask your extension agent" line.
  public var ask: Bool
}

/// A key message or a numbered step.
public struct NumberedAdvice: Sendable, Hashable {
  public var number: Int
  /// Certainty words (一定要 / 建议 / 可以考虑 / 不要).
  public var certainty: Line
  /// `must`, `should`, `consider` or `avoid` (for styling).
  public var level: String
  public var text: Line
  public var rule: String
}

/// A stage in the timeline with its approximate Gregorian dates.
public struct TimelineRow: Sendable, Hashable {
  public var stage: Line
  public var dates: Line
  /// The nearest solar term, as a familiar label only.
  public var term: Line
  public var days: Line
}

/// Targets for one stage: the known ones with their values, then the missing ones in one "ask" line.
public struct TargetRow: Sendable, Hashable {
  public var stage: Line
  public var targets: [Target]
  /// "Light, ventilation: ask your extension agent", or nil when all are known.
  public var ask: Line?
}

/// One target: a quantity with its range (or a note in words).
public struct Target: Sendable, Hashable {
  public var quantity: Line
  public var value: Line
  public var note: Line?
}

/// One row of the problem table.
public struct ProblemRow: Sendable, Hashable {
  public var recognise: Line
  public var doFirst: Line
  public var ifNeeded: Line
  public var never: Line
  public var rule: String
}

/// Why one piece of advice was given: the rule's reason, certainty and the facts it matched.
public struct WhyItem: Sendable, Hashable {
  public var certainty: Line
  public var because: Line
  public var facts: Line?
  public var rule: String
}

/// A fired rule in the footer.
/// One numbered source in the footer.
public struct SourceNote: Sendable, Hashable {
  public var number: Int
  public var text: String
}

public struct RuleReference: Sendable, Hashable {
  public var id: String
  /// The numbers of the rule's sources, e.g. `[1,3]`, or nil when it cites none.
  public var sources: String?
  /// Set when the rule's advice was overridden by another rule.
  public var note: Line?
}
