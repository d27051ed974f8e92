import Foundation
import HTTPTypes
import HummingbirdTesting
import MycoCalendar
import MycoKnowledge
import MycoUnits
@testable import MycoServer
import NIOCore
import Testing

@Suite("JSON API")
struct APITests {
  nonisolated(unsafe) static let seed: [String: Any] = [
    "variety": "shiitake", "elevation": 300, "date": "2026-08-15", "bag": "18x60", "stage": "spawn-run",
    "temperature": 31, "symptoms": ["mites"], "lang": "zh",
  ]

  @Test func adviceIsTheSameObjectAsTheCLIJSON() async throws {
    let fixture = try ServerFixture()
    let situation = Situation(
      variety: "shiitake", elevation: 300, date: CalendarDate(iso: "2026-08-15"), bag: BagDimensions(parsing: "18x60"),
      stage: "spawn-run", temperature: 31, symptoms: ["mites"])
    let expected = try fixture.dependencies.store.current.advisor.advise(situation).json(language: .zh)
    try await fixture.test { client in
      try await client.execute(
        uri: "/api/v1/advice", method: .post, headers: [.contentType: "application/json"],
        body: ServerFixture.json(Self.seed)
      ) { response in
        #expect(response.status == .ok)
        #expect(response.text == expected)
      }
    }
  }

  @Test func badRequestsGetAJSONErrorNamingTheField() async throws {
    let fixture = try ServerFixture()
    try await fixture.test { client in
      func post(_ body: ByteBuffer, _ check: @escaping @Sendable (TestResponse) throws -> Void) async throws {
        try await client.execute(
          uri: "/api/v1/advice", method: .post, headers: [.contentType: "application/json"], body: body
        ) { try check($0) }
      }
      try await post(ByteBuffer(string: "{\"variety\": ")) { response in
        #expect(response.status == .badRequest)
        #expect(ServerFixture.object(response.body)["error"] as? String != nil)
      }
      try await post(ServerFixture.json(["variety": "shiitake", "colour": "brown"])) { response in
        #expect(response.status == .badRequest)
        #expect(ServerFixture.object(response.body)["field"] as? String == "colour")
      }
      try await post(ServerFixture.json(["variety": "shiitake", "elevation": "high"])) { response in
        #expect(response.status == .badRequest)
        #expect(ServerFixture.object(response.body)["field"] as? String == "elevation")
      }
      try await post(ServerFixture.json(["variety": "shiitake", "elevation": true])) { response in
        #expect(response.status == .badRequest)
      }
      try await post(ServerFixture.json(["variety": "truffle"])) { response in
        #expect(response.status == .unprocessableContent)
        let object = ServerFixture.object(response.body)
        #expect(object["field"] as? String == "variety")
        #expect((object["known"] as? [String])?.contains("shiitake") == true)
      }
      try await post(ServerFixture.json(["variety": "shiitake", "humidity": 140])) { response in
        #expect(response.status == .unprocessableContent)
        #expect(ServerFixture.object(response.body)["field"] as? String == "humidity")
      }
      // 64 KB and one byte more.
      let big = "{\"variety\":\"shiitake\",\"strain\":\"" + String(repeating: "x", count: 64 * 1024) + "\"}"
      try await post(ByteBuffer(string: big)) { response in
        #expect(response.status == .contentTooLarge)
        #expect(ServerFixture.object(response.body)["error"] != nil)
      }
    }
  }

  @Test func varietiesAndRulesWithoutPaths() async throws {
    let fixture = try ServerFixture()
    let rule = try #require(fixture.dependencies.store.current.advisor.rules.rules.first)
    try await fixture.test { client in
      try await client.execute(uri: "/api/v1/varieties", method: .get) { response in
        let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
        #expect(list.contains { $0["id"] as? String == "shiitake" })
      }
      try await client.execute(uri: "/api/v1/rules?lang=en", method: .get) { response in
        let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
        #expect(list.count == fixture.dependencies.store.current.advisor.rules.rules.count)
        #expect(!response.text.contains(ServerFixture.root.path))
      }
      try await client.execute(uri: "/api/v1/rules/\(rule.id)", method: .get) { response in
        #expect(response.status == .ok)
        let object = ServerFixture.object(response.body)
        #expect(object["id"] as? String == rule.id)
        #expect(object["because"] != nil)
        #expect(!response.text.contains(ServerFixture.root.path))
      }
      try await client.execute(uri: "/api/v1/rules/no.such.rule", method: .get) { response in
        #expect(response.status == .notFound)
      }
    }
  }

  @Test func writesNeedAValidBearerToken() async throws {
    let fixture = try ServerFixture()
    let token = fixture.token
    let batch: [String: Any] = [
      "id": "WS-1", "grower": "农户甲", "variety": "shiitake", "bag-size": "15x55", "dry-substrate-kg": 1.0, "bags": 100,
      "inoculated-on": "2026-03-01", "advice-rules": ["shiitake.bag.smaller-bags-in-heat"],
    ]
    let batchBody = ServerFixture.json(batch)
    var unknownBatch = batch
    unknownBatch["id"] = "WS-2"
    unknownBatch["variety"] = "truffle"
    let unknownBody = ServerFixture.json(unknownBatch)
    try await fixture.test { client in
      try await client.execute(
        uri: "/api/v1/batches", method: .post, headers: [.contentType: "application/json"], body: batchBody
      ) {
        #expect($0.status == .unauthorized)
        #expect($0.headers[.wwwAuthenticate] == "Bearer")
      }
      try await client.execute(
        uri: "/api/v1/batches", method: .post,
        headers: [.authorization: "Bearer field-app." + String(repeating: "0", count: 64)],
        body: batchBody
      ) { #expect($0.status == .forbidden) }
      try await client.execute(uri: "/api/v1/report?by=variety", method: .get) { #expect($0.status == .unauthorized) }
      let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
      try await client.execute(uri: "/api/v1/batches", method: .post, headers: auth, body: batchBody) { response in
        #expect(response.status == .created)
      }
      // The same id again is refused with the problem, and nothing else is written.
      try await client.execute(uri: "/api/v1/batches", method: .post, headers: auth, body: batchBody) { response in
        #expect(response.status == .unprocessableContent)
        #expect(ServerFixture.object(response.body)["field"] as? String == "id")
      }
      try await client.execute(uri: "/api/v1/batches", method: .post, headers: auth, body: unknownBody) { response in
        #expect(response.status == .unprocessableContent)
        #expect(ServerFixture.object(response.body)["field"] as? String == "variety")
      }
      try await client.execute(
        uri: "/api/v1/batches", method: .post, headers: auth, body: ServerFixture.json(["id": "x", "bag": 1])
      ) { response in
        #expect(response.status == .badRequest)
        #expect(ServerFixture.object(response.body)["field"] as? String == "bag")
      }
      let harvest = ServerFixture.json(["batch": "WS-1", "date": "2026-05-01", "flush": 1, "fresh-kg": 55.5])
      try await client.execute(uri: "/api/v1/harvests", method: .post, headers: auth, body: harvest) { response in
        #expect(response.status == .created)
      }
      try await client.execute(
        uri: "/api/v1/harvests", method: .post, headers: auth,
        body: ServerFixture.json(["batch": "nope", "date": "2026-05-01", "flush": 1, "fresh-kg": 1])
      ) { response in
        #expect(response.status == .unprocessableContent)
      }
      try await client.execute(uri: "/api/v1/report?by=variety", method: .get, headers: auth) { response in
        #expect(response.status == .ok)
        #expect(response.text.contains("shiitake"))
        #expect(response.text.contains("0.555"))
      }
      try await client.execute(uri: "/api/v1/report?by=colour", method: .get, headers: auth) { response in
        #expect(response.status == .badRequest)
        #expect(ServerFixture.object(response.body)["field"] as? String == "by")
      }
    }
  }
}
