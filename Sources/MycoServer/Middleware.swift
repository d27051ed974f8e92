import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One line per request: method, path (no query), status, milliseconds, client.
struct AccessLogMiddleware: RouterMiddleware {
  typealias Context = MycoContext
  let logger: Logger

  func handle(_ request: Request, context: MycoContext, next: (Request, MycoContext) async throws -> Response)
    async throws -> Response
  {
    let start = ContinuousClock.now
    let path = request.uri.path
    let client = context.clientKey
    func log(_ status: Int) {
      let elapsed = ContinuousClock.now - start
      let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
      logger.info("\(request.method) \(path) \(status) \(String(format: "%.1f", ms)) ms \(client)")
    }
    do {
      let response = try await next(request, context)
      log(response.status.code)
      return response
    } catch {
      log((error as? any HTTPResponseError)?.status.code ?? 500)
      throw error
    }
  }
}

/// Turns every error into a short JSON answer: an HTTP error keeps its status and its message,
/// anything else is a 500 with no detail (the detail goes to the log, never to the client).
struct ErrorMiddleware: RouterMiddleware {
  typealias Context = MycoContext

  func handle(_ request: Request, context: MycoContext, next: (Request, MycoContext) async throws -> Response)
    async throws -> Response
  {
    do {
      return try await next(request, context)
    } catch let error as HTTPError {
      var response = Responses.error(error.status, error.body ?? error.status.reasonPhrase)
      response.headers.append(contentsOf: error.headers)
      return response
    } catch let error as InputError {
      return Responses.error(error)
    } catch {
      context.logger.error("request failed: \(String(reflecting: error))")
      return Responses.error(.internalServerError, "internal error")
    }
  }
}
