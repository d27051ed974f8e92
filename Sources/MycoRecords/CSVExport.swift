import Foundation
import GRDB

extension YieldDatabase {
  /// The file names `exportCSV(to:)` writes.
  public static let exportFileNames = (batches: "batches.csv", harvests: "harvests.csv")
  /// The inputs file `exportCSV(to:)` writes beside them.
  public static let inputsFileName = "inputs.csv"

  /// Writes `batches.csv`, `harvests.csv` and `inputs.csv` into `directory` (created if needed), in the
  /// import format: UTF-8 with a byte-order mark, `\n` line ends, SI units, batches by id and
  /// harvests by batch, date, flush and entry order. Numbers are written in their shortest
  /// exact form, so export → import → export gives identical files. Text cells that a
  /// spreadsheet would run as formulas get a leading `'` (removed again on import).
  ///
  /// - Returns: the paths written.
  @discardableResult
  public func exportCSV(to directory: String) throws(YieldRecordsError) -> (batches: String, harvests: String) {
    return try guarded {
      let (batches, harvests, inputs) = try dbWriter.read { db in
        (
          try Batch.order(Batch.Columns.id).fetchAll(db),
          try Harvest.order(
            Harvest.Columns.batchID, Harvest.Columns.harvestedOn, Harvest.Columns.flush, Column("id")
          ).fetchAll(db),
          try Input.order(Input.Columns.batchID, Input.Columns.usedOn, Column("id")).fetchAll(db)
        )
      }
      return try Self.writeExport(to: directory, batches: batches, harvests: harvests, inputs: inputs)
    }
  }

  /// Writes the three export files for records read from either store, in the order given.
  static func writeExport(to directory: String, batches: [Batch], harvests: [Harvest], inputs: [Input])
    throws(YieldRecordsError)
    -> (batches: String, harvests: String)
  {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw YieldRecordsError.database(path: directory, reason: Self.folderProblem(directory))
    }
    let batchesPath = directory + "/" + Self.exportFileNames.batches
    let harvestsPath = directory + "/" + Self.exportFileNames.harvests
    let inputsPath = directory + "/" + Self.inputsFileName
    var batchText = CSVWriter()
    batchText.append(BatchCSV.columns)
    for batch in batches { batchText.append(BatchCSV.fields(of: batch)) }
    var harvestText = CSVWriter()
    harvestText.append(HarvestCSV.columns)
    for harvest in harvests { harvestText.append(HarvestCSV.fields(of: harvest)) }
    var inputText = CSVWriter()
    inputText.append(InputCSV.columns)
    for input in inputs { inputText.append(InputCSV.fields(of: input)) }
    for (path, text) in [(batchesPath, batchText.text), (harvestsPath, harvestText.text), (inputsPath, inputText.text)]
    {
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
      } catch {
        throw YieldRecordsError.unreadableFile(path: path, reason: "cannot be written")
      }
    }
    return (batchesPath, harvestsPath)
  }
}
