import MycoDiagnostics
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
        let id = text(element, "id")
        unique("bag-size:\(id)", element)
        bagSizes.append(
          BagSize(
            id: id, widthCM: number(element, required: "width-cm"), lengthCM: number(element, required: "length-cm"),
            fillKgMinimum: number(element, "fill-kg-min"), fillKgMaximum: number(element, "fill-kg-max"),
            crops: words(element["crop"]), note: element["note"], sources: sources(element)))
      case "bag-classes":
        unique("bag-classes", element)
        bagClasses = BagClasses(
          smallBelowKg: number(element, required: "small-below-kg"),
          largeAboveKg: number(element, required: "large-above-kg"), referenceBag: text(element, "reference-bag"),
          sources: sources(element))
      case "climate":
        unique("climate", element)
        addClimate(element)
      case "elevation-band":
        let id = text(element, "id")
        unique("band:\(id)", element)
        elevationBands.append(
          ElevationBand(
            id: id, fromMetres: number(element, required: "from-m"), belowMetres: number(element, "below-m")))
        elevationBandSources[id] = sources(element)
      case "table":
        let id = text(element, "id")
        unique("table:\(id)", element)
        tables.append(table(element, id: id))
      default:
        break
      }
    }
  }

  private mutating func addClimate(_ element: ParsedElement) {
    let months = element.children(named: "month").map { (n: wholeNumber($0, required: "n"), month: $0) }
      .sorted { $0.n < $1.n }
    if months.map(\.n) != Array(1...12) {
      diagnostics.append(
        Diagnostic(kind: .badTable, at: element.location, "climate needs months 1 to 12, once each"))
    }
    let lapseRate = number(element, required: "lapse-rate-per-100m")
    climate = ClimateNormals(
      id: text(element, "id"), monthlyMeans: months.map { number($0.month, required: "mean") },
      referenceElevation: number(element, required: "reference-elevation-m"), lapseRatePer100m: lapseRate,
      monthlyLapseRates: months.contains { $0.month["lapse-rate-per-100m"] != nil }
        ? months.map { number($0.month, "lapse-rate-per-100m") ?? lapseRate } : nil,
      note: element.localized("note"), sources: sources(element))
  }

  private mutating func addVariety(_ element: ParsedElement) {
    let id = text(element, "id")
    unique("variety:\(id)", element)
    var ranges: [CropRange] = []
    for range in element.children(named: "range") {
      ranges.append(
        CropRange(
          quantity: text(range, "quantity"), stage: text(range, "stage"), minimum: number(range, "min"),
          optimumLow: number(range, "opt-min"), optimumHigh: number(range, "opt-max"), maximum: number(range, "max"),
          unit: text(range, "unit"), text: range["text"], sources: sources(range)))
    }
    var starts: [StartTrigger] = []
    for start in element.children(named: "start") {
      var trigger = StartTrigger(
        season: text(start, "season"), atMost: number(start, "at-most"), atLeast: number(start, "at-least"),
        staysAtLeast: number(start, "stays-at-least"), staysAtMost: number(start, "stays-at-most"),
        // Optional in the schema: no duration given means none is required.
        forDays: wholeNumber(start, "for-days") ?? 0, staysAtLeastDays: wholeNumber(start, "stays-at-least-days"),
        staysAtMostDays: wholeNumber(start, "stays-at-most-days"), endsAtMost: number(start, "ends-at-most"),
        endsAtLeast: number(start, "ends-at-least"), endsAfterDays: wholeNumber(start, "ends-after-days") ?? 0,
        estimate: start["estimate"] == "true", sources: sources(start))
      // The schema's declared default (`default="inoculation"`), which libxml2 does not fill in.
      trigger.stage = start["stage"] ?? "inoculation"
      starts.append(trigger)
    }
    var cycles: [CropCycle] = []
    for cycle in element.children(named: "cycle") {
      cycles.append(
        CropCycle(
          phase: text(cycle, "phase"), daysMinimum: wholeNumber(cycle, "days-min"),
          daysMaximum: wholeNumber(cycle, "days-max"), text: cycle["text"], sources: sources(cycle)))
    }
    var stages: [CropStage] = []
    for stage in element.children(named: "stage") {
      stages.append(
        CropStage(
          id: text(stage, "id"), name: stage.localized("name"),
          startsAfterDays: wholeNumber(stage, required: "starts-after-days"),
          lastsDays: wholeNumber(stage, "lasts-days"), sources: sources(stage)))
    }
    var strains: [Strain] = []
    for strain in element.children(named: "strain") {
      strains.append(
        Strain(
          id: text(strain, "id"), aliases: words(strain["aliases"]), temperatureType: text(strain, "temperature-type"),
          fruitingMinimum: number(strain, "fruiting-min"), fruitingMaximum: number(strain, "fruiting-max"),
          sources: sources(strain)))
    }
    varieties.append(
      Variety(
        id: id, name: element.localized("name"), latin: text(element, "latin"),
        temperatureType: text(element, "temperature-type"), notes: element.localized("note"), ranges: ranges,
        starts: starts, cycles: cycles, stages: stages, strains: strains,
        commonBags: element.children(named: "common-bag").map { text($0, "size") }))
  }

  private mutating func table(_ element: ParsedElement, id: String) -> KnowledgeTable {
    var rows: [KnowledgeTable.Row] = []
    for row in element.children(named: "row") {
      var cells: [String: String] = [:]
      for cell in row.children(named: "cell") {
        let name = text(cell, "name")
        cells[cell["lang"].map { "\(name).\($0)" } ?? name] = cell.trimmedText
      }
      rows.append(KnowledgeTable.Row(id: text(row, "id"), cells: cells, sources: sources(row)))
    }
    return KnowledgeTable(id: id, title: element.localized("title"), rows: rows)
  }

  private mutating func unique(_ key: String, _ element: ParsedElement) {
    if let first = locations[key] {
      diagnostics.append(
        Diagnostic(kind: .duplicateID, at: element.location, "\(key) is already defined at \(first)"))
    } else {
      locations[key] = element.location
    }
  }

  private func number(_ element: ParsedElement, _ attribute: String) -> Double? {
    element[attribute].flatMap(Double.init)
  }

  private func wholeNumber(_ element: ParsedElement, _ attribute: String) -> Int? {
    element[attribute].flatMap { Int($0) }
  }

  private func words(_ text: String?) -> [String] {
    (text ?? "").split(separator: " ").map(String.init)
  }

  /// A required attribute's text; when it is missing (a table read without the schema), a
  /// located `missing-value` diagnostic and an empty text that never reaches a loaded base.
  private mutating func text(_ element: ParsedElement, _ attribute: String) -> String {
    if let value = element[attribute] { return value }
    problem(element, attribute, nil)
    return ""
  }

  /// A required number; missing or not a number gives a located diagnostic (the base is not loaded).
  private mutating func number(_ element: ParsedElement, required attribute: String) -> Double {
    if let value = number(element, attribute) { return value }
    problem(element, attribute, "a number")
    return .nan
  }

  /// A required whole number; missing or not whole gives a located diagnostic (the base is not loaded).
  private mutating func wholeNumber(_ element: ParsedElement, required attribute: String) -> Int {
    if let value = wholeNumber(element, attribute) { return value }
    problem(element, attribute, "a whole number")
    return 0
  }

  /// Reports a required attribute that is missing, or present but not `kind`. A malformed number
  /// with bounds is already reported by ``KnowledgeBounds``, once.
  private mutating func problem(_ element: ParsedElement, _ attribute: String, _ kind: String?) {
    guard let text = element[attribute] else {
      diagnostics.append(
        Diagnostic(
          kind: .missingValue, at: element.location,
          "<\(element.name)> needs \(attribute)\(kind.map { " (\($0))" } ?? "")"))
      return
    }
    guard KnowledgeBounds.bounds(element: element.name, attribute: attribute, quantity: element["quantity"]) == nil
    else { return }
    diagnostics.append(
      Diagnostic(
        kind: .badValue, at: element.location, "<\(element.name)> \(attribute)='\(text)' is not \(kind ?? "valid")"))
  }

  private mutating func sources(_ element: ParsedElement) -> [Citation] {
    element.children(named: "source").map {
      SourceRegistry.citation($0, registry: registry, diagnostics: &diagnostics)
    }
  }
}
