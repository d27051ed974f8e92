import MycoDiagnostics
import ArgumentParser
import Foundation
import MycoCalendar
import MycoRecords
import MycoRules
import MycoSheets

/// The one way the `myco` commands write to the terminal.
///
/// Results (advice, listings, reports, JSON) go to standard output, so they can be piped or
/// redirected; everything said about the run goes to standard error: `wrote FILE`, `recorded …`,
/// `using knowledge: …`, progress, warnings and errors. Problems are rendered by ``line(_:)``, the
/// single place that turns a ``Diagnostic`` into text, and ``exitCode(for:)`` maps them to the exit code.
enum Console {
  /// Prints text to standard output without adding a newline. Control characters other than
  /// line feeds and tabs (ESC, CR, …, from rule files or typed values) are shown escaped, never
  /// sent to the terminal; JSON output has none, so it passes unchanged.
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data(TerminalText.escapedKeepingLayout(text).utf8))
  }

  /// Prints one line to standard error, control characters escaped as in `out`.
  static func error(_ line: String) {
    FileHandle.standardError.write(Data((TerminalText.escapedKeepingLayout(line) + "\n").utf8))
  }

  /// A diagnostic as one line: `FILE:LINE:COLUMN: error: message` (`warning:` for a warning;
  /// `FILE:ROW: error: column: message` for a record; `error: message` for a typed value). Control
  /// characters from the files (a cell's ESC or line feed) are shown escaped, so it stays one line.
  static func line(_ diagnostic: Diagnostic) -> String {
    diagnostic.line()
  }

  /// The exit status for a run that found `diagnostics`: 1 if any is an error, else 0.
  static func exitCode(for diagnostics: [Diagnostic]) -> ExitCode {
    diagnostics.contains { $0.severity == .error } ? .failure : .success
  }

  /// Prints every diagnostic to standard error, one line each, and returns the exit code to throw.
  static func failure(_ diagnostics: [Diagnostic]) -> ExitCode {
    for diagnostic in diagnostics { error(line(diagnostic)) }
    return diagnostics.isEmpty ? .failure : exitCode(for: diagnostics)
  }

  /// Writes a status line (`wrote FILE`, `recorded …`) to standard error: it says what the run
  /// did, and is not a result.
  static func status(_ line: String) { error(line) }

  /// Prints one problem with no file (`error: message`, as every diagnostic is rendered) and returns
  /// the exit code to throw.
  static func failure(_ kind: Diagnostic.Kind, field: String? = nil, _ message: String) -> ExitCode {
    failure([Diagnostic(kind: kind, field: field, message)])
  }

  /// Prints one line as it is (a message that is not a problem) and returns the exit code to throw.
  static func failure(_ message: String) -> ExitCode {
    error(message)
    return ExitCode.failure
  }
}

extension Console {
  /// Writes text to standard error without a newline (for a progress bar redrawn with `\r`).
  static func progress(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}

extension Console {
  /// An error in plain words: a Foundation file error becomes `cannot write PATH: Not a directory`
  /// (never `Error Domain=NSCocoaErrorDomain Code=512 …`); other errors print as they describe themselves.
  static func describe(_ error: any Error) -> String {
    let nsError = error as NSError
    guard nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain else { return "\(error)" }
    let path = (nsError.userInfo[NSFilePathErrorKey] as? String) ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
    let verb =
      switch nsError.code {
      case 256..<512: "cannot read"
      case 512..<1024: "cannot write"
      default: "cannot open"
      }
    let reason = OutputFile.plainWords(error)
    return path.map { "\(verb) \($0): \(reason)" } ?? reason
  }
}

extension Console {
  /// Runs `body`; prints a records error to stderr, one problem per line, and exits with 1.
  static func reportingRecordErrors(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as YieldRecordsError {
      throw Console.failure(error.diagnostics)
    } catch let error as ExitCode {
      throw error
    } catch let error as ValidationError {
      throw error
    } catch {
      throw Console.failure(.system, Console.describe(error))
    }
  }
}
