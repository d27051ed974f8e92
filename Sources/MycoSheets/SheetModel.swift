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
  /// One row per problem seen (warnings and contamination / pest advice), pesticide notes by mark.
  public var problems: [ProblemRow]
  /// The pesticide-safety advice, numbered ① ② … and referred to from the problem rows.
  public var pesticides: [PesticideNote]
  public var hasPesticides: Bool
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
  /// The optional details page (`--details`): nil unless asked for. The one-page sheet does not
  /// depend on it, so the first page is the same with or without it.
  public var details: DetailsPage?
}

/// The optional second page: the full texts the one-page sheet may shorten or leave out.
public struct DetailsPage: Sendable, Hashable {
  /// Every numbered step (the sheet shows at most ``SheetBuilder/maximumSteps``).
  public var steps: [NumberedAdvice]
  /// Every reason, with the facts it matched (the sheet shows at most ``SheetBuilder/maximumReasons``).
  public var why: [WhyItem]
  /// Every question for the extension agent (the sheet shows at most ``SheetBuilder/maximumQuestions``).
  public var questions: [Line]
  public var hasSteps: Bool
  public var hasQuestions: Bool
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

/// One row of the problem table: a problem seen, what to do, and the pesticide notes that apply.
public struct ProblemRow: Sendable, Hashable {
  public var number: Int
  /// The problem, in a few words (the rule's title).
  public var recognise: Line
  /// Certainty words; nil for the "no problem found" row.
  public var certainty: Line?
  /// `must`, `should`, `consider` or `avoid` (for styling).
  public var level: String
  /// What to do, in full (the sheet may shorten it to fit; the details page prints it whole).
  public var action: Line
  /// The marks of the pesticide notes for this problem, e.g. `① ③`; nil when none apply.
  public var marks: String?
  public var rule: String
}

/// A pesticide-safety note, referred to by its mark from the problem rows.
public struct PesticideNote: Sendable, Hashable {
  /// `①`, `②`, …
  public var mark: String
  public var certainty: Line
  /// `must`, `should`, `consider` or `avoid` (for styling).
  public var level: String
  public var title: Line
  /// The full text (the sheet may shorten it; the details page prints it whole).
  public var text: Line
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
