import MycoUnits
import Testing

/// One 斤 factor: the market half-kilogram, used by the rule language, the records and the reports.
@Suite struct WeightUnitTests {
  @Test func oneJinIsHalfAKilogram() {
    #expect(WeightUnit.kg.kilograms == 1)
    #expect(WeightUnit.jin.kilograms == 0.5)
    #expect(WeightUnit.jin.fromKilograms(1.5) == 3)
    #expect(WeightUnit.kg.fromKilograms(1.5) == 1.5)
  }

  @Test func theOptionNamesAreTheRawValues() {
    #expect(WeightUnit.allCases.map(\.rawValue) == ["kg", "jin"])
    #expect(WeightUnit(rawValue: "斤") == nil)
  }
}
