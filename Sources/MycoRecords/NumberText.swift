import Foundation

/// Number formatting that is the same on every machine and locale.
public enum NumberText {
  /// The shortest text that reads back as the same `Double`; whole numbers without `.0`.
  /// Used for stored values, so CSV export → import → export is lossless.
  static func plain(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    return "\(value)"
  }

  /// Fixed decimals (`fixed(3.14159, 1)` is `3.1`), for reports. Never `-0.0`.
  public static func fixed(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "" }
    let text = String(format: "%.\(decimals)f", value)
    if text.hasPrefix("-"), let number = Double(text), number == 0 {
      return String(text.dropFirst())
    }
    return text
  }

  /// Parses a decimal number written with `.` (an exponent is allowed); rejects `nan`, `inf`,
  /// hex forms and spaces.
  static func parse(_ text: Substring) -> Double? {
    guard !text.isEmpty else { return nil }
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
        UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E"):
        continue
      default:
        return nil
      }
    }
    guard let value = Double(text), value.isFinite else { return nil }
    return value
  }

  /// Parses a whole number written in decimal digits (an optional sign).
  static func parseInt(_ text: Substring) -> Int? {
    Int(text)
  }
}

extension Substring {
  /// The text without leading and trailing spaces and tabs.
  func trimmed() -> Substring {
    var text = self
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return text
  }
}
