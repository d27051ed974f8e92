import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Responses the routes share: HTML pages with a strict security policy, JSON and errors
/// that never carry a path or a stack trace.
enum Responses {
  /// Pages load nothing from elsewhere and post only to this server.
  static let pagePolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

  static func html(_ text: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
    var headers: HTTPFields = [
      .contentType: "text/html; charset=utf-8", .contentSecurityPolicy: pagePolicy,
      .xContentTypeOptions: "nosniff", .cacheControl: "no-store",
    ]
    headers.append(contentsOf: extra)
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8", .xContentTypeOptions: "nosniff"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  static func json(encoding value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    return json(String(decoding: data, as: UTF8.self) + "\n", status: status)
  }

  static func error(_ error: InputError) -> Response {
    json(error.json, status: HTTPResponse.Status(code: error.status))
  }

  static func error(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) -> Response {
    json(InputError(status: status.code, message, field: field).json, status: status)
  }

  static func redirect(_ location: String, headers extra: HTTPFields = [:]) -> Response {
    var headers: HTTPFields = [.location: location]
    headers.append(contentsOf: extra)
    return Response(status: .seeOther, headers: headers)
  }
}

extension HTTPField.Name {
  static let contentSecurityPolicy = Self("Content-Security-Policy")!
  static let xContentTypeOptions = Self("X-Content-Type-Options")!
}

extension Request {
  /// The body, refused with 413 above `limit` bytes.
  func collectLimited(_ limit: Int) async throws -> ByteBuffer {
    if let length = headers[.contentLength].flatMap(Int.init), length > limit {
      throw HTTPError(.contentTooLarge, message: "the request body is larger than \(limit / 1024) KB")
    }
    return try await body.collect(upTo: limit)
  }

  /// Query pairs in order (repeated keys kept).
  var queryPairs: [(String, String)] {
    formPairs(ByteBuffer(string: uri.query ?? ""))
  }
}

/// Decodes `a=1&b=2` (form bodies), `+` as space.
func formPairs(_ buffer: ByteBuffer) -> [(String, String)] {
  let text = String(buffer: buffer)
  return text.split(separator: "&").filter { !$0.isEmpty }.map { part in
    let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    func decode(_ s: Substring) -> String {
      String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
    }
    return (decode(pieces[0]), pieces.count > 1 ? decode(pieces[1]) : "")
  }
}
