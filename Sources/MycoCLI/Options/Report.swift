import ArgumentParser
import Foundation
import MycoRules

/// Writing results and problems to the terminal.
enum Report {
  /// Prints text to standard output without adding a newline.
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// Prints one line to standard error.
  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
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
