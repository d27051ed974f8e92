import Foundation
import HTTPTypes
import Hummingbird
import MycoCalendar
import MycoKnowledge
import MycoRecords
import MycoSheets
import NIOCore

/// The extension agent's pages: sign in and out, add a batch, a harvest or an input (``RecordForm``),
/// the yield report.
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
    for recordForm in [RecordForm.batch, .harvest, .input] {
      router.get(RouterPath(recordForm.action)) { request, context in try formPage(recordForm, request, context) }
      router.post(RouterPath(recordForm.action)) { request, context in try await submit(recordForm, request, context) }
    }
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
