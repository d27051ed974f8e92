import MycoKnowledge
import MycoRules
import Testing

/// The bag classes are an enum whose cases are the values of the `bag-class` fact.
@Suite struct BagClassTests {
  @Test func theEnumNamesTheVocabularysValues() throws {
    let declaration = try #require(Bundled.advisor.knowledge.vocabulary["bag-class"])
    #expect(declaration.values.map(\.id) == BagClass.allCases.map(\.rawValue))
  }

  @Test func fillWeightsAreClassedByTheTablesBounds() {
    let classes = Bundled.advisor.knowledge.bagClasses
    #expect(classes.classify(fillKg: classes.smallBelowKg - 0.01) == .small)
    #expect(classes.classify(fillKg: classes.smallBelowKg) == .standard)
    #expect(classes.classify(fillKg: classes.largeAboveKg) == .standard)
    #expect(classes.classify(fillKg: classes.largeAboveKg + 0.01) == .large)
  }
}
