import MycoDiagnostics
import MycoRules
import MycoXML

extension VerificationContext {
  /// The verification context the knowledge base gives:
  ///
  /// - coverage: the varieties with a variety table × the advice topics (table `topics`), and for
  ///   `timing` the elevation bands (as `elevation-band` and `elevation` ranges) × months 1–12
  ///   (as `month` and `season`);
  /// - links: each variety's months, from an optional table `variety-months` (row id = variety,
  ///   cell `months` = month numbers, e.g. `8 9 10 11`);
  /// - product lists: names (`name*` cells) from `pesticides-banned` (error), from every other
  ///   `pesticides-*` table that are not in `pesticides-registered` (warning), and the registered
  ///   ones, scoped to the crops in their `crops` cell (warning when advised for another crop).
  public init(knowledge: KnowledgeBase) {
    let factLocation =
      knowledge.vocabulary["variety"]?.location ?? SourceLocation(file: "facts.xml", line: 1, column: 1)
    let rows = knowledge.varieties.map { CoverageAxes.Point(id: $0.id, constraints: ["variety": .symbols([$0.id])]) }
    let topics = knowledge.table("topics")?.rows.map(\.id) ?? []
    let bands = knowledge.elevationBands.map { band in
      CoverageAxes.Point(
        id: band.id,
        constraints: [
          "elevation-band": .symbols([band.id]),
          "elevation": .interval(
            Interval(lower: band.fromMetres, lowerOpen: false, upper: band.belowMetres ?? .infinity, upperOpen: true)),
        ])
    }
    let months = (1...12).map { month in
      CoverageAxes.Point(
        id: String(month),
        constraints: [
          "month": .interval(Interval(.equals, Double(month))),
          "season": .symbols([SituationFacts.season(ofMonth: month)]),
        ])
    }
    let coverage = CoverageAxes(
      rowName: "variety", rows: rows, topics: topics, detailTopic: topics.contains("timing") ? "timing" : nil,
      detailRows: bands, detailColumns: months, location: factLocation)
    self.init(
      coverage: rows.isEmpty || topics.isEmpty ? nil : coverage, links: Self.calendars(knowledge),
      productLists: Self.pesticideLists(knowledge))
  }

  private static func calendars(_ knowledge: KnowledgeBase) -> [FactLink] {
    guard let table = knowledge.table("variety-months") else { return [] }
    return table.rows.compactMap { row in
      guard let months = row.cells["months"] else { return nil }
      let numbers = months.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
      return FactLink(
        fact: "variety", value: row.id, linkedFact: "month", allowed: numbers.map { Interval(.equals, $0) },
        name: LocalizedText(zh: "栽培月历", en: "growing calendar"))
    }
  }

  private static func pesticideLists(_ knowledge: KnowledgeBase) -> [ProductList] {
    func products(_ table: KnowledgeTable) -> [ProductList.Product] {
      table.rows.map { row in
        ProductList.Product(id: row.id, names: row.cells.filter { $0.key.hasPrefix("name") }.map(\.value).sorted())
      }
    }
    var lists: [ProductList] = []
    let registered = knowledge.table("pesticides-registered").map(products) ?? []
    let registeredNames = Set(registered.flatMap(\.names).flatMap(ProductGuardPass.split))
    if let banned = knowledge.table("pesticides-banned") {
      lists.append(
        ProductList(
          kind: .bannedPesticide, severity: .error,
          name: LocalizedText(zh: "禁用名单（pesticides-banned）", en: "never-use list (pesticides-banned)"),
          products: products(banned)))
    }
    let others = knowledge.tables.filter {
      $0.id.hasPrefix("pesticides-") && $0.id != "pesticides-banned" && $0.id != "pesticides-registered"
    }
    let unregistered = others.flatMap(products).map { product in
      ProductList.Product(
        id: product.id, names: product.names.flatMap(ProductGuardPass.split).filter { !registeredNames.contains($0) })
    }.filter { !$0.names.isEmpty }
    if !registered.isEmpty {
      // Registrations are per crop: a row's `crops` cell lists the varieties its label names
      // (`empty-house`, the empty mushroom house, allows every variety). A row without one has no
      // sourced crop, and no rule may advise it by name.
      let varieties = Set(knowledge.varieties.map(\.id))
      let rows = knowledge.table("pesticides-registered")?.rows ?? []
      let scoped = registered.map { product in
        let crops = Set(
          (rows.first { $0.id == product.id }?.cells["crops"] ?? "").split(separator: " ").map(String.init))
        return ProductList.Product(
          id: product.id, names: product.names,
          scope: crops.contains("empty-house") ? varieties : crops.intersection(varieties))
      }
      lists.append(
        ProductList(
          kind: .registeredPesticide, severity: .warning, name: LocalizedText(zh: "登记名单", en: "registered list"),
          products: scoped, isAllowList: true, scopeFact: "variety", scopeKind: .pesticideCrop))
    }
    if !unregistered.isEmpty {
      lists.append(
        ProductList(
          kind: .unregisteredPesticide, severity: .warning,
          name: LocalizedText(
            zh: "未在食用菌上登记的农药名单（不在 pesticides-registered 中）",
            en: "list of pesticides not registered for edible fungi (not in pesticides-registered)"),
          products: unregistered))
    }
    return lists
  }
}
