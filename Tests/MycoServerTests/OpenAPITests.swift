import Foundation
import Hummingbird
@testable import MycoServer
import Testing

@Suite("OpenAPI")
struct OpenAPITests {
  /// `METHOD /path` for each operation in Docs/openapi.yaml (paths at two spaces under `paths:`,
  /// methods at four).
  static func documented() throws -> Set<String> {
    let text = try String(contentsOf: ServerFixture.root.appendingPathComponent("Docs/openapi.yaml"), encoding: .utf8)
    var inPaths = false
    var path: String?
    var found = Set<String>()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line == "paths:" { inPaths = true; continue }
      guard inPaths else { continue }
      if !line.hasPrefix(" "), !line.isEmpty { inPaths = false; continue }
      if line.hasPrefix("  /"), !line.hasPrefix("   ") { path = String(line.dropFirst(2).dropLast()); continue }
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("    "), !line.hasPrefix("     "),
        let method = ["get", "post", "put", "delete", "patch"].first(where: { trimmed == "\($0):" }), let path
      {
        found.insert("\(method.uppercased()) \(path)")
      }
    }
    return found
  }

  @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
    let fixture = try ServerFixture()
    let routes = Set(fixture.router().routes.map { "\($0.method) \($0.path)" })
    let documented = try Self.documented()
    #expect(routes.count > 10)
    #expect(
      routes.subtracting(documented).isEmpty, "not in Docs/openapi.yaml: \(routes.subtracting(documented).sorted())")
    #expect(
      documented.subtracting(routes).isEmpty, "documented but not served: \(documented.subtracting(routes).sorted())")
  }
}
