import Foundation
import MycoCalendar
import MycoKnowledge

/// The addresses a sheet's QR codes open on `myco serve`: the same situation's advice on the
/// phone page and, for a sheet with a batch id, the agent's harvest form for that batch.
public enum SheetLinks {
  /// `BASE/advice?variety=…&elevation=…` with the option names of `myco advise`.
  public static func advice(base: String, situation: Situation, language: Language) -> String {
    var pairs: [(String, String)] = [("variety", situation.variety)]
    func add(_ key: String, _ value: String?) { if let value { pairs.append((key, value)) } }
    func number(_ value: Double?) -> String? {
      value.map { $0 == $0.rounded() && abs($0) < 1e9 ? String(Int($0)) : String($0) }
    }
    add("elevation", number(situation.elevation))
    add("date", situation.date?.description)
    add("bag", situation.bag?.description)
    add("strain", situation.strain)
    add("substrate", situation.substrate)
    add("stage", situation.stage)
    add("facility", situation.facility)
    add("temperature", number(situation.temperature))
    add("bag-temperature", number(situation.bagTemperature))
    add("humidity", number(situation.humidity))
    add("day-night-difference", number(situation.dayNightDifference))
    if let symptoms = situation.symptoms {
      pairs.append(("symptoms-asked", "1"))
      pairs += symptoms.sorted().map { ("symptom", $0) }
    }
    pairs.append(("lang", language.rawValue))
    return trimmed(base) + "/advice?" + encode(pairs)
  }

  /// `BASE/agent/harvest?batch=ID`.
  public static func harvest(base: String, batchID: String) -> String {
    trimmed(base) + "/agent/harvest?" + encode([("batch", batchID)])
  }

  static func trimmed(_ base: String) -> String {
    base.hasSuffix("/") ? String(base.dropLast()) : base
  }

  /// `a=1&b=2`, every byte but unreserved ones percent-encoded.
  public static func encode(_ pairs: [(String, String)]) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    func escape(_ text: String) -> String {
      // alphanumerics includes non-ASCII letters: encode those too.
      text.unicodeScalars.map { scalar in
        scalar.isASCII && allowed.contains(scalar)
          ? String(scalar) : String(scalar).addingPercentEncoding(withAllowedCharacters: .init())!
      }.joined()
    }
    return pairs.map { "\(escape($0))=\(escape($1))" }.joined(separator: "&")
  }
}
