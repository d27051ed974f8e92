import Foundation
import MycoCalendar
import MycoKnowledge
import MycoSheets
import MycoUnits

/// Loads the repository's Knowledge/ and Rules/ once, and makes sheets from them.
enum Fixture {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let advisor: Advisor = {
    try! Advisor.load(
      knowledge: root.appendingPathComponent("Knowledge"), knowledgeName: "Knowledge",
      rules: root.appendingPathComponent("Rules"), rulesName: "Rules")
  }()

  static let maker = SheetMaker(advisor: advisor, templates: try! SheetTemplates.bundled())

  /// The README's example grower: 农户甲 in 官阳镇 (≈1,200 m, pesticides-places §2a).
  static func exampleRequest(language: SheetLanguage = .zh) -> SheetRequest {
    SheetRequest(
      situation: Situation(
        variety: "shiitake", elevation: 1200, date: CalendarDate(iso: "2026-08-20"),
        bag: BagDimensions(parsing: "15x55")),
      grower: "农户甲", village: "官阳镇", batchID: "A-001", language: language)
  }

  static func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("myco-sheets-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
