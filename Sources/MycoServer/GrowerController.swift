import Foundation
import HTTPTypes
import Hummingbird
import MycoCalendar
import MycoDiagnostics
import MycoKnowledge
import MycoRules
import MycoSheets
import NIOCore

/// The grower's pages: the question form (`GET /`), the answer (`GET /advice`) and the printable
/// sheet (`GET /sheet.pdf`).
struct GrowerController: Sendable {
  let store: KnowledgeStore
  let pages: Pages
  let today: @Sendable () -> CalendarDate
  let printer: PDFPrinter?
  let baseURL: String?

  func addRoutes(to router: Router<MycoContext>) {
    router.get("/") { request, context in formPage(request, context) }
    router.get("/advice") { request, context in advicePage(request, context) }
    router.get("/sheet.pdf") { request, context in try await sheet(request, context) }
  }

  /// The question form, filled in from the query (so "change the situation" keeps the answers).
  func formPage(_ request: Request, _ context: MycoContext, error: String? = nil, status: HTTPResponse.Status = .ok)
    -> Response
  {
    let input = AdviceRequest(pairs: request.queryPairs)
    let base = store.current
    let knowledge = base.advisor.knowledge
    let language = input.language
    let vocabulary = knowledge.vocabulary
    let chosenSymptoms = Set(input.symptoms ?? [])
    let fields: [String: Any] = [
      "error": error as Any,
      "values": input.values,
      "date": input.values["date"] ?? today().description,
      "varieties": knowledge.varieties.map {
        [
          "id": $0.id, "name": $0.name.text(in: language), "color": VarietyIcon.color($0.id),
          "checked": $0.id == input.values["variety"],
        ] as [String: Any]
      },
      "places": base.places.map {
        [
          "id": $0.id, "name": $0.name[language.rawValue] ?? $0.id, "elevation": Value.format($0.elevation),
          "selected": $0.id == input.values["village"],
        ] as [String: Any]
      },
      "bags": knowledge.bagSizes.map { ["id": $0.id, "selected": $0.id == input.values["bag"]] as [String: Any] },
      "stages": (vocabulary["stage"]?.values ?? []).map {
        ["id": $0.id, "label": $0.label.text(in: language), "selected": $0.id == input.values["stage"]] as [String: Any]
      },
      "symptoms": (vocabulary["symptoms"]?.values ?? []).map {
        ["id": $0.id, "label": $0.label.text(in: language), "checked": chosenSymptoms.contains($0.id)] as [String: Any]
      },
    ]
    let words = pages.words(language)
    let page = pages.render(
      "grower", language: language, title: words["title"] ?? "Myco", path: "/", query: input.query,
      agent: context.agent,
      version: base.advisor.version, fields: fields)
    return Responses.html(page, status: status)
  }

  /// The answer: advice as on the sheet, the questions that would sharpen it as form fields,
  /// and the link to the printable sheet. A bad situation shows the form again with the problem.
  func advicePage(_ request: Request, _ context: MycoContext) -> Response {
    let input = AdviceRequest(pairs: request.queryPairs)
    let base = store.current
    let language = input.language
    let situation: Situation
    let report: AdviceReport
    do {
      situation = try input.situation(base: base, today: today())
      report = try base.advisor.advise(situation)
    } catch let error as InputError {
      return formPage(request, context, error: error.message, status: HTTPResponse.Status(code: error.status))
    } catch let error as Diagnostic {
      return formPage(request, context, error: error.message.english, status: .unprocessableContent)
    } catch {
      return formPage(request, context, error: "\(error)", status: .unprocessableContent)
    }
    let sheetLanguage: SheetLanguage = language == .en ? .en : .zh
    let model = SheetBuilder(
      report: report, request: SheetRequest(situation: situation, language: sheetLanguage),
      labels: base.sheets.templates.labels
    ).build()
    let questions = report.questions.compactMap { QuestionField(fact: $0.fact, language: language)?.context }
    let asked = Set(report.questions.compactMap { QuestionField.formName(for: $0.fact.name) })
    let hidden = input.queryPairs.filter { !asked.contains($0.0) || $0.0 == "lang" }.map {
      ["name": $0.0, "value": $0.1]
    }
    let summary = [
      base.advisor.knowledge.variety(situation.variety)?.name.text(in: language) ?? situation.variety,
      situation.elevation.map { "\(Value.format($0)) m" }, situation.date?.description, situation.bag.map { "\($0)" },
    ].compactMap { $0 }.joined(separator: " · ")
    let fields: [String: Any] = [
      "sheet": SheetView(model),
      "summary": summary,
      "questions": questions,
      "hasQuestions": !questions.isEmpty,
      "hidden": hidden,
      "query": input.query,
    ]
    let words = pages.words(language)
    let page = pages.render(
      "answer", language: language, title: (words["answerTitle"] ?? "") + " · " + summary, path: "/advice",
      query: input.query,
      agent: context.agent, version: base.advisor.version, fields: fields)
    return Responses.html(page)
  }

  /// The printable sheet for the same situation, made by the same renderer as `myco sheet`.
  func sheet(_ request: Request, _ context: MycoContext) async throws -> Response {
    let input = AdviceRequest(pairs: request.queryPairs)
    let base = store.current
    let situation: Situation
    do { situation = try input.situation(base: base, today: today()) } catch { return Responses.error(error) }
    guard let printer else {
      return Responses.error(.serviceUnavailable, "this server cannot print PDFs (Chromium is not installed)")
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-serve-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("sheet.pdf")
    // The sheet's QR code leads back here: to --base-url, else to the address the phone used.
    let here = baseURL ?? request.head.authority.map { "http://\($0)" }
    let sheetRequest = SheetRequest(
      situation: situation, village: input.values["village"].flatMap { base.place($0)?.name[input.language.rawValue] },
      language: input.language == .en ? .en : .zh, baseURL: here,
      details: request.queryPairs.contains { $0 == ("details", "1") })
    let writer = SheetWriter(maker: base.sheets, printer: printer)
    do {
      let written = try await Task.detached { try writer.write(sheetRequest, to: out, format: .pdf) }.value
      guard let pdf = written.pdf, let data = FileManager.default.contents(atPath: pdf.path) else {
        return Responses.error(.internalServerError, "the sheet could not be printed")
      }
      return Response(
        status: .ok, headers: [.contentType: "application/pdf", .contentDisposition: "inline; filename=\"sheet.pdf\""],
        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    } catch let error as Diagnostic {
      context.logger.error("sheet.pdf failed: \(error.description)")
      return Responses.error(.internalServerError, "the sheet could not be printed")
    }
  }
}

/// The sheet model as the answer page reads it (with flags the template needs).
struct SheetView {
  let title: Line
  let keyMessages: [NumberedAdvice]
  let steps: [NumberedAdvice]
  let why: [WhyItem]
  let hasSteps: Bool
  let hasWhy: Bool

  init(_ model: SheetModel) {
    title = model.title
    keyMessages = model.keyMessages
    steps = model.steps
    why = model.why
    hasSteps = !model.steps.isEmpty
    hasWhy = !model.why.isEmpty
  }
}

/// A question the advice asks, as a form field named like the CLI option that answers it.
struct QuestionField {
  let name: String
  let question: String
  let kind: String
  let options: [[String: String]]
  let min: String
  let max: String
  let placeholder: String

  static func formName(for fact: String) -> String? {
    [
      "stage": "stage", "facility": "facility", "substrate": "substrate", "symptoms": "symptom",
      "elevation": "elevation",
      "month": "date", "bag-width": "bag", "bag-length": "bag", "strain-type": "strain", "strain": "strain",
      "air-temp": "temperature",
      "bag-temp": "bag-temperature", "air-humidity": "humidity", "day-night-difference": "day-night-difference",
    ][fact]
  }

  init?(fact: FactDeclaration, language: Language) {
    guard let name = Self.formName(for: fact.name) else { return nil }
    self.name = name
    question = fact.question.text(in: language)
    options = fact.values.map { ["id": $0.id, "label": $0.label.text(in: language)] }
    switch (fact.type, name) {
    case (_, "date"): kind = "text"; placeholder = "2026-08-15"
    case (_, "bag"): kind = "text"; placeholder = "15x55"
    case (.set, _): kind = "checks"; placeholder = ""
    case (.choice, "strain"): kind = "text"; placeholder = "L808"
    case (.choice, _): kind = "select"; placeholder = ""
    case (.number, _): kind = "number"; placeholder = ""
    default: kind = "text"; placeholder = ""
    }
    let unit = fact.displayUnit?.factor ?? 1
    min = fact.minimum.map { Value.format($0 / unit) } ?? ""
    max = fact.maximum.map { Value.format($0 / unit) } ?? ""
  }

  var context: [String: Any] {
    let fields: [String: Any] = [
      "name": name, "question": question, "options": options, "min": min, "max": max, "placeholder": placeholder,
    ]
    return [kind: fields]
  }
}
