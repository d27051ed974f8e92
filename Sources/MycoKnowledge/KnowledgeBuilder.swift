import MycoRules
import MycoUnits
import MycoXML

/// Collects the tables of one or more `<knowledge>` documents (already schema-valid).
struct KnowledgeBuilder {
  var varieties: [Variety] = []
  var bagSizes: [BagSize] = []
  var bagClasses: BagClasses?
  var climate: ClimateNormals?
  var elevationBands: [ElevationBand] = []
  var elevationBandSources: [String: [Citation]] = [:]
  var tables: [KnowledgeTable] = []
  var diagnostics: [Diagnostic] = []
  /// The registry every `<source ref>` must name.
  var registry = SourceRegistry()
  /// Where each item was declared, keyed like `variety:shiitake`.
  var locations: [String: SourceLocation] = [:]

  mutating func add(_ root: ParsedElement) {
    diagnostics += KnowledgeBounds.check(root)
    for element in root.children {
      switch element.name {
      case "variety": addVariety(element)
      case "bag-size":
        unique("bag-size:\(element["id"] ?? "")", element)
        bagSizes.append(
          BagSize(
            id: element["id"] ?? "", widthCM: number(element, "width-cm") ?? 0,
            lengthCM: number(element, "length-cm") ?? 0, fillKgMinimum: number(element, "fill-kg-min"),
            fillKgMaximum: number(element, "fill-kg-max"),
            crops: (element["crop"] ?? "").split(separator: " ").map(String.init), note: element["note"],
            sources: sources(element)))
      case "bag-classes":
        unique("bag-classes", element)
        bagClasses = BagClasses(
          smallBelowKg: number(element, "small-below-kg") ?? 0, largeAboveKg: number(element, "large-above-kg") ?? 0,
          referenceBag: element["reference-bag"] ?? "", sources: sources(element))
      case "climate":
        unique("climate", element)
        let months = element.children(named: "month").sorted { (Int($0["n"] ?? "") ?? 0) < (Int($1["n"] ?? "") ?? 0) }
        if months.map({ Int($0["n"] ?? "") ?? 0 }) != Array(1...12) {
          diagnostics.append(
            Diagnostic(kind: "bad-table", at: element.location, "climate needs months 1 to 12, once each"))
        }
        climate = ClimateNormals(
          id: element["id"] ?? "", monthlyMeans: months.map { number($0, "mean") ?? 0 },
          referenceElevation: number(element, "reference-elevation-m") ?? 0,
          lapseRatePer100m: number(element, "lapse-rate-per-100m") ?? 0,
          monthlyLapseRates: months.contains { $0["lapse-rate-per-100m"] != nil }
            ? months.map { number($0, "lapse-rate-per-100m") ?? number(element, "lapse-rate-per-100m") ?? 0 } : nil,
          note: element.localized("note"), sources: sources(element))
      case "elevation-band":
        unique("band:\(element["id"] ?? "")", element)
        let id = element["id"] ?? ""
        elevationBands.append(
          ElevationBand(id: id, fromMetres: number(element, "from-m") ?? 0, belowMetres: number(element, "below-m")))
        elevationBandSources[id] = sources(element)
      case "table":
        unique("table:\(element["id"] ?? "")", element)
        tables.append(table(element))
      default:
        break
      }
    }
  }

  private mutating func addVariety(_ element: ParsedElement) {
    let id = element["id"] ?? ""
    unique("variety:\(id)", element)
    let ranges = element.children(named: "range").map {
      CropRange(
        quantity: $0["quantity"] ?? "", stage: $0["stage"] ?? "", minimum: number($0, "min"),
        optimumLow: number($0, "opt-min"), optimumHigh: number($0, "opt-max"), maximum: number($0, "max"),
        unit: $0["unit"] ?? "", text: $0["text"], sources: sources($0))
    }
    let starts = element.children(named: "start").map {
      var trigger = StartTrigger(
        season: $0["season"] ?? "autumn", atMost: number($0, "at-most"), atLeast: number($0, "at-least"),
        staysAtLeast: number($0, "stays-at-least"), staysAtMost: number($0, "stays-at-most"),
        forDays: Int($0["for-days"] ?? "") ?? 0, staysAtLeastDays: Int($0["stays-at-least-days"] ?? ""),
        staysAtMostDays: Int($0["stays-at-most-days"] ?? ""), endsAtMost: number($0, "ends-at-most"),
        endsAtLeast: number($0, "ends-at-least"), endsAfterDays: Int($0["ends-after-days"] ?? "") ?? 0,
        estimate: $0["estimate"] == "true", sources: sources($0))
      trigger.stage = $0["stage"] ?? "inoculation"
      return trigger
    }
    let cycles = element.children(named: "cycle").map {
      CropCycle(
        phase: $0["phase"] ?? "", daysMinimum: Int($0["days-min"] ?? ""), daysMaximum: Int($0["days-max"] ?? ""),
        text: $0["text"], sources: sources($0))
    }
    let stages = element.children(named: "stage").map {
      CropStage(
        id: $0["id"] ?? "", name: $0.localized("name"), startsAfterDays: Int($0["starts-after-days"] ?? "") ?? 0,
        lastsDays: Int($0["lasts-days"] ?? ""), sources: sources($0))
    }
    let strains = element.children(named: "strain").map {
      Strain(
        id: $0["id"] ?? "", aliases: ($0["aliases"] ?? "").split(separator: " ").map(String.init),
        temperatureType: $0["temperature-type"] ?? "", fruitingMinimum: number($0, "fruiting-min"),
        fruitingMaximum: number($0, "fruiting-max"), sources: sources($0))
    }
    varieties.append(
      Variety(
        id: id, name: element.localized("name"), latin: element["latin"] ?? "",
        temperatureType: element["temperature-type"] ?? "", notes: element.localized("note"), ranges: ranges,
        starts: starts, cycles: cycles, stages: stages, strains: strains,
        commonBags: element.children(named: "common-bag").compactMap { $0["size"] }))
  }

  private mutating func table(_ element: ParsedElement) -> KnowledgeTable {
    let rows = element.children(named: "row").map { row in
      var cells: [String: String] = [:]
      for cell in row.children(named: "cell") {
        let key = cell["lang"].map { "\(cell["name"] ?? "").\($0)" } ?? (cell["name"] ?? "")
        cells[key] = cell.trimmedText
      }
      return KnowledgeTable.Row(id: row["id"] ?? "", cells: cells, sources: sources(row))
    }
    return KnowledgeTable(id: element["id"] ?? "", title: element.localized("title"), rows: rows)
  }

  private mutating func unique(_ key: String, _ element: ParsedElement) {
    if let first = locations[key] {
      diagnostics.append(
        Diagnostic(kind: "duplicate-id", at: element.location, "\(key) is already defined at \(first)"))
    } else {
      locations[key] = element.location
    }
  }

  private func number(_ element: ParsedElement, _ attribute: String) -> Double? {
    element[attribute].flatMap(Double.init)
  }

  private mutating func sources(_ element: ParsedElement) -> [Citation] {
    element.children(named: "source").map {
      SourceRegistry.citation($0, registry: registry, diagnostics: &diagnostics)
    }
  }
}
