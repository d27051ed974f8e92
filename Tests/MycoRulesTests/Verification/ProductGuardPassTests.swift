@testable import MycoRules
import Testing

@Suite struct ProductGuardPassTests {
  static let context = VerificationContext(productLists: [
    ProductList(
      kind: .bannedPesticide, severity: .error, name: .init(zh: "禁用名单", en: "never-use list"),
      products: [.init(id: "dichlorvos", names: ["敌敌畏", "dichlorvos"])]),
    ProductList(
      kind: .unregisteredPesticide, severity: .warning, name: .init(zh: "未登记名单", en: "unregistered list"),
      products: [.init(id: "cypermethrin", names: ["氯氰菊酯", "cypermethrin"])]),
  ])

  @Test func bannedProductIsAnError() throws {
    let fixture = try VerificationFixture(
      rule("p.ok", topic: "pests", text: "Hang yellow sticky cards.", when: #"<fact name="stage" is="spawn-run"/>"#)
        + rule(
          "p.bad", priority: 60, topic: "pests", text: "Fumigate with Dichlorvos.",
          when: #"<fact name="stage" is="bagging"/>"#))
    let findings = try fixture.check(Self.context).findings
    #expect(findings.map(\.kind) == [.bannedPesticide])
    #expect(findings.first?.severity == .error)
    #expect(findings.first?.rules == ["p.bad"])
    #expect(findings.first?.location.line == fixture.line(of: #"<rule id="p.bad""#))
  }

  @Test func unregisteredProductIsAWarning() throws {
    let fixture = try VerificationFixture(
      rule("p.spray", topic: "pests", text: "Spray cypermethrin.", when: #"<fact name="stage" is="bagging"/>"#))
    let findings = try fixture.check(Self.context).findings
    #expect(findings.map(\.kind) == [.unregisteredPesticide])
    #expect(findings.first?.severity == .warning)
  }

  @Test func avoidRuleMayNameABannedProduct() throws {
    let fixture = try VerificationFixture(
      rule(
        "p.never", certainty: "avoid", topic: "pests", text: "Do not fumigate with dichlorvos.",
        when: #"<fact name="stage" is="bagging"/>"#))
    #expect(try fixture.check(Self.context).findings.isEmpty)
  }
}

@Suite struct ProductGuardNegationTests {
  @Test func sentenceSayingNotToUseIsExempt() throws {
    let fixture = try VerificationFixture(
      rule(
        "p.clean", topic: "pests", text: "Clean the shed. Do not fumigate with dichlorvos.",
        when: #"<fact name="stage" is="bagging"/>"#))
    #expect(try fixture.check(ProductGuardPassTests.context).findings.isEmpty)
  }

  @Test func namesInOneCellAreSplit() {
    #expect(ProductGuardPass.split("cypermethrin / beta-cypermethrin") == ["cypermethrin", "beta-cypermethrin"])
    #expect(ProductGuardPass.split("HCH, DDT") == ["hch", "ddt"])
    #expect(
      ProductGuardPass.split("calcium, magnesium and zinc phosphides") == ["calcium, magnesium and zinc phosphides"])
    #expect(ProductGuardPass.split("六六六、滴滴涕") == ["六六六", "滴滴涕"])
  }
}

@Suite struct ProductGuardAllowListTests {
  @Test func registeredNameContainingAnUnregisteredOneIsFine() throws {
    var context = ProductGuardPassTests.context
    context.productLists.append(
      ProductList(
        kind: .registeredPesticide, severity: .info, name: .init(zh: "登记", en: "registered"),
        products: [.init(id: "beta-cyfluthrin", names: ["高效氟氯氰菊酯"])], isAllowList: true))
    let fixture = try VerificationFixture(
      rule("p.ok", topic: "pests", text: "用高效氟氯氰菊酯。", when: #"<fact name="stage" is="bagging"/>"#))
    #expect(try fixture.check(context).findings.isEmpty)
  }
}

/// Registrations are per crop (issue 11, item 7): a registered product advised by name must be
/// registered for every crop the rule can fire for.
@Suite struct ProductGuardScopeTests {
  static func context(scope: Set<String>) -> VerificationContext {
    VerificationContext(productLists: [
      ProductList(
        kind: .registeredPesticide, severity: .warning, name: .init(zh: "登记", en: "registered"),
        products: [.init(id: "cyromazine", names: ["灭蝇胺", "cyromazine"], scope: scope)], isAllowList: true,
        scopeFact: "variety", scopeKind: .pesticideCrop)
    ])
  }

  @Test func productForACropItIsRegisteredForIsFine() throws {
    let fixture = try VerificationFixture(
      rule("p.oyster", topic: "pests", text: "Use cyromazine.", when: #"<fact name="variety" is="oyster"/>"#))
    #expect(try fixture.check(Self.context(scope: ["oyster"])).findings.isEmpty)
  }

  @Test func productForAnotherCropIsAWarning() throws {
    let fixture = try VerificationFixture(
      rule("p.shiitake", topic: "pests", text: "Use cyromazine.", when: #"<fact name="variety" is="shiitake"/>"#))
    let findings = try fixture.check(Self.context(scope: ["oyster"])).findings
    #expect(findings.map(\.kind) == [.pesticideCrop])
    #expect(findings.first?.severity == .warning)
    #expect(findings.first?.message.english.contains("variety = shiitake") == true)
  }

  @Test func ruleOpenToEveryCropNeedsEveryCrop() throws {
    func fixture() throws -> VerificationFixture {
      try VerificationFixture(rule("p.any", topic: "pests", text: "用灭蝇胺。", when: #"<fact name="stage" is="bagging"/>"#))
    }
    #expect(try fixture().check(Self.context(scope: ["oyster"])).findings.map(\.kind) == [.pesticideCrop])
    #expect(try fixture().check(Self.context(scope: ["oyster", "shiitake"])).findings.isEmpty)
  }

  @Test func productWithoutKnownCropsMayNotBeAdvised() throws {
    let fixture = try VerificationFixture(
      rule("p.oyster", topic: "pests", text: "Use cyromazine.", when: #"<fact name="variety" is="oyster"/>"#)
        + rule(
          "p.no", priority: 60, topic: "pests.other", text: "Do not use cyromazine on mites.",
          when: #"<fact name="stage" is="bagging"/>"#))
    let findings = try fixture.check(Self.context(scope: [])).findings
    #expect(findings.map(\.rules) == [["p.oyster"]])
  }
}
