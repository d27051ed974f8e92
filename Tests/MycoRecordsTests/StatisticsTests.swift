import Testing
@testable import MycoRecords

@Suite struct StatisticsTests {
  @Test(arguments: [
    (1.0, 12.7062), (2.0, 4.3027), (5.0, 2.5706), (10.0, 2.2281), (30.0, 2.0423), (1000.0, 1.9623),
  ])
  func studentTQuantileMatchesTables(df: Double, expected: Double) {
    #expect(abs(Statistics.studentTQuantile(0.975, degreesOfFreedom: df) - expected) < 1e-4)
  }

  @Test func studentTCDFIsSymmetric() {
    #expect(abs(Statistics.studentTCDF(0, degreesOfFreedom: 7) - 0.5) < 1e-12)
    let upper = Statistics.studentTCDF(1.5, degreesOfFreedom: 4.5)
    let lower = Statistics.studentTCDF(-1.5, degreesOfFreedom: 4.5)
    #expect(abs(upper + lower - 1) < 1e-12)
  }

  @Test func meanAndStandardDeviation() {
    #expect(Statistics.mean([2, 4, 4, 4, 5, 5, 7, 9]) == 5)
    // Sample SD of that set: sqrt(32 / 7).
    #expect(abs(Statistics.standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])! - (32.0 / 7).squareRoot()) < 1e-12)
    #expect(Statistics.standardDeviation([3]) == nil)
    #expect(Statistics.confidenceInterval95([3]) == nil)
  }

  @Test func welchTestByHand() throws {
    // Given two samples with means 100 and 90 and SDs 28.284 and 14.142 (n = 2 each).
    let test = try #require(Statistics.welchTest([80, 120], [80, 100]))
    // Then se = sqrt(400 + 100), t = 10 / se, df = 500² / (400² + 100²).
    #expect(abs(test.difference - 10) < 1e-12)
    #expect(abs(test.t - 10 / 500.0.squareRoot()) < 1e-12)
    #expect(abs(test.degreesOfFreedom - 250_000.0 / 170_000) < 1e-12)
    #expect(test.p > 0.6 && test.p < 0.8)
  }
}
