import Foundation
import MycoKnowledge
import MycoSheets
import Testing

/// Issue #12 item 1: the sheet numbers its sources in the footer, each registry entry once.
@Suite struct SheetSourcesTests {
  @Test func footerNumbersEachSourceOnceWithItsShortCitation() throws {
    let model = try Fixture.maker.model(Fixture.exampleRequest())
    #expect(!model.sources.isEmpty)
    #expect(model.sources.map(\.number) == Array(1...model.sources.count))
    #expect(Set(model.sources.map(\.text)).count == model.sources.count)
    // Every rule reference points at footer numbers that exist.
    for rule in model.rules {
      let numbers = (rule.sources ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",")
      #expect(numbers.allSatisfy { Int($0).map { (1...model.sources.count).contains($0) } ?? false })
    }
    let html = try Fixture.maker.html(Fixture.exampleRequest())
    #expect(html.contains("[1] "))
    #expect(!html.contains("fungi-facts"))
    // An A-graded journal source is shown with its journal, a web page by its site only.
    let texts = model.sources.map(\.text)
    #expect(texts.contains { $0.hasPrefix("Ding Huguang 1987, 中国食用菌") })
    #expect(!texts.contains { $0.contains("http") })
  }
}
