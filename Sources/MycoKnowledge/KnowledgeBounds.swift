import MycoDiagnostics
import MycoRules
import MycoUnits
import MycoXML

/// The plausible range of every number a knowledge table holds, checked when it loads.
///
/// The bundled schema (``BundledSchema/knowledge``) states the same bounds; this check also holds
/// when a table is read without it, and gives one message per number with its `FILE:LINE:COLUMN`.
/// Without bounds a typo becomes a hang (`for-days="99999999999"` makes every start-window scan
/// loop for hours) or nonsense advice (a 1e300 °C climate).
enum KnowledgeBounds {
  /// Whole numbers of days (`for-days`, `days-min`, …): up to ten years.
  static let days = 0.0...3650
  /// Temperatures in °C, far beyond any growing room or climate normal.
  static let temperature = -60.0...80

  /// The range of an attribute (nil: not a number this check knows), and whether it must be whole.
  static func bounds(element: String, attribute: String, quantity: String?) -> (ClosedRange<Double>, whole: Bool)? {
    switch attribute {
    case "for-days", "days-min", "days-max", "starts-after-days", "lasts-days": return (days, true)
    case "n" where element == "month": return (1...12, true)
    case "mean", "at-most", "at-least", "stays-at-least", "stays-at-most", "fruiting-min", "fruiting-max":
      return (temperature, false)
    case "reference-elevation-m", "from-m", "below-m": return (0...9000, false)
    case "lapse-rate-per-100m": return (0...2, false)
    case "width-cm": return (BagSizeLimits.standard.widthCM, false)
    case "length-cm": return (BagSizeLimits.standard.lengthCM, false)
    case "fill-kg-min", "fill-kg-max", "small-below-kg", "large-above-kg": return (0...10, false)
    case "min", "opt-min", "opt-max", "max":
      guard element == "range" else { return nil }
      switch quantity {
      case "temperature", "bag-temperature", "soil-temperature", "day-night-difference": return (temperature, false)
      case "humidity", "moisture", "soil-moisture": return (0...100, false)
      case "light": return (0...200_000, false)  // lx; full sunlight is about 100,000
      case "co2": return (0...1_000_000, false)  // ppm
      default: return (-1_000_000...1_000_000, false)
      }
    default: return nil
    }
  }

  /// A diagnostic for each number under `root` that is malformed or out of its range.
  static func check(_ root: ParsedElement) -> [Diagnostic] {
    var found: [Diagnostic] = []
    func visit(_ element: ParsedElement) {
      for (name, text) in element.attributes {
        guard let (range, whole) = bounds(element: element.name, attribute: name, quantity: element["quantity"]) else {
          continue
        }
        let value = whole ? Int(text).map(Double.init) : Double(text)
        guard let value, value.isFinite, range.contains(value) else {
          let kind = whole ? "a whole number" : "a number"
          found.append(
            Diagnostic(
              kind: .outOfRange, at: element.location,
              "<\(element.name)> \(name)='\(text)' is not \(kind) from \(Value.format(range.lowerBound)) to \(Value.format(range.upperBound))"
            ))
          continue
        }
      }
      element.children.forEach(visit)
    }
    visit(root)
    return found
  }
}
