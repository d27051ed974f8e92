import Foundation
import MycoDiagnostics
import Synchronization

/// What a batch print did: the sheets written and the rows that could not be printed.
public struct BatchResult: Sendable {
  /// Rows given (printable and not).
  public var total: Int
  /// Written sheets by line number, in line order.
  public var written: [(line: Int, sheet: WrittenSheet)]
  /// Rows that could not be printed, in line order.
  public var failures: [Diagnostic]

  /// `printed 29 of 30 sheets; 1 row could not be printed:` and one line per bad row.
  public var summary: String {
    var lines = ["printed \(written.count) of \(total) sheets"]
    if !failures.isEmpty {
      lines[0] += "; \(failures.count) row\(failures.count == 1 ? "" : "s") could not be printed:"
      lines += failures.map { "  \($0)" }
    }
    return lines.joined(separator: "\n")
  }
}

/// Prints one sheet per grower row into a folder, a few at a time.
public struct BatchPrinter: Sendable {
  public let writer: SheetWriter
  /// How many sheets are printed at once (each PDF is one Chromium process).
  public var jobs: Int

  public init(writer: SheetWriter, jobs: Int = 2) {
    self.writer = writer
    self.jobs = max(1, jobs)
  }

  /// Prints `rows` into `folder` as `NAME.pdf` (+ `.html`) or `NAME.html`; rows that fail are
  /// reported, the others still print. `progress(done, total)` is called after each row, in order of completion.
  public func print(
    _ rows: [GrowerRow], failures earlier: [Diagnostic], file: String, to folder: URL, format: SheetFormat,
    progress: @Sendable (Int, Int) -> Void = { _, _ in }
  ) -> BatchResult {
    let total = rows.count + earlier.count
    let state = Mutex((next: 0, done: earlier.count, written: [(Int, WrittenSheet)](), failures: earlier))
    progress(earlier.count, total)
    DispatchQueue.concurrentPerform(iterations: min(jobs, max(rows.count, 1))) { _ in
      while true {
        let index = state.withLock { state -> Int? in
          guard state.next < rows.count else { return nil }
          defer { state.next += 1 }
          return state.next
        }
        guard let index else { return }
        let row = rows[index]
        let out = folder.appendingPathComponent(row.name + "." + format.rawValue)
        let outcome = Result { () throws(Diagnostic) in try writer.write(row.request, to: out, format: format) }
        let done = state.withLock { state -> Int in
          switch outcome {
          case .success(let sheet): state.written.append((row.line, sheet))
          case .failure(let error):
            state.failures.append(Diagnostic.atRow(row.line, of: file, error))
          }
          state.done += 1
          return state.done
        }
        progress(done, total)
      }
    }
    return state.withLock { state in
      BatchResult(
        total: total, written: state.written.sorted { $0.0 < $1.0 }.map { (line: $0.0, sheet: $0.1) },
        failures: state.failures.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) })
    }
  }
}

/// A one-line progress bar for a terminal: `[#########...........] 12/30`.
public enum ProgressBar {
  public static func line(done: Int, total: Int, width: Int = 30) -> String {
    let filled = total == 0 ? width : width * done / total
    return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      + "] \(done)/\(total)"
  }
}
