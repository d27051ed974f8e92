import MycoCalendar
import MycoKnowledge
import MycoRules

/// Builds a ``SheetModel`` from the engine's advice for one situation.
///
/// All content comes from the report (advice, warnings, trace, questions) and the knowledge base
/// (variety stages and ranges, fact labels); fixed words come from ``Labels``. Nothing about a
/// particular variety or rule is written here.
public struct SheetBuilder: Sendable {
  public let report: AdviceReport
  public let request: SheetRequest
  public let labels: Labels

  /// At most this many numbered steps.
  public static let maximumSteps = 7
  /// Exactly this many key messages when there is enough advice.
  public static let keyMessageCount = 3
  /// Advice topics (heads) that go in the problem table rather than the steps.
  public static let problemTopics: Set<String> = ["contamination", "pests", "pesticide-safety"]

  public init(report: AdviceReport, request: SheetRequest, labels: Labels) {
    self.report = report
    self.request = request
    self.labels = labels
  }

  var language: SheetLanguage { request.language }
  var variety: Variety? { report.knowledge.variety(report.situation.variety) }
  var situation: Situation { report.situation }

  /// The sheet.
  public func build() -> SheetModel {
    let (timeline, basis) = timelineRows()
    let targets = targetRows()
    let (steps, more) = stepItems()
    let questions = questionLines()
    let (rules, sources) = ruleReferences()
    var model = SheetModel(
      lang: language.htmlLang, bilingual: language == .zhEn, L: labels.all(language), title: title(),
      situation: situationFields(), identity: identityFields(), fits: fitFields(), keyMessages: keyMessages(),
      timelineBasis: basis, timeline: timeline, targets: targets, steps: steps,
      moreSteps: more, problems: problemRows(), why: whyItems(), questions: questions,
      estimatesNote: hasEstimates ? labels.line("estimates", language) : nil,
      recordRows: [1, 2, 3], recordBag: recordBag(), safety: (1...4).map { labels.line("safety.\($0)", language) },
      contact: request.contact.map { Line($0) } ?? labels.line("contactDefault", language),
      rules: rules, sources: sources, version: report.version, hasTimeline: !timeline.isEmpty,
      hasTargets: !targets.isEmpty,
      hasQuestions: !questions.isEmpty)
    model.qr = qrItems()
    model.hasQR = !model.qr.isEmpty
    return model
  }

  /// With a base URL: a QR code to this situation's advice on the phone, and one to the
  /// harvest form of the batch (when the sheet has a batch id). A code that cannot be made is left out.
  func qrItems() -> [QRItem] {
    guard let base = request.baseURL else { return [] }
    var links = [("qrAdvice", SheetLinks.advice(base: base, situation: request.situation, language: language.primary))]
    if let batch = request.batchID { links.append(("qrHarvest", SheetLinks.harvest(base: base, batchID: batch))) }
    return links.compactMap { key, url in
      guard let code = try? QRCode(url) else { return nil }
      return QRItem(label: labels.line(key, language), url: url, svg: code.svg)
    }
  }

  // MARK: - Header and applicability

  func varietyName(_ language: Language) -> String {
    variety?.name.text(in: language) ?? situation.variety
  }

  /// The sheet's title: never a question. Without a bag size the method is not named (the
  /// "ask your agent" lines ask for it).
  func title() -> Line {
    guard situation.bag != nil else {
      return labels.line("titleNoMethod", language) { ["variety": varietyName($0)] }
    }
    return labels.line("title", language) { ["variety": varietyName($0), "method": methodName($0)] }
  }

  func methodName(_ language: Language) -> String {
    situation.bag != nil ? labels.text("method.bags", language) : labels.text("askShort", language)
  }

  /// The fact's question as an "ask your extension agent" line, or the generic one.
  func ask(_ fact: String) -> Line {
    let question = report.knowledge.vocabulary[fact]?.question
    return labels.line("ask", language) { lang in
      ["question": question.map { $0.text(in: lang) } ?? report.factLabel(fact, language: lang)]
    }
  }

  /// A labelled value; a missing one reads "ask your agent" (the full question is listed once, below).
  func field(_ key: String, _ value: Line?, askFor fact: String, short: Bool = false) -> LabelledValue {
    LabelledValue(
      label: labels.line(key, language), value: value ?? (short ? labels.line("askShort", language) : ask(fact)),
      ask: value == nil)
  }

  func given(_ key: String, _ value: String?) -> LabelledValue {
    LabelledValue(
      label: labels.line(key, language), value: value.map { Line($0) } ?? labels.line("notGiven", language), ask: false)
  }

  /// The elevation given, or the one a named place supplied (`--place`).
  func elevationLine() -> Line? {
    let fromPlace = report.evaluation.facts["elevation"].flatMap { fact -> Double? in
      if case .number(let metres) = fact.value { metres } else { nil }
    }
    return (situation.elevation ?? fromPlace).map { metres in
      mono { labels.text("elevationValue", $0, ["m": Value.format(metres)]) }
    }
  }

  func bagLine() -> Line? {
    situation.bag.map { bag in
      mono { labels.text("bagValue", $0, ["w": Value.format(bag.widthCM), "l": Value.format(bag.lengthCM)]) }
    }
  }

  func situationFields() -> [LabelledValue] {
    [
      given("place", request.village),
      field("elevation", elevationLine(), askFor: "elevation"),
      field("bag", bagLine(), askFor: "bag-width"),
      field("startDate", situation.date.map { date in mono { dateText(date, $0) } }, askFor: "month"),
    ] + measuredFields()
  }

  /// The readings the grower measured (shed and bag temperature, humidity, soil), so the agent
  /// sees what the advice was based on; estimates are not shown here.
  func measuredFields() -> [LabelledValue] {
    let measured: [(String, Double?)] = [
      ("air-temp", situation.temperature), ("bag-temp", situation.bagTemperature), ("air-humidity", situation.humidity),
      ("day-night-difference", situation.dayNightDifference), ("soil-temp", situation.soilTemperature),
      ("soil-moisture", situation.soilMoisture),
    ]
    return measured.compactMap { name, value in
      guard value != nil, let line = factLine(name) else { return nil }
      return LabelledValue(label: Line({ report.factLabel(name, language: $0) }, language), value: line, ask: false)
    }
  }

  func identityFields() -> [LabelledValue] {
    let printed = request.datePrinted ?? situation.date
    return [
      given("grower", request.grower), given("village", request.village), given("batchID", request.batchID),
      given("printed", printed?.description), given("version", report.version),
    ]
  }

  /// A fact's value in the sheet's language(s), or nil when unknown.
  func factLine(_ name: String) -> Line? {
    guard let fact = report.evaluation.facts[name] else { return nil }
    return Line({ report.display(name, fact.value, language: $0) }, language)
  }

  func fitFields() -> [LabelledValue] {
    var fields = [
      LabelledValue(
        label: labels.line("variety", language),
        value: Line(
          varietyName(language.primary) + (variety.map { " (\($0.latin))" } ?? ""), language.secondary.map(varietyName)),
        ask: false),
      field(
        "method", situation.bag == nil ? nil : Line({ methodName($0) }, language), askFor: "bag-width", short: true),
      field("elevationBand", factLine("elevation-band"), askFor: "elevation", short: true),
      field("facility", factLine("facility"), askFor: "facility", short: true),
    ]
    if situation.strain != nil { fields.append(field("strain", Line(situation.strain!), askFor: "strain")) }
    fields.append(field("fitsDate", situation.date.map { Line($0.description) }, askFor: "month"))
    return fields
  }

  /// A date as growers read it: 9月20日 / 20 Sep (with the year when it differs from the start's).
  func dateText(_ date: CalendarDate, _ language: Language, year: Int? = nil) -> String {
    let showYear = year == nil || year != date.year
    if language == .zh { return (showYear ? "\(date.year)年" : "") + "\(date.month)月\(date.day)日" }
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return "\(date.day) \(months[date.month - 1])" + (showYear ? " \(date.year)" : "")
  }

  var hasEstimates: Bool {
    report.evaluation.facts.values.contains { if case .estimated = $0.origin { true } else { false } }
  }

  /// At most this many questions are printed; the rest are counted in one line.
  public static let maximumQuestions = 3

  func questionLines() -> [Line] {
    // Listed under the heading "请问推广员 / Ask your extension agent", one question each, the
    // questions that most rules wait for first.
    let questions = report.questions
    var lines = questions.prefix(Self.maximumQuestions).map { question in Line(question.fact.question, language) }
    if questions.count > Self.maximumQuestions {
      let more = questions.count - Self.maximumQuestions
      lines.append(labels.line("moreQuestions", language) { _ in ["n": String(more)] })
    }
    return lines
  }

  func recordBag() -> Line {
    guard let fill = report.evaluation.facts["bag-fill"] else { return ask("bag-fill") }
    return labels.line("recordBag", language) { ["fill": report.display("bag-fill", fill.value, language: $0)] }
  }
}
