import Foundation
import MycoDiagnostics
import MycoRules
import MycoXML

/// The result of running test cases against an advisor.
public struct RuleTestRun: Sendable {
  /// One case's outcome: the expectations that failed (empty when it passed), or an error.
  public struct Result: Sendable {
    /// The case run.
    public var testCase: RuleTestCase
    /// One line per failed expectation, or the error the situation gave.
    public var failures: [String]
    /// True when every expectation held.
    public var passed: Bool { failures.isEmpty }
  }

  /// One result per case, in suite order.
  public var results: [Result]

  /// How many cases passed.
  public var passedCount: Int { results.filter(\.passed).count }
  /// How many cases failed.
  public var failedCount: Int { results.count - passedCount }

  /// Runs every case of `suite` against `advisor`.
  public init(suite: RuleTestSuite, advisor: Advisor) {
    results = suite.cases.map { testCase in
      let report: AdviceReport
      do throws(Diagnostic) { report = try advisor.advise(testCase.situation) } catch {
        return Result(
          testCase: testCase, failures: ["\(testCase.location): situation rejected: \(error.message.english)"])
      }
      let given = report.evaluation.advice + report.evaluation.warnings
      var failures: [String] = []
      for expectation in testCase.expectations {
        let found = given.contains(where: expectation.matches)
        if found != expectation.present {
          let got = given.map { "\($0.rule) (\($0.topic), \($0.certainty.rawValue))" }.joined(separator: "; ")
          var line = "\(expectation.location): \(expectation)"
          if expectation.present, let rule = expectation.rule, let why = report.whyNot(rule, language: .en) {
            line += " — \(why)"
          }
          failures.append(line + (expectation.present ? "; got: \(got.isEmpty ? "no advice" : got)" : ""))
        }
      }
      return Result(testCase: testCase, failures: failures)
    }
  }

  /// One line per case (`PASS id` / `FAIL id` with reasons), then `N passed, N failed`.
  public var text: String {
    var lines: [String] = []
    for result in results {
      lines.append("\(result.passed ? "PASS" : "FAIL") \(result.testCase.id)")
      lines += result.failures.map { "     \($0)" }
    }
    lines.append("\(passedCount) passed, \(failedCount) failed")
    return lines.joined(separator: "\n") + "\n"
  }

  /// `{"cases": [{"id", "passed", "failures"}], "passed": N, "failed": N}`.
  public var json: String {
    struct Case: Encodable { var id: String; var passed: Bool; var failures: [String] }
    struct Document: Encodable { var cases: [Case]; var passed: Int; var failed: Int }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let document = Document(
      cases: results.map { Case(id: $0.testCase.id, passed: $0.passed, failures: $0.failures) }, passed: passedCount,
      failed: failedCount)
    return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
  }
}
