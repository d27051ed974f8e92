extension Batch {
  /// Checks a batch on its own, returning `(column, message)` for each problem.
  ///
  /// - Parameter knownVarieties: the variety ids of the knowledge base; the batch's variety
  ///   must be one of them.
  public func problems(knownVarieties: Set<String>) -> [(column: String, message: String)] {
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
    if let elevationM, !(-500...9000).contains(elevationM) {
      found.append(("elevation_m", "\(NumberText.plain(elevationM)) m is not a plausible elevation"))
    }
    if let problem = bagSize.rangeProblem { found.append(("bag_size", problem)) }
    if drySubstrateKgPerBag <= 0 {
      found.append(
        ("dry_substrate_kg_per_bag", "must be more than 0 kg, not \(NumberText.plain(drySubstrateKgPerBag))"))
    }
    if bags <= 0 { found.append(("bags", "must be at least 1, not \(bags)")) }
    if bagsContaminated < 0 {
      found.append(("bags_contaminated", "must not be negative, not \(bagsContaminated)"))
    } else if bagsContaminated > bags {
      found.append(("bags_contaminated", "\(bagsContaminated) is more than the \(bags) bags"))
    }
    return found
  }
}

extension Harvest {
  /// Checks a harvest on its own, returning `(column, message)` for each problem.
  ///
  /// - Parameter weightColumn: the column the weight came from (`fresh_kg` or `fresh_jin`).
  public func problems(weightColumn: String = "fresh_kg") -> [(column: String, message: String)] {
    var found: [(column: String, message: String)] = []
    if batchID.isEmpty { found.append(("batch_id", "is empty")) }
    if flush < 1 { found.append(("flush", "must be 1 or more, not \(flush)")) }
    if freshKg < 0 { found.append((weightColumn, "must not be negative")) }
    if let priceYuanPerKg, priceYuanPerKg < 0 {
      found.append(("price_yuan_per_kg", "must not be negative"))
    }
    return found
  }

  /// Checks a harvest against its batch: it cannot be picked before the bags were inoculated.
  public func problems(against batch: Batch) -> [(column: String, message: String)] {
    guard harvestedOn < batch.inoculatedOn else { return [] }
    return [
      ("harvested_on",
       "\(harvestedOn) is before batch \(batch.id) was inoculated on \(batch.inoculatedOn)")
    ]
  }
}
