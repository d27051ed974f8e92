import Foundation
import HTTPTypes
import Hummingbird
import MycoCalendar
import MycoKnowledge
import MycoRecords
import MycoSheets
import NIOCore

/// The extension agent's pages: sign in and out, add a batch, add a harvest, the yield report.
/// Every form carries the session's CSRF token; a post without it is refused (403).
struct AgentController: Sendable {
  let store: KnowledgeStore
  let records: RecordsService
  let accounts: AccountStore
  let sessions: SessionStore
  let pages: Pages
  let today: @Sendable () -> CalendarDate
  let maxBody: Int

  func addRoutes(to router: Router<MycoContext>) {
    router.get("/agent/sign-in") { request, context in signInPage(request, context) }
    router.post("/agent/sign-in") { request, context in try await signIn(request, context) }
    router.post("/agent/sign-out") { request, context in try await signOut(request, context) }
    router.get("/agent") { request, context in try home(request, context) }
    router.get("/agent/batch") { request, context in try batchPage(request, context) }
    router.post("/agent/batch") { request, context in try await addBatch(request, context) }
    router.get("/agent/harvest") { request, context in try harvestPage(request, context) }
    router.post("/agent/harvest") { request, context in try await addHarvest(request, context) }
    router.get("/agent/input") { request, context in try inputPage(request, context) }
    router.post("/agent/input") { request, context in try await addInput(request, context) }
    router.get("/agent/report") { request, context in try reportPage(request, context) }
  }

  func language(_ request: Request) -> Language { request.uri.queryParameters["lang"] == "en" ? .en : .zh }

  func page(
    _ template: String, _ request: Request, _ context: MycoContext, session: Session?,
    status: HTTPResponse.Status = .ok, fields: [String: Any]
  ) -> Response {
    var fields = fields
    fields["csrf"] = session?.csrf ?? ""
    let language = language(request)
    let words = pages.words(language)
    let html = pages.render(
      template, language: language, title: words["agentHome"] ?? "Myco", path: request.uri.path,
      query: request.uri.query ?? "",
      agent: session?.agent, version: store.current.advisor.version, fields: fields)
    return Responses.html(html, status: status)
  }

  // MARK: Signing in

  func signInPage(_ request: Request, _ context: MycoContext, error: String? = nil, status: HTTPResponse.Status = .ok)
    -> Response
  {
    // A session before sign-in carries the CSRF token of the sign-in form.
    let session = context.session ?? sessions.create(agent: nil)
    var response = page("signin", request, context, session: session, status: status, fields: ["error": error as Any])
    if context.session == nil { response.headers[.setCookie] = SessionStore.setCookie(session) }
    return response
  }

  /// The form's fields, after the CSRF check (403 without a session or with a wrong token).
  func form(_ request: Request, _ context: MycoContext) async throws -> [(String, String)] {
    let pairs = formPairs(try await request.collectLimited(maxBody))
    guard let session = context.session, let token = pairs.first(where: { $0.0 == "csrf" })?.1,
      constantTimeEqual(token, session.csrf)
    else {
      throw HTTPError(
        .forbidden, message: "the form is out of date or not from this site; reload the page and try again")
    }
    return pairs
  }

  func signIn(_ request: Request, _ context: MycoContext) async throws -> Response {
    let client = context.clientKey
    guard sessions.mayTry(client) else {
      throw HTTPError(
        .tooManyRequests, headers: [.retryAfter: String(Int(sessions.window))],
        message: "too many sign-in attempts; wait a few minutes")
    }
    let pairs = try await form(request, context)
    let name = pairs.first { $0.0 == "name" }?.1 ?? ""
    let password = pairs.first { $0.0 == "password" }?.1 ?? ""
    let accounts = accounts
    let good = await SlowWork.run { accounts.verify(user: name, password: password) }
    guard good else {
      sessions.failed(client)
      context.logger.notice("sign-in failed for '\(name)' from \(client)")
      return signInPage(request, context, error: pages.words(language(request))["badSignIn"], status: .unauthorized)
    }
    if let old = context.session { sessions.remove(old.id) }
    let session = sessions.create(agent: name)
    return Responses.redirect(
      "/agent?lang=\(language(request).rawValue)", headers: [.setCookie: SessionStore.setCookie(session)])
  }

  func signOut(_ request: Request, _ context: MycoContext) async throws -> Response {
    _ = try await form(request, context)
    if let session = context.session { sessions.remove(session.id) }
    return Responses.redirect("/", headers: [.setCookie: SessionStore.clearCookie])
  }

  /// The signed-in session, or a redirect to the sign-in page.
  func signedIn(_ request: Request, _ context: MycoContext) throws -> Session {
    guard let session = context.session, session.agent != nil else {
      let back = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
      var allowed = CharacterSet.alphanumerics
      allowed.insert(charactersIn: "-._~")
      throw HTTPError(
        .seeOther,
        headers: [
          .location:
            "/agent/sign-in?lang=\(language(request).rawValue)&next=\(back.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        ])
    }
    return session
  }

  func home(_ request: Request, _ context: MycoContext, message: String? = nil) throws -> Response {
    let session = try signedIn(request, context)
    return page(
      "agent", request, context, session: session, fields: ["home": true, "hasInputs": true, "message": message as Any])
  }

  // MARK: Records

  func field(
    _ name: String, _ label: String?, type: String = "text", value: String = "", required: Bool = false,
    step: String? = nil
  ) -> [String: Any] {
    [
      "name": name, "label": label ?? name, "type": type, "value": value, "required": required, "step": step ?? false,
      "options": false,
    ]
  }

  func choice(_ name: String, _ label: String?, _ list: [(String, String)], selected: String? = nil) -> [String: Any] {
    [
      "name": name, "label": label ?? name,
      "options": ["list": list.map { ["id": $0.0, "label": $0.1, "selected": $0.0 == selected] as [String: Any] }],
    ]
  }

  func batchPage(
    _ request: Request, _ context: MycoContext, values: [String: String] = [:], error: String? = nil,
    status: HTTPResponse.Status = .ok
  ) throws -> Response {
    let session = try signedIn(request, context)
    let words = pages.words(language(request))
    let language = language(request)
    let knowledge = store.current.advisor.knowledge
    let fields: [[String: Any]] = [
      field("id", words["batchId"], value: values["id"] ?? "", required: true),
      field("grower", words["grower"], value: values["grower"] ?? "", required: true),
      field("place", words["place"], value: values["place"] ?? ""),
      field("elevation", words["elevation"], type: "number", value: values["elevation"] ?? "", step: "1"),
      choice(
        "variety", words["variety"], knowledge.varieties.map { ($0.id, $0.name.text(in: language)) },
        selected: values["variety"]),
      field("strain", words["strain"], value: values["strain"] ?? ""),
      field("substrate", words["substrate"], value: values["substrate"] ?? ""),
      field("bag-size", words["bag"], value: values["bag-size"] ?? "15x55", required: true),
      field(
        "dry-substrate-kg", words["dryKg"], type: "number", value: values["dry-substrate-kg"] ?? "", required: true,
        step: "0.01"),
      field("bags", words["bags"], type: "number", value: values["bags"] ?? "", required: true, step: "1"),
      field(
        "inoculated-on", words["inoculatedOn"], type: "date", value: values["inoculated-on"] ?? today().description,
        required: true),
      field("facility", words["facility"], value: values["facility"] ?? ""),
      field(
        "bags-contaminated", words["contaminated"], type: "number", value: values["bags-contaminated"] ?? "0", step: "1"
      ),
    ]
    return page(
      "agent", request, context, session: session, status: status,
      fields: [
        "form": ["title": words["addBatch"] ?? "", "action": "/agent/batch", "fields": fields] as [String: Any],
        "error": error as Any,
      ])
  }

  func addBatch(_ request: Request, _ context: MycoContext) async throws -> Response {
    _ = try signedIn(request, context)
    let pairs = try await form(request, context)
    let input = RecordInput(pairs: pairs, fields: RecordInput.batchFields)
    do {
      let batch = try records.add(batch: input, base: store.current)
      context.logger.info("agent \(context.agent ?? "?") recorded batch \(batch.id)")
      return try home(request, context, message: (pages.words(language(request))["saved"] ?? "") + " " + batch.id)
    } catch let error as InputError {
      return try batchPage(
        request, context, values: input.values, error: error.message, status: HTTPResponse.Status(code: error.status))
    }
  }

  func harvestPage(
    _ request: Request, _ context: MycoContext, values: [String: String] = [:], error: String? = nil,
    status: HTTPResponse.Status = .ok
  ) throws -> Response {
    let session = try signedIn(request, context)
    let words = pages.words(language(request))
    let batch = values["batch"] ?? request.uri.queryParameters["batch"].map(String.init) ?? ""
    let fields: [[String: Any]] = [
      field("batch", words["batchId"], value: batch, required: true),
      field("date", words["harvestedOn"], type: "date", value: values["date"] ?? today().description, required: true),
      field("flush", words["flush"], type: "number", value: values["flush"] ?? "1", required: true, step: "1"),
      field(
        "fresh-kg", words["freshKg"], type: "number", value: values["fresh-kg"] ?? "", required: true, step: "0.01"),
      field("grade", words["grade"], value: values["grade"] ?? ""),
      field(
        "price-yuan-per-kg", words["price"], type: "number", value: values["price-yuan-per-kg"] ?? "", step: "0.01"),
    ]
    return page(
      "agent", request, context, session: session, status: status,
      fields: [
        "form": ["title": words["addHarvest"] ?? "", "action": "/agent/harvest", "fields": fields] as [String: Any],
        "error": error as Any,
      ])
  }

  func addHarvest(_ request: Request, _ context: MycoContext) async throws -> Response {
    _ = try signedIn(request, context)
    let pairs = try await form(request, context)
    let input = RecordInput(pairs: pairs, fields: RecordInput.harvestFields)
    do {
      let harvest = try records.add(harvest: input)
      context.logger.info("agent \(context.agent ?? "?") recorded a harvest of batch \(harvest.batchID)")
      return try home(
        request, context, message: (pages.words(language(request))["saved"] ?? "") + " " + harvest.batchID)
    } catch let error as InputError {
      return try harvestPage(
        request, context, values: input.values, error: error.message, status: HTTPResponse.Status(code: error.status))
    }
  }

  func inputPage(
    _ request: Request, _ context: MycoContext, values: [String: String] = [:], error: String? = nil,
    status: HTTPResponse.Status = .ok
  ) throws -> Response {
    let session = try signedIn(request, context)
    let words = pages.words(language(request))
    let batch = values["batch"] ?? request.uri.queryParameters["batch"].map(String.init) ?? ""
    let fields: [[String: Any]] = [
      field("batch", words["batchId"], value: batch, required: true),
      field("date", words["usedOn"], type: "date", value: values["date"] ?? today().description, required: true),
      choice(
        "kind", words["kind"], InputKind.allCases.map { ($0.rawValue, words["kind." + $0.rawValue] ?? $0.rawValue) },
        selected: values["kind"] ?? "pesticide"),
      field("product", words["product"], value: values["product"] ?? "", required: true),
      field("amount", words["amount"], type: "number", value: values["amount"] ?? "", step: "any"),
      choice(
        "unit", words["unit"], [("", "—")] + InputUnit.allCases.map { ($0.rawValue, $0.rawValue) },
        selected: values["unit"]),
      field("target", words["target"], value: values["target"] ?? ""),
      field("note", words["note"], value: values["note"] ?? ""),
    ]
    return page(
      "agent", request, context, session: session, status: status,
      fields: [
        "form": ["title": words["addInput"] ?? "", "action": "/agent/input", "fields": fields] as [String: Any],
        "error": error as Any,
      ])
  }

  /// Records an input or spray: a banned product is refused with the reason; an unregistered
  /// pesticide is stored and its warning shown.
  func addInput(_ request: Request, _ context: MycoContext) async throws -> Response {
    _ = try signedIn(request, context)
    let pairs = try await form(request, context)
    let input = RecordInput(pairs: pairs, fields: RecordInput.inputFields)
    do {
      let stored = try records.add(input: input, base: store.current)
      context.logger.info("agent \(context.agent ?? "?") recorded \(stored.kind.rawValue) for batch \(stored.batchID)")
      let saved = (pages.words(language(request))["saved"] ?? "") + " " + stored.batchID + " · " + stored.product
      return try home(request, context, message: stored.warning.isEmpty ? saved : saved + " — ⚠ " + stored.warning)
    } catch let error as InputError {
      return try inputPage(
        request, context, values: input.values, error: error.message, status: HTTPResponse.Status(code: error.status))
    }
  }

  /// The yield report as the same HTML page `myco yields report --format html` writes.
  func reportPage(_ request: Request, _ context: MycoContext) throws -> Response {
    let session = try signedIn(request, context)
    let report: YieldReport
    do {
      report = try records.report(try RecordsService.query(request.queryPairs))
    } catch {
      return page(
        "agent", request, context, session: session, status: HTTPResponse.Status(code: error.status),
        fields: ["error": error.message, "home": true])
    }
    let base = store.current
    let yields = YieldReportPage(
      report: report, language: language(request) == .en ? .en : .zh,
      varietyNames: Dictionary(
        base.advisor.knowledge.varieties.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }))
    return Responses.html(try yields.html(base.sheets.templates))
  }
}

/// Compares two tokens in time independent of where they differ.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
  let x = Array(a.utf8), y = Array(b.utf8)
  guard x.count == y.count else { return false }
  return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
}

extension HTTPField.Name {
  static let retryAfter = Self("Retry-After")!
}
