/// A cultivation bag's size: folded (lay-flat) width × length in centimetres.
///
/// The one bag-size type of advice, sheets and records. Growers write it `15x55`, `15X55`,
/// `15.5×55`, `15*55`, `15 x 55` or `15x55cm`; ``description`` writes it back as `15x55`.
public struct BagDimensions: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// Folded width in centimetres.
  public let widthCM: Double
  /// Length in centimetres.
  public let lengthCM: Double

  /// Creates a bag size; nil unless both sides are positive and finite.
  ///
  /// Whether the size is plausible is a separate check: ``problem(within:)``.
  public init?(widthCM: Double, lengthCM: Double) {
    guard widthCM.isFinite, lengthCM.isFinite, widthCM > 0, lengthCM > 0 else { return nil }
    self.widthCM = widthCM
    self.lengthCM = lengthCM
  }

  /// Parses `WIDTHxLENGTH` in cm: the separator `x`, `X`, `×` or `*`, spaces or tabs around
  /// the numbers, and `cm` after them are allowed. Nil when malformed (`15`, `15xx55`, `nanx55`)
  /// or not positive.
  public init?(parsing text: some StringProtocol) {
    let parts = String(text).lowercased().replacing("cm", with: "")
      .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "x" || $0 == "×" || $0 == "*" })
    guard parts.count == 2, let width = Self.number(parts[0]), let length = Self.number(parts[1]) else {
      return nil
    }
    self.init(widthCM: width, lengthCM: length)
  }

  /// How a bag size is written, for every message that refuses one:
  /// `a size like 15x55 (folded width × length, cm)`.
  public static let expectedForm = "a size like 15x55 (folded width × length, cm)"

  /// Why this size is refused, or nil when it lies within `limits`, e.g.
  /// `bag 1000x1000 cm is outside the sizes accepted (folded width 5–60 cm, length 10–120 cm)`.
  public func problem(within limits: BagSizeLimits = .standard) -> String? {
    limits.problem(widthCM: widthCM, lengthCM: lengthCM)
  }

  /// The text form, `15x55` or `15.5x55`: each number as typed, so that it reads back the same.
  public var description: String { "\(BagSizeLimits.plain(widthCM))x\(BagSizeLimits.plain(lengthCM))" }

  /// Narrower bags first, then shorter ones.
  public static func < (lhs: BagDimensions, rhs: BagDimensions) -> Bool {
    (lhs.widthCM, lhs.lengthCM) < (rhs.widthCM, rhs.lengthCM)
  }

  private enum CodingKeys: String, CodingKey {
    case widthCM, lengthCM
  }

  /// Decodes `{"widthCM": 15, "lengthCM": 55}`, refusing sides that are not positive and finite.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let width = try container.decode(Double.self, forKey: .widthCM)
    let length = try container.decode(Double.self, forKey: .lengthCM)
    guard let size = BagDimensions(widthCM: width, lengthCM: length) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "a bag's width and length must be positive"))
    }
    self = size
  }

  /// A decimal number written with `.` (an exponent is allowed), spaces and tabs around it
  /// ignored; nil for `nan`, `inf`, hex forms and anything else.
  private static func number(_ text: Substring) -> Double? {
    let trimmed = text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
    let digits = String(trimmed)
    guard !digits.isEmpty,
      digits.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 101 })
    else { return nil }
    guard let value = Double(digits), value.isFinite else { return nil }
    return value
  }
}
