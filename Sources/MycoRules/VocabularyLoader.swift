import MycoDiagnostics
import Foundation
import MycoXML

/// Reads a fact vocabulary (`<vocabulary>` files) and checks each declaration.
public struct VocabularyLoader: Sendable {
  private let schema: XMLSchema?

  /// - Parameter schema: the vocabulary XSD; nil skips schema validation.
  public init(schema: XMLSchema?) { self.schema = schema }

  /// Loads one vocabulary file; all-or-nothing.
  public func load(file url: URL, displayName: String) throws(Diagnostics) -> Vocabulary {
    let root: ParsedElement
    do { root = try XMLReader.read(file: url, displayName: displayName, schema: schema) } catch {
      throw error
    }
    return try load(root)
  }

  /// Loads a vocabulary held in memory; `displayName` is the file name its messages show.
  public func load(data: Data, displayName: String) throws(Diagnostics) -> Vocabulary {
    let root: ParsedElement
    do { root = try XMLReader.parse(data: data, name: displayName, schema: schema) } catch {
      throw error
    }
    return try load(root)
  }

  private func load(_ root: ParsedElement) throws(Diagnostics) -> Vocabulary {
    var diagnostics: [Diagnostic] = []
    var vocabulary = Vocabulary()
    var seen: [String: SourceLocation] = [:]
    let elements = root.children(named: "fact")
    for element in elements {
      guard var declaration = declaration(element, &diagnostics) else { continue }
      if let other = element["values-from"] {
        if let source = elements.first(where: { $0["name"] == other }), other != declaration.name {
          declaration.values = source.children(named: "value").map {
            AllowedValue(id: $0["id"] ?? "", label: $0.localized("label"))
          }
        }
        if declaration.values.isEmpty {
          diagnostics.append(
            Diagnostic(
              kind: .noValues, at: element.location,
              "fact '\(declaration.name)': values-from='\(other)' names no choice fact with values"))
          continue
        }
      }
      if let first = seen[declaration.name] {
        diagnostics.append(
          Diagnostic(
            kind: .duplicateFact, at: element.location, "fact '\(declaration.name)' is already declared at \(first)"))
      }
      seen[declaration.name] = element.location
      vocabulary.add(declaration)
    }
    if !diagnostics.isEmpty { throw Diagnostics(diagnostics) }
    return vocabulary
  }

  private func declaration(_ element: ParsedElement, _ diagnostics: inout [Diagnostic]) -> FactDeclaration? {
    let name = element["name"] ?? ""
    guard let type = FactType(rawValue: element["type"] ?? "") else {
      diagnostics.append(Diagnostic(kind: .badFactType, at: element.location, "fact '\(name)' has an unknown type"))
      return nil
    }
    var declaration = FactDeclaration(
      name: name, type: type, label: element.localized("label"), question: element.localized("ask"),
      location: element.location)
    declaration.caveat = element.localized("caveat")
    declaration.importance = element["importance"].flatMap { Int($0) }
    if type == .number {
      let unitSymbol = element["unit"] ?? ""
      if let dimensionName = element["dimension"] {
        guard let dimension = PhysicalDimension(rawValue: dimensionName) else {
          diagnostics.append(
            Diagnostic(
              kind: .badDimension, at: element.location, "fact '\(name)': unknown dimension '\(dimensionName)'"))
          return nil
        }
        declaration.dimension = dimension
        if unitSymbol.isEmpty {
          declaration.displayUnit = UnitOfMeasure.base(of: dimension)
        } else if let unit = UnitOfMeasure.named(unitSymbol), unit.dimension == dimension {
          declaration.displayUnit = unit
        } else {
          diagnostics.append(
            Diagnostic(
              kind: .wrongUnit, at: element.location,
              "fact '\(name)': unit '\(unitSymbol)' is not a unit of \(dimension.rawValue)"))
          return nil
        }
      } else {
        declaration.dimension = .count
        declaration.displayUnit = UnitOfMeasure.base(of: .count)
      }
      let factor = declaration.displayUnit?.factor ?? 1
      for attribute in ["min", "max", "usual-min", "usual-max"] {
        guard let text = element[attribute] else { continue }
        guard let number = Double(text), (number * factor).isFinite,
          abs(number * factor) <= FactDeclaration.numberLimit
        else {
          diagnostics.append(
            Diagnostic(
              kind: .outOfRange, at: element.location,
              "fact '\(name)': \(attribute)='\(text)' is not a number within ±\(Value.format(FactDeclaration.numberLimit)) \(UnitOfMeasure.base(of: declaration.dimension ?? .count).symbol)"
            ))
          return nil
        }
        switch attribute {
        case "min": declaration.minimum = number * factor
        case "max": declaration.maximum = number * factor
        case "usual-min": declaration.usualMinimum = number * factor
        default: declaration.usualMaximum = number * factor
        }
      }
      if let minimum = declaration.minimum, let maximum = declaration.maximum, minimum > maximum {
        diagnostics.append(
          Diagnostic(
            kind: .outOfRange, at: element.location,
            "fact '\(name)': min='\(element["min"] ?? "")' is larger than max='\(element["max"] ?? "")'"))
        return nil
      }
    }
    declaration.values = element.children(named: "value").map {
      AllowedValue(id: $0["id"] ?? "", label: $0.localized("label"))
    }
    if (type == .choice || type == .set) && declaration.values.isEmpty && element["values-from"] == nil {
      diagnostics.append(
        Diagnostic(kind: .noValues, at: element.location, "fact '\(name)' is a \(type.rawValue) but lists no values"))
    }
    return declaration
  }
}
