import Foundation
import HummingbirdTesting
import MycoKnowledge
import MycoSheets
import MycoTestSupport
import MycoUnits
@testable import MycoServer
import Testing

/// The grower's page in a real browser: headless Chromium at a phone's 390 × 844, against the
/// server on a real socket. Skipped where Chromium is not installed (CI installs it).
@Suite("Phone page in Chromium", .enabled(if: PDFPrinterAvailable.value))
struct PhonePageTests {
  /// Runs Chromium headless on a URL with extra flags; returns its standard output.
  static func chromium(_ arguments: [String]) throws -> String {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("myco-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let executable = try #require(MycoSheets.PDFPrinter.find()).executable
    let arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--user-data-dir=\(profile.path)",
        "--window-size=390,844", "--force-device-scale-factor=1",
      ] + arguments
    return try Processes.run(executable, arguments).out
  }

  /// The query a browser sends when this form is submitted with `choices` (checked radios and
  /// boxes, chosen options, typed values); every other field keeps its value from the page.
  static func submit(form page: String, choices: [String: String]) throws -> String {
    let start = try #require(page.range(of: "<form method=\"get\" action=\"/advice\">"))
    let form = page[start.upperBound...].prefix { _ in true }
    let end = try #require(form.range(of: "</form>"))
    let body = String(form[..<end.lowerBound])
    var pairs: [(String, String)] = []
    var named = Set<String>()
    // inputs and selects in document order
    let pattern = try NSRegularExpression(pattern: "<(input|select)([^>]*)>")
    for match in pattern.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
      let tag = String(body[Range(match.range(at: 1), in: body)!])
      let attributes = String(body[Range(match.range(at: 2), in: body)!])
      func attribute(_ name: String) -> String? {
        guard let range = attributes.range(of: " \(name)=\"") else { return nil }
        return String(attributes[range.upperBound...].prefix { $0 != "\"" })
      }
      guard let name = attribute("name") else { continue }
      let type = attribute("type") ?? (tag == "select" ? "select" : "text")
      switch type {
      case "radio", "checkbox":
        if choices[name] == attribute("value") { pairs.append((name, attribute("value") ?? "on")) }
      default:
        guard !named.contains(name) || type == "hidden" else { continue }
        named.insert(name)
        pairs.append((name, choices[name] ?? attribute("value") ?? ""))
      }
    }
    return AdviceRequest.encode(pairs)
  }

  @Test func growerSubmitsTheFormAndReadsTheAdvice() async throws {
    let fixture = try ServerFixture()
    let shots =
      ProcessInfo.processInfo.environment["MYCO_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.temporaryDirectory.appendingPathComponent("myco-shots-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
    let situation = Situation(
      variety: "shiitake", elevation: 300, date: ServerFixture.today, bag: BagDimensions(parsing: "18x60"),
      stage: "spawn-run", temperature: 31, symptoms: ["mites"])
    let report = try fixture.dependencies.store.current.advisor.advise(situation)
    let expected = report.fill(try #require(report.advice.first).text.text(in: .zh), language: .zh)
    try await fixture.app().test(.live) { client in
      let base = "http://127.0.0.1:\(try #require(client.port))"
      // The page as Chromium builds it, and its picture at phone size.
      let dom = try Self.chromium(["--dump-dom", base + "/"])
      #expect(dom.contains("看建议"))
      _ = try Self.chromium(["--screenshot=\(shots.appendingPathComponent("phone-grower.png").path)", base + "/"])
      // Submit: the query the browser sends for these choices (the date keeps the page's default).
      let query = try Self.submit(
        form: dom,
        choices: [
          "variety": "shiitake", "elevation": "300", "bag": "18x60", "stage": "spawn-run", "temperature": "31",
          "symptom": "mites",
        ])
      #expect(query.contains("date=2026-08-15"))
      let answer = try Self.chromium(["--dump-dom", base + "/advice?" + query])
      #expect(answer.contains(expected), "the advice text as the engine gives it")
      #expect(answer.contains("/sheet.pdf?"))
      _ = try Self.chromium([
        "--screenshot=\(shots.appendingPathComponent("phone-answer.png").path)", base + "/advice?" + query,
      ])
    }
    for name in ["phone-grower.png", "phone-answer.png"] {
      let data = try #require(FileManager.default.contents(atPath: shots.appendingPathComponent(name).path))
      #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is a PNG")
    }
  }

  /// A client that sends half a request and stops is cut off after the idle timeout (1 s here).
  @Test func aStalledClientIsDisconnected() async throws {
    let fixture = try ServerFixture()
    try await fixture.app().test(.live) { client in
      let port = try #require(client.port)
      let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      defer { close(descriptor) }
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = in_port_t(UInt16(port).bigEndian)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      #expect(connected == 0)
      var wait = timeval(tv_sec: 10, tv_usec: 0)
      setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
      let partial = Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8)
      _ = partial.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
      let started = Date()
      var buffer = [UInt8](repeating: 0, count: 512)
      let got = recv(descriptor, &buffer, buffer.count, 0)
      #expect(got <= 0, "the server closed the connection")
      #expect(Date().timeIntervalSince(started) < 8)
    }
  }
}
