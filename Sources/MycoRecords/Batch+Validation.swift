import MycoCalendar

extension Batch {
  /// Checks a batch on its own, returning `(column, message)` for each problem.
  ///
  /// - Parameters:
  ///   - knownVarieties: the variety ids of the knowledge base; the batch's variety must be
  ///     one of them.
  ///   - latestDate: the last plausible day (`PlausibleRanges.latestDateNow`).
  public func problems(
    knownVarieties: Set<String>, latestDate: CalendarDate = PlausibleRanges.latestDateNow
  ) -> [(column: String, message: String)] {
    var found: [(column: String, message: String)] = []
    if id.isEmpty { found.append(("batch_id", "is empty")) }
    if id.contains(where: \.isWhitespace) {
      found.append(("batch_id", "\"\(id)\" contains a space"))
    }
    if grower.isEmpty { found.append(("grower", "is empty")) }
    if variety.isEmpty {
      found.append(("variety", "is empty"))
    } else if !knownVarieties.contains(variety) {
      let known = knownVarieties.sorted().joined(separator: ", ")
      found.append(("variety", "\"\(variety)\" is not a known variety (known: \(known))"))
    }
    let ranges = PlausibleRanges.self
    if let elevationM, !ranges.elevationM.contains(elevationM) {
      found.append(
        (
          "elevation_m",
          "\(NumberText.plain(elevationM)) m is not a plausible elevation (\(ranges.text(ranges.elevationM)) m)"
        ))
    }
    if let problem = bagSize.problem(within: ranges.bagSize) { found.append(("bag_size", problem)) }
    if drySubstrateKgPerBag <= 0 {
      found.append(
        ("dry_substrate_kg_per_bag", "must be more than 0 kg, not \(NumberText.plain(drySubstrateKgPerBag))"))
    } else if !ranges.drySubstrateKgPerBag.contains(drySubstrateKgPerBag) {
      found.append(
        (
          "dry_substrate_kg_per_bag",
          "\(NumberText.plain(drySubstrateKgPerBag)) kg is not a plausible bag (\(ranges.text(ranges.drySubstrateKgPerBag)) kg of dry substrate)"
        ))
    }
    if bags <= 0 {
      found.append(("bags", "must be at least 1, not \(bags)"))
    } else if !ranges.bags.contains(bags) {
      found.append(("bags", "\(bags) is more than the plausible \(ranges.bags.upperBound) bags in one batch"))
    }
    if bagsContaminated < 0 {
      found.append(("bags_contaminated", "must not be negative, not \(bagsContaminated)"))
    } else if bagsContaminated > bags {
      found.append(("bags_contaminated", "\(bagsContaminated) is more than the \(bags) bags"))
    }
    if let problem = PlausibleRanges.dateProblem(inoculatedOn, latest: latestDate) {
      found.append(("inoculated_on", problem))
    }
    return found
  }
}

extension Harvest {
  /// Checks a harvest on its own, returning `(column, message)` for each problem.
  ///
  /// - Parameters:
  ///   - weightColumn: the column the weight came from (`fresh_kg` or `fresh_jin`).
  ///   - latestDate: the last plausible day (`PlausibleRanges.latestDateNow`).
  public func problems(
    weightColumn: String = "fresh_kg", latestDate: CalendarDate = PlausibleRanges.latestDateNow
  ) -> [(column: String, message: String)] {
    let ranges = PlausibleRanges.self
    var found: [(column: String, message: String)] = []
    if batchID.isEmpty { found.append(("batch_id", "is empty")) }
    if flush < 1 {
      found.append(("flush", "must be 1 or more, not \(flush)"))
    } else if !ranges.flush.contains(flush) {
      found.append(("flush", "\(flush) is more than the plausible \(ranges.flush.upperBound) flushes"))
    }
    if freshKg < 0 {
      found.append((weightColumn, "must not be negative"))
    } else if !ranges.freshKgPerHarvest.contains(freshKg) {
      found.append(
        (
          weightColumn,
          "\(NumberText.plain(freshKg)) kg is more than the plausible \(NumberText.plain(ranges.freshKgPerHarvest.upperBound)) kg in one harvest"
        ))
    }
    if let priceYuanPerKg, priceYuanPerKg < 0 {
      found.append(("price_yuan_per_kg", "must not be negative"))
    } else if let priceYuanPerKg, !ranges.priceYuanPerKg.contains(priceYuanPerKg) {
      found.append(
        (
          "price_yuan_per_kg",
          "\(NumberText.plain(priceYuanPerKg)) yuan/kg is more than the plausible \(NumberText.plain(ranges.priceYuanPerKg.upperBound)) yuan/kg"
        ))
    }
    if let problem = PlausibleRanges.dateProblem(harvestedOn, latest: latestDate) {
      found.append(("harvested_on", problem))
    }
    return found
  }

  /// Checks a harvest against its batch: it cannot be picked before the bags were inoculated.
  public func problems(against batch: Batch) -> [(column: String, message: String)] {
    guard harvestedOn < batch.inoculatedOn else { return [] }
    return [
      (
        "harvested_on",
        "\(harvestedOn) is before batch \(batch.id) was inoculated on \(batch.inoculatedOn)"
      )
    ]
  }
}
