import MycoRules
import Testing

@Suite struct ProductGuardPassTests {
  static let context = VerificationContext(productLists: [
    ProductList(
      kind: "banned-pesticide", severity: .error, name: .init(zh: "禁用名单", en: "never-use list"),
      products: [.init(id: "dichlorvos", names: ["敌敌畏", "dichlorvos"])]),
    ProductList(
      kind: "unregistered-pesticide", severity: .warning, name: .init(zh: "未登记名单", en: "unregistered list"),
      products: [.init(id: "cypermethrin", names: ["氯氰菊酯", "cypermethrin"])]),
  ])

  @Test func bannedProductIsAnError() throws {
    let fixture = try VerificationFixture(
      rule("p.ok", topic: "pests", text: "Hang yellow sticky cards.", when: #"<fact name="stage" is="spawn-run"/>"#)
        + rule("p.bad", priority: 60, topic: "pests", text: "Fumigate with Dichlorvos.", when: #"<fact name="stage" is="bagging"/>"#))
    let findings = try fixture.check(Self.context).findings
    #expect(findings.map(\.kind) == ["banned-pesticide"])
    #expect(findings.first?.severity == .error)
    #expect(findings.first?.rules == ["p.bad"])
    #expect(findings.first?.location.line == fixture.line(of: #"<rule id="p.bad""#))
  }

  @Test func unregisteredProductIsAWarning() throws {
    let fixture = try VerificationFixture(
      rule("p.spray", topic: "pests", text: "Spray beta-cypermethrin.", when: #"<fact name="stage" is="bagging"/>"#))
    let findings = try fixture.check(Self.context).findings
    #expect(findings.map(\.kind) == ["unregistered-pesticide"])
    #expect(findings.first?.severity == .warning)
  }

  @Test func avoidRuleMayNameABannedProduct() throws {
    let fixture = try VerificationFixture(
      rule("p.never", certainty: "avoid", topic: "pests", text: "Do not fumigate with dichlorvos.", when: #"<fact name="stage" is="bagging"/>"#))
    #expect(try fixture.check(Self.context).findings.isEmpty)
  }
}
