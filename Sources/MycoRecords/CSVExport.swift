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
      do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw YieldRecordsError.database(path: directory, reason: Self.folderProblem(directory))
      }
      let batchesPath = directory + "/" + Self.exportFileNames.batches
      let harvestsPath = directory + "/" + Self.exportFileNames.harvests
      let inputsPath = directory + "/" + Self.inputsFileName
      let (batchText, harvestText, inputText) = try dbWriter.read { db in
        var batches = CSVWriter()
        batches.append(BatchCSV.columns)
        let batchCursor = try Batch.order(Batch.Columns.id).fetchCursor(db)
        while let batch = try batchCursor.next() { batches.append(BatchCSV.fields(of: batch)) }
        var harvests = CSVWriter()
        harvests.append(HarvestCSV.columns)
        let harvestCursor = try Harvest.order(
          Harvest.Columns.batchID, Harvest.Columns.harvestedOn, Harvest.Columns.flush, Column("id")
        ).fetchCursor(db)
        while let harvest = try harvestCursor.next() {
          harvests.append(HarvestCSV.fields(of: harvest))
        }
        var inputs = CSVWriter()
        inputs.append(InputCSV.columns)
        let inputCursor = try Input.order(Input.Columns.batchID, Input.Columns.usedOn, Column("id")).fetchCursor(db)
        while let input = try inputCursor.next() { inputs.append(InputCSV.fields(of: input)) }
        return (batches.text, harvests.text, inputs.text)
      }
      for (path, text) in [(batchesPath, batchText), (harvestsPath, harvestText), (inputsPath, inputText)] {
        do {
          try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
          throw YieldRecordsError.unreadableFile(path: path, reason: "cannot be written")
        }
      }
      return (batchesPath, harvestsPath)
    }
  }
}
