import Foundation
import MycoDiagnostics
import MycoKnowledge

/// Makes sheets: advice from the engine, the sheet model, then HTML from the templates.
public struct SheetMaker: Sendable {
  public let advisor: Advisor
  public let templates: SheetTemplates

  public init(advisor: Advisor, templates: SheetTemplates) {
    self.advisor = advisor
    self.templates = templates
  }

  /// The sheet model for a request; throws for an impossible situation (unknown variety, …).
  public func model(_ request: SheetRequest) throws(Diagnostic) -> SheetModel {
    let report: AdviceReport
    do { report = try advisor.advise(request.situation) } catch { throw error }
    return SheetBuilder(report: report, request: request, labels: templates.labels).build()
  }

  /// The sheet as a self-contained HTML page (same request and knowledge base: same bytes).
  public func html(_ request: SheetRequest) throws(Diagnostic) -> String {
    templates.html(try model(request))
  }
}
