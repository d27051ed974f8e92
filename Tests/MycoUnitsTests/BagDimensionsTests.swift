import Foundation
import MycoUnits
import Testing

/// One bag-size type for advice, sheets and records: one parser, one range check.
@Suite struct BagDimensionsTests {
  @Test(arguments: ["15x55", "15X55", "15×55", "15*55", "15 x 55", "15x55cm", "15 cm x 55 cm", "\t15\t*\t55 "])
  func everySpellingGrowersUseReadsAsTheSameSize(text: String) throws {
    let size = try #require(BagDimensions(parsing: text))
    #expect(size == BagDimensions(widthCM: 15, lengthCM: 55))
    #expect(size.description == "15x55")
  }

  @Test(arguments: [
    "", "15", "15x", "x55", "15xx55", "15x55x3", "nanx55", "infx55", "0x55", "-15x55", "0x1fx55", "fifteen x 55",
  ])
  func malformedOrNonPositiveSizesAreRefused(text: String) {
    #expect(BagDimensions(parsing: text) == nil)
  }

  @Test func decimalsAreKeptAsTyped() throws {
    #expect(try #require(BagDimensions(parsing: "15.5x55")).description == "15.5x55")
    #expect(try #require(BagDimensions(parsing: "0.0001x0.0001")).description == "0.0001x0.0001")
  }

  @Test func theRangeCheckNamesTheSizesAccepted() throws {
    #expect(try #require(BagDimensions(parsing: "5x10")).problem() == nil)
    #expect(try #require(BagDimensions(parsing: "60x120")).problem() == nil)
    #expect(
      try #require(BagDimensions(parsing: "1000x1000")).problem()
        == "bag 1000x1000 cm is outside the sizes accepted (folded width 5–60 cm, length 10–120 cm)")
    let narrow = BagSizeLimits(widthCM: 10...20, lengthCM: 10...120)
    #expect(try #require(BagDimensions(parsing: "22x45")).problem(within: narrow) != nil)
  }

  @Test func decodingRefusesAnImpossibleBag() throws {
    let decoder = JSONDecoder()
    #expect(try decoder.decode(BagDimensions.self, from: Data(#"{"widthCM":15,"lengthCM":55}"#.utf8)).lengthCM == 55)
    #expect(throws: DecodingError.self) {
      try decoder.decode(BagDimensions.self, from: Data(#"{"widthCM":0,"lengthCM":55}"#.utf8))
    }
  }
}

/// One elevation banding, whose bands come from whoever holds them (the knowledge base).
@Suite struct ElevationBandsTests {
  let bands = ElevationBands([
    ElevationBand(id: "high", fromMetres: 1500, belowMetres: nil),
    ElevationBand(id: "low", fromMetres: 0, belowMetres: 500),
    ElevationBand(id: "mid", fromMetres: 500, belowMetres: 1500),
  ])

  @Test func bandsAreSortedAndTheirBoundsAreHalfOpen() {
    #expect(bands.map(\.id) == ["low", "mid", "high"])
    #expect(bands.band(of: 0)?.id == "low")
    #expect(bands.band(of: 499.9)?.id == "low")
    #expect(bands.band(of: 500)?.id == "mid")
    #expect(bands.index(of: 2680) == 2)
    #expect(bands.band(of: -1) == nil)
  }
}
