import Foundation
import HTTPTypes
import Hummingbird
import MycoCalendar
import MycoDiagnostics
import MycoKnowledge
import MycoRecords
import MycoRules
import NIOCore

/// The JSON API under `/api/v1`: advice, varieties, rules (read by anyone), batches and
/// harvests (written with a bearer token from `myco serve add-token`) and the yield report.
struct APIController: Sendable {
  let store: KnowledgeStore
  let records: RecordsService
  let accounts: AccountStore
  let today: @Sendable () -> CalendarDate
  let maxBody: Int

  func addRoutes(to group: RouterGroup<MycoContext>) {
    group.post("advice") { request, _ in try await advice(request) }
    group.get("varieties") { _, _ in varieties() }
    group.get("rules") { request, _ in rules(language(request)) }
    group.get("rules/{id}") { request, context in rule(try context.parameters.require("id"), language(request)) }
    group.post("batches") { request, _ in try await writeBatch(request) }
    group.post("harvests") { request, _ in try await writeHarvest(request) }
    group.get("report") { request, _ in try await report(request) }
  }

  func language(_ request: Request) -> Language { request.uri.queryParameters["lang"] == "en" ? .en : .zh }

  func jsonBody(_ request: Request) async throws -> Data {
    // Any content type is read as JSON (curl -d sends a form type): a body that is not JSON is a 400.
    return Data(buffer: try await request.collectLimited(maxBody))
  }

  /// `POST /advice`: the situation with the CLI's option names → the `myco advise --format json` object.
  func advice(_ request: Request) async throws -> Response {
    let data = try await jsonBody(request)
    let base = store.current
    do {
      let input = try AdviceRequest(json: data)
      let situation = try input.situation(base: base, today: today())
      return Responses.json(try base.advisor.advise(situation).json(language: input.language))
    } catch let error as InputError {
      return Responses.error(error)
    } catch let error as Diagnostic {
      return Responses.error(InputError(status: 422, error.message.english, field: error.situationField))
    }
  }

  struct VarietyEntry: Encodable {
    var id: String
    var name: [String: String]
    var latin: String
    var temperature_type: String
    var common_bags: [String]
  }

  func varieties() -> Response {
    Responses.json(
      encoding: store.current.advisor.knowledge.varieties.map {
        VarietyEntry(
          id: $0.id, name: ["zh": $0.name.text(in: .zh), "en": $0.name.text(in: .en)], latin: $0.latin,
          temperature_type: $0.temperatureType, common_bags: $0.commonBags)
      })
  }

  struct RuleEntry: Encodable {
    var id, certainty, title: String
    var priority: Int
    var topics, derives, conditions: [String]
    var sources: [Citation]
    var because: String?
    var file: String?
  }

  func entry(_ rule: Rule, _ language: Language, detail: Bool) -> RuleEntry {
    RuleEntry(
      id: rule.id, certainty: rule.certainty.rawValue, title: rule.title.text(in: language), priority: rule.priority,
      topics: rule.topics, derives: rule.derivedFacts, conditions: rule.condition.tests.map(\.summary),
      sources: rule.sources,
      because: detail ? rule.because.text(in: language) : nil,
      // Only the file's name and line: never a server path.
      file: detail ? "\(URL(fileURLWithPath: rule.location.file).lastPathComponent):\(rule.location.line)" : nil)
  }

  func rules(_ language: Language) -> Response {
    Responses.json(
      encoding: store.current.advisor.rules.rules.sorted { $0.id < $1.id }.map { entry($0, language, detail: false) })
  }

  func rule(_ id: String, _ language: Language) -> Response {
    guard let rule = store.current.advisor.rules.rule(id: id) else {
      return Responses.error(.notFound, "no rule with id '\(id)'", field: "id")
    }
    return Responses.json(encoding: entry(rule, language, detail: true))
  }

  /// The name behind the request's bearer token; 401 without one, 403 for a wrong one.
  func requireToken(_ request: Request) async throws -> String {
    guard let header = request.headers[.authorization] else {
      throw HTTPError(
        .unauthorized, headers: [.wwwAuthenticate: "Bearer"],
        message: "this needs a bearer token (myco serve add-token NAME)")
    }
    guard header.lowercased().hasPrefix("bearer ") else {
      throw HTTPError(
        .unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: "use 'Authorization: Bearer TOKEN'")
    }
    let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
    let accounts = accounts
    guard let name = await SlowWork.run({ accounts.tokenOwner(token) }) else {
      throw HTTPError(.forbidden, message: "this token is not valid")
    }
    return name
  }

  func writeBatch(_ request: Request) async throws -> Response {
    _ = try await requireToken(request)
    let data = try await jsonBody(request)
    do {
      let input = try RecordInput(json: data, fields: RecordInput.batchFields)
      let batch = try records.add(batch: input, base: store.current)
      return Responses.json("{\"recorded\":\"batch\",\"id\":\(jsonString(batch.id))}\n", status: .created)
    } catch {
      return Responses.error(error)
    }
  }

  func writeHarvest(_ request: Request) async throws -> Response {
    _ = try await requireToken(request)
    let data = try await jsonBody(request)
    do {
      let input = try RecordInput(json: data, fields: RecordInput.harvestFields)
      let harvest = try records.add(harvest: input)
      return Responses.json(
        "{\"recorded\":\"harvest\",\"batch\":\(jsonString(harvest.batchID)),\"flush\":\(harvest.flush)}\n",
        status: .created)
    } catch {
      return Responses.error(error)
    }
  }

  /// `GET /report?by=…&variety=…&from=…&to=…&advice=…` as the JSON of `myco yields report --format json`.
  func report(_ request: Request) async throws -> Response {
    _ = try await requireToken(request)
    do {
      let query = try RecordsService.query(request.queryPairs)
      return Responses.json(try records.report(query).rendered(as: .json))
    } catch {
      return Responses.error(error)
    }
  }
}

func jsonString(_ text: String) -> String {
  let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
  return String(decoding: data, as: UTF8.self)
}

/// Runs slow synchronous work (bcrypt, SQLite, Chromium) off the server's event loops.
enum SlowWork {
  static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await Task.detached(priority: .userInitiated) { work() }.value
  }
}
