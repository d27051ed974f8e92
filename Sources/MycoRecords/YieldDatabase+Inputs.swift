import GRDB
import MycoDiagnostics

extension YieldDatabase {
  /// The command-line option of each column `add-input` checks.
  static let addInputOptions = [
    "batch_id": "--batch", "used_on": "--date", "kind": "--kind", "product": "--product",
    "amount": "--amount", "unit": "--unit", "target": "--target",
  ]

  /// Adds one input or spray to a stored batch, in one transaction.
  ///
  /// `checker` (from the knowledge layer) is asked about the input with the batch's variety: a
  /// refusal writes nothing, a warning is stored in `warning` and returned.
  ///
  /// - Returns: the input as stored (with its warning, if any).
  /// - Throws: `YieldRecordsError.invalidRecords` (problems named by option, `--product` for a
  ///   refused product) when it is invalid, refused or its batch is not recorded.
  @discardableResult
  public func add(_ input: Input, checker: InputChecker? = nil, file: String = "add-input") throws(YieldRecordsError)
    -> Input
  {
    return try guarded {
      let options = file == "add-input" ? Self.addInputOptions : [:]
      func problem(_ column: String, _ message: String) -> Diagnostic {
        Diagnostic.record(file: file, row: nil, column: options[column] ?? column, message: message)
      }
      let own = input.problems().map { problem($0.column, $0.message) }
      if !own.isEmpty { throw YieldRecordsError.invalidRecords(own) }
      return try dbWriter.write { db in
        guard let batch = try Batch.fetchOne(db, key: input.batchID) else {
          throw YieldRecordsError.invalidRecords([problem("batch_id", "no batch \"\(input.batchID)\" is recorded")])
        }
        var stored = input
        switch checker?(input, batch.variety) ?? .fine {
        case .fine: break
        case .warning(let text): stored.warning = text
        case .refused(let reason): throw YieldRecordsError.invalidRecords([problem("product", reason)])
        }
        try stored.insert(db)
        return stored
      }
    }
  }

  /// The stored inputs, in date order then entry order; only those of `batchID` when given.
  public func inputs(batch batchID: String? = nil) throws(YieldRecordsError) -> [Input] {
    return try guarded {
      try dbWriter.read { db in
        var request = Input.all()
        if let batchID { request = request.filter(Input.Columns.batchID == batchID) }
        return try request.order(Input.Columns.batchID, Input.Columns.usedOn, Column("id")).fetchAll(db)
      }
    }
  }

  /// The stored batch with this id, or nil.
  public func batch(id: String) throws(YieldRecordsError) -> Batch? {
    return try guarded {
      try dbWriter.read { db in try Batch.fetchOne(db, key: id) }
    }
  }

  /// The harvests of one batch, by date, flush, then entry order.
  public func harvests(batch batchID: String) throws(YieldRecordsError) -> [Harvest] {
    return try guarded {
      try dbWriter.read { db in
        try Harvest.filter(Harvest.Columns.batchID == batchID).order(
          Harvest.Columns.harvestedOn, Harvest.Columns.flush, Column("id")
        ).fetchAll(db)
      }
    }
  }
}
