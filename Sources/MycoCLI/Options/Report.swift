import ArgumentParser
import Foundation
import MycoCalendar
import MycoRules
import MycoSheets

/// Writing results and problems to the terminal.
enum Report {
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

  /// Prints every diagnostic to standard error and returns the exit code to throw.
  static func failure(_ diagnostics: [Diagnostic]) -> ExitCode {
    for diagnostic in diagnostics { error(diagnostic.description) }
    return ExitCode.failure
  }

  /// Prints one error message and returns the exit code to throw.
  static func failure(_ message: String) -> ExitCode {
    error(message)
    return ExitCode.failure
  }
}

extension Report {
  /// Writes text to standard error without a newline (for a progress bar redrawn with `\r`).
  static func progress(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}

extension Report {
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
