import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import MycoServer
import NIOCore
import Testing

@Suite("Agent pages")
struct AgentPageTests {
  /// The session cookie (name=value) from a Set-Cookie header.
  static func cookie(_ response: TestResponse) -> String? {
    response.headers[.setCookie].flatMap { $0.split(separator: ";").first.map(String.init) }
  }

  static func csrf(_ page: String) -> String? {
    guard let range = page.range(of: "name=\"csrf\" value=\"") else { return nil }
    return String(page[range.upperBound...].prefix { $0 != "\"" })
  }

  static func form(_ pairs: [(String, String)]) -> ByteBuffer {
    ByteBuffer(string: AdviceRequest.encode(pairs))
  }

  static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

  /// Signs in and returns the signed-in cookie and the session's CSRF token.
  static func signIn(_ client: any TestClientProtocol) async throws -> (cookie: String, csrf: String) {
    let (cookie, csrf) = try await client.execute(uri: "/agent/sign-in", method: .get) { response in
      (try #require(Self.cookie(response)), try #require(Self.csrf(response.text)))
    }
    var headers = formType
    headers[.cookie] = cookie
    let signedIn = try await client.execute(
      uri: "/agent/sign-in", method: .post, headers: headers,
      body: form([("csrf", csrf), ("name", "agent1"), ("password", ServerFixture.password)])
    ) { response in
      #expect(response.status == .seeOther)
      return try #require(Self.cookie(response))
    }
    let newCSRF = try await client.execute(uri: "/agent/batch", method: .get, headers: [.cookie: signedIn]) {
      response in
      #expect(response.status == .ok)
      return try #require(Self.csrf(response.text))
    }
    return (signedIn, newCSRF)
  }

  @Test func sessionCookieIsHttpOnlyStrictAndSignInNeedsCSRF() async throws {
    let fixture = try ServerFixture()
    try await fixture.test { client in
      try await client.execute(uri: "/agent", method: .get) { response in
        #expect(response.status == .seeOther)
        #expect(response.headers[.location]?.hasPrefix("/agent/sign-in") == true)
      }
      let (cookie, csrf) = try await client.execute(uri: "/agent/sign-in", method: .get) { response in
        let header = try #require(response.headers[.setCookie])
        #expect(header.contains("HttpOnly"))
        #expect(header.contains("SameSite=Strict"))
        return (try #require(Self.cookie(response)), try #require(Self.csrf(response.text)))
      }
      var headers = Self.formType
      headers[.cookie] = cookie
      // Without the token, or with another one: 403.
      try await client.execute(
        uri: "/agent/sign-in", method: .post, headers: headers,
        body: Self.form([("name", "agent1"), ("password", ServerFixture.password)])
      ) {
        #expect($0.status == .forbidden)
      }
      try await client.execute(
        uri: "/agent/sign-in", method: .post, headers: Self.formType,
        body: Self.form([("csrf", csrf), ("name", "agent1"), ("password", ServerFixture.password)])
      ) { #expect($0.status == .forbidden, "no session cookie") }
      // Wrong password: 401, the form again.
      try await client.execute(
        uri: "/agent/sign-in", method: .post, headers: headers,
        body: Self.form([("csrf", csrf), ("name", "agent1"), ("password", "wrong-password")])
      ) { response in
        #expect(response.status == .unauthorized)
        #expect(response.text.contains("用户名或密码不对"))
      }
      let signedIn = try await client.execute(
        uri: "/agent/sign-in", method: .post, headers: headers,
        body: Self.form([("csrf", csrf), ("name", "agent1"), ("password", ServerFixture.password)])
      ) { response in
        #expect(response.status == .seeOther)
        return try #require(Self.cookie(response))
      }
      #expect(signedIn != cookie, "a new session id after sign-in")
      try await client.execute(uri: "/agent", method: .get, headers: [.cookie: signedIn]) { response in
        #expect(response.status == .ok)
        #expect(response.text.contains("agent1"))
      }
    }
  }

  @Test func signInIsRateLimitedPerClient() async throws {
    let fixture = try ServerFixture()  // 3 attempts
    try await fixture.test { client in
      let (cookie, csrf) = try await client.execute(uri: "/agent/sign-in", method: .get) { response in
        (try #require(Self.cookie(response)), try #require(Self.csrf(response.text)))
      }
      var headers = Self.formType
      headers[.cookie] = cookie
      for _ in 0..<3 {
        try await client.execute(
          uri: "/agent/sign-in", method: .post, headers: headers,
          body: Self.form([("csrf", csrf), ("name", "agent1"), ("password", "guess-guess")])
        ) {
          #expect($0.status == .unauthorized)
        }
      }
      try await client.execute(
        uri: "/agent/sign-in", method: .post, headers: headers,
        body: Self.form([("csrf", csrf), ("name", "agent1"), ("password", ServerFixture.password)])
      ) { response in
        #expect(response.status == .tooManyRequests)
        #expect(response.headers[.retryAfterTest] != nil)
      }
    }
  }

  @Test func agentRecordsABatchAndAHarvestAndSeesTheReport() async throws {
    let fixture = try ServerFixture()
    try await fixture.test { client in
      let (cookie, csrf) = try await Self.signIn(client)
      var headers = Self.formType
      headers[.cookie] = cookie
      let batch: [(String, String)] = [
        ("id", "WS-7"), ("grower", "农户乙"), ("variety", "shiitake"), ("bag-size", "15x55"), ("dry-substrate-kg", "1.1"),
        ("bags", "200"), ("inoculated-on", "2026-03-01"),
      ]
      try await client.execute(uri: "/agent/batch", method: .post, headers: headers, body: Self.form(batch)) {
        #expect($0.status == .forbidden, "no CSRF token")
      }
      try await client.execute(
        uri: "/agent/batch", method: .post, headers: headers, body: Self.form(batch + [("csrf", csrf)])
      ) { response in
        #expect(response.status == .ok)
        #expect(response.text.contains("已保存"))
      }
      try await client.execute(
        uri: "/agent/batch", method: .post, headers: headers, body: Self.form(batch + [("csrf", csrf)])
      ) { response in
        #expect(response.status == .unprocessableContent, "the id exists")
        #expect(response.text.contains("WS-7"))
      }
      try await client.execute(uri: "/agent/harvest?batch=WS-7", method: .get, headers: [.cookie: cookie]) { response in
        #expect(response.text.contains("value=\"WS-7\""))
      }
      let harvest: [(String, String)] = [
        ("batch", "WS-7"), ("date", "2026-05-02"), ("flush", "1"), ("fresh-kg", "120"), ("csrf", csrf),
      ]
      try await client.execute(uri: "/agent/harvest", method: .post, headers: headers, body: Self.form(harvest)) {
        response in
        #expect(response.status == .ok)
      }
      try await client.execute(uri: "/agent/report?by=variety", method: .get, headers: [.cookie: cookie]) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
        // The Chinese page names the variety by its Chinese name from the knowledge base.
        #expect(response.text.contains("<td>香菇</td>"))
      }
      try await client.execute(
        uri: "/agent/sign-out", method: .post, headers: headers, body: Self.form([("csrf", csrf)])
      ) { response in
        #expect(response.status == .seeOther)
      }
      try await client.execute(uri: "/agent/batch", method: .get, headers: [.cookie: cookie]) { response in
        #expect(response.status == .seeOther, "signed out")
      }
    }
  }
}

extension HTTPField.Name {
  static let retryAfterTest = Self("Retry-After")!
}

@Suite("Agent input page")
struct AgentInputPageTests {
  @Test func aBannedPesticideIsRefusedAndAnUnregisteredOneIsStoredWithAWarning() async throws {
    let fixture = try ServerFixture()
    let database = fixture.dependencies.database
    try await fixture.test { client in
      let (cookie, csrf) = try await AgentPageTests.signIn(client)
      var headers = AgentPageTests.formType
      headers[.cookie] = cookie
      let batch: [(String, String)] = [
        ("id", "WS-9"), ("grower", "农户丙"), ("variety", "shiitake"), ("bag-size", "15x55"), ("dry-substrate-kg", "1.1"),
        ("bags", "200"), ("inoculated-on", "2026-03-01"), ("csrf", csrf),
      ]
      try await client.execute(uri: "/agent/batch", method: .post, headers: headers, body: AgentPageTests.form(batch)) {
        #expect($0.status == .ok)
      }
      try await client.execute(uri: "/agent/input?batch=WS-9", method: .get, headers: [.cookie: cookie]) { response in
        #expect(response.status == .ok)
        #expect(response.text.contains("value=\"WS-9\""))
        #expect(response.text.contains("name=\"kind\""))
      }
      let banned: [(String, String)] = [
        ("batch", "WS-9"), ("date", "2026-04-01"), ("kind", "pesticide"), ("product", "甲胺磷"),
      ]
      try await client.execute(uri: "/agent/input", method: .post, headers: headers, body: AgentPageTests.form(banned))
      {
        #expect($0.status == .forbidden, "no CSRF token")
      }
      try await client.execute(
        uri: "/agent/input", method: .post, headers: headers, body: AgentPageTests.form(banned + [("csrf", csrf)])
      ) { response in
        #expect(response.status == .unprocessableContent)
        #expect(response.text.contains("never use it on edible fungi"))
      }
      let unregistered: [(String, String)] = [
        ("batch", "WS-9"), ("date", "2026-04-02"), ("kind", "pesticide"), ("product", "SomeUnknownSpray"),
        ("amount", "20"), ("unit", "ml"),
        ("target", "small-flies"), ("csrf", csrf),
      ]
      try await client.execute(
        uri: "/agent/input", method: .post, headers: headers, body: AgentPageTests.form(unregistered)
      ) { response in
        #expect(response.status == .ok)
        #expect(response.text.contains("not registered for edible fungi"))
      }
      try await client.execute(
        uri: "/agent/input", method: .post, headers: headers,
        body: AgentPageTests.form([
          ("batch", "WS-9"), ("date", "2026-04-02"), ("kind", "magic"), ("product", "x"), ("csrf", csrf),
        ])
      ) { response in
        #expect(response.status == .badRequest)
      }
    }
    let stored = try database.inputs(batch: "WS-9")
    #expect(stored.map(\.product) == ["SomeUnknownSpray"])
    #expect(stored.first?.warning.isEmpty == false)
  }
}
