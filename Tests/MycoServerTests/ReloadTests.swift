import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
@testable import MycoServer
import Testing

@Suite("Reload")
struct ReloadTests {
  /// A copy of the repository's Knowledge/ and Rules/ that a test may break.
  static func copyOfBase() throws -> (knowledge: URL, rules: URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("myco-reload-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let knowledge = folder.appendingPathComponent("Knowledge")
    let rules = folder.appendingPathComponent("Rules")
    try FileManager.default.copyItem(at: ServerFixture.root.appendingPathComponent("Knowledge"), to: knowledge)
    try FileManager.default.copyItem(at: ServerFixture.root.appendingPathComponent("Rules"), to: rules)
    return (knowledge, rules)
  }

  @Test func aFailingReloadKeepsServingTheOldBaseAndAGoodOneSwaps() async throws {
    let (knowledge, rules) = try Self.copyOfBase()
    let fixture = try ServerFixture(knowledge: knowledge, rules: rules)
    let store = fixture.dependencies.store
    let before = store.current.advisor.rules.rules.count
    let logger = Logger(label: "test")
    // Break one rules file: the whole reload is refused.
    let broken = rules.appendingPathComponent("zz-broken.xml")
    try Data("<rules xmlns=\"urn:myco:rules:1\" version=\"x\"><rule id=\"oops\"".utf8).write(to: broken)
    #expect(throws: (any Error).self) { try store.reload() }
    #expect(!store.reloadLogged(logger))
    #expect(store.current.advisor.rules.rules.count == before)
    try await fixture.test { client in
      try await client.execute(uri: "/api/v1/advice", method: .post, body: ServerFixture.json(["variety": "shiitake"]))
      { response in
        #expect(response.status == .ok, "the old base still answers")
      }
    }
    // Remove the broken file and drop one rule file: the reload succeeds and the new base serves.
    try FileManager.default.removeItem(at: broken)
    let files = try FileManager.default.contentsOfDirectory(atPath: rules.path).filter { $0.hasSuffix(".xml") }.sorted()
    let dropped = try #require(files.first)
    try FileManager.default.removeItem(at: rules.appendingPathComponent(dropped))
    #expect(store.reloadLogged(logger))
    #expect(store.current.advisor.rules.rules.count < before)
  }

  @Test func hangupSignalReloads() async throws {
    let (knowledge, rules) = try Self.copyOfBase()
    let fixture = try ServerFixture(knowledge: knowledge, rules: rules)
    let store = fixture.dependencies.store
    let before = store.current.advisor.rules.rules.count
    let source = store.reloadOnHangup(Logger(label: "test"))
    defer { source.cancel() }
    let files = try FileManager.default.contentsOfDirectory(atPath: rules.path).filter { $0.hasSuffix(".xml") }.sorted()
    try FileManager.default.removeItem(at: rules.appendingPathComponent(try #require(files.first)))
    kill(getpid(), SIGHUP)
    // A reload is a full load of the copied base; on a busy 2-core machine a debug build can take
    // well over 10 s for it, so wait up to a minute (the loop ends as soon as the new base serves).
    for _ in 0..<600 where store.current.advisor.rules.rules.count == before {
      try await Task.sleep(for: .milliseconds(100))
    }
    #expect(store.current.advisor.rules.rules.count < before)
  }

  @Test func theServerRefusesToStartOnALoadError() throws {
    let (knowledge, rules) = try Self.copyOfBase()
    try Data("<knowledge".utf8).write(to: knowledge.appendingPathComponent("facts.xml"))
    #expect(throws: (any Error).self) { _ = try ServerFixture(knowledge: knowledge, rules: rules) }
  }
}
