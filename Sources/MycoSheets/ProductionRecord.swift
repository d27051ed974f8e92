import Foundation
import MycoCalendar
import MycoDiagnostics
import MycoKnowledge
import MycoRecords

/// A batch's production record (生产档案): the batch, what it was given and sprayed with, what
/// it yielded, and lines to sign. Made from the records database, printed through the same
/// templates folder (`record.mustache`) and Chromium path as the advice sheet.
public struct ProductionRecord: Sendable {
  /// One label and value of the batch table.
  public struct Fact: Sendable, Hashable {
    public var label: String
    public var value: String
  }

  /// One input or spray, as printed.
  public struct InputLine: Sendable, Hashable {
    public var date: String
    public var kind: String
    public var product: String
    public var amount: String
    public var target: String
    public var note: String
    /// Nil when none (an empty string would still open the template's section).
    public var warning: String?
  }

  /// One flush: its dates, pickings and weight.
  public struct Flush: Sendable, Hashable {
    public var flush: Int
    public var dates: String
    public var pickings: Int
    public var kg: String
    public var kgPerBag: String
  }

  // Stored, not computed: the templates see stored properties only.
  public var lang: String
  public var title: String
  public var batchID: String
  public var facts: [Fact]
  public var inputsHeading: String
  public var inputColumns: [String]
  public var inputs: [InputLine]
  public var hasInputs: Bool
  public var noInputs: String
  public var harvestsHeading: String
  public var harvestColumns: [String]
  public var flushes: [Flush]
  public var hasHarvests: Bool
  public var noHarvests: String
  public var totalLabel: String
  public var totalKg: String
  public var totalKgPerBag: String
  public var contaminationHeading: String
  public var contamination: String
  public var notes: String
  public var basisHeading: String
  public var basis: String
  public var growerSignature: String
  public var agentSignature: String
  public var printed: String

  /// Builds the record of `batch` in `language` (`.zhEn` prints Chinese).
  ///
  /// - Parameters:
  ///   - knowledge: names varieties and gives the current knowledge version (the batch's own
  ///     version, when it has one, is what its advice was based on).
  ///   - today: the printing day, shown at the foot.
  public init(
    batch: Batch, inputs: [Input], harvests: [Harvest], knowledge: KnowledgeBase,
    language: SheetLanguage, today: CalendarDate
  ) {
    let en = language == .en
    func t(_ zh: String, _ english: String) -> String { en ? english : zh }
    func kg(_ value: Double) -> String { String(format: "%.2f", value) }
    let variety = knowledge.varieties.first { $0.id == batch.variety }
    let varietyName = variety.map { $0.name.text(in: en ? .en : .zh) } ?? batch.variety
    lang = en ? "en" : "zh-CN"
    title = t("生产档案", "Production record")
    batchID = batch.id
    let elevation = batch.elevationM.map { String(format: "%.0f m", $0) } ?? "—"
    let dash: (String) -> String = { $0.isEmpty ? "—" : $0 }
    facts = [
      Fact(label: t("批次", "Batch"), value: batch.id),
      Fact(label: t("菇农", "Grower"), value: batch.grower),
      Fact(label: t("地点 · 海拔", "Place · elevation"), value: "\(dash(batch.place)) · \(elevation)"),
      Fact(label: t("品种 · 菌株", "Variety · strain"), value: "\(varietyName) · \(dash(batch.strain))"),
      Fact(
        label: t("菌袋", "Bags"),
        value: "\(batch.bags) × \(batch.bagSize) cm, \(NumberFormat.plain(batch.drySubstrateKgPerBag)) kg "
          + t("干料/袋", "dry substrate per bag")),
      Fact(label: t("培养料", "Substrate"), value: dash(batch.substrate)),
      Fact(label: t("接种日期", "Inoculated"), value: batch.inoculatedOn.description),
      Fact(label: t("菇棚", "Facility"), value: dash(batch.facility)),
    ]
    inputsHeading = t("投入品与用药（按日期）", "Inputs and sprays (by date)")
    inputColumns = [
      t("日期", "Date"), t("类别", "Kind"), t("产品", "Product"), t("用量", "Amount"), t("防治对象", "Target"), t("备注", "Note"),
    ]
    let kinds: [InputKind: (String, String)] = [
      .spawn: ("菌种", "spawn"), .substrate: ("培养料", "substrate"), .pesticide: ("农药", "pesticide"),
      .disinfectant: ("消毒剂", "disinfectant"), .other: ("其他", "other"),
    ]
    self.inputs = inputs.sorted { $0.usedOn < $1.usedOn }.map { input in
      InputLine(
        date: input.usedOn.description, kind: kinds[input.kind].map { t($0.0, $0.1) } ?? input.kind.rawValue,
        product: input.product,
        amount: input.amount.map { "\(NumberFormat.plain($0)) \(input.unit?.rawValue ?? "")" } ?? "—",
        target: input.target, note: input.note, warning: input.warning.isEmpty ? nil : input.warning)
    }
    hasInputs = !self.inputs.isEmpty
    noInputs = t("没有记录投入品或用药。", "No inputs or sprays recorded.")
    harvestsHeading = t("采收（按茬次）", "Harvests (by flush)")
    harvestColumns = [
      t("茬次", "Flush"), t("日期", "Dates"), t("采收次数", "Pickings"), t("鲜重 kg", "Fresh kg"), t("kg/袋", "kg per bag"),
    ]
    let bags = Double(max(batch.bags, 1))
    let byFlush = Dictionary(grouping: harvests, by: \.flush)
    flushes = byFlush.keys.sorted().map { number in
      let picks = byFlush[number]!.sorted { $0.harvestedOn < $1.harvestedOn }
      let total = picks.reduce(0) { $0 + $1.freshKg }
      let first = picks.first!.harvestedOn.description, last = picks.last!.harvestedOn.description
      return Flush(
        flush: number, dates: first == last ? first : "\(first) – \(last)", pickings: picks.count,
        kg: kg(total), kgPerBag: String(format: "%.3f", total / bags))
    }
    hasHarvests = !flushes.isEmpty
    noHarvests = t("还没有采收记录。", "No harvests recorded yet.")
    totalLabel = t("合计", "Total")
    let total = harvests.reduce(0) { $0 + $1.freshKg }
    totalKg = kg(total)
    totalKgPerBag = String(format: "%.3f", total / bags)
    contaminationHeading = t("污染", "Contamination")
    let share = String(format: "%.1f", 100 * Double(batch.bagsContaminated) / bags)
    contamination = t(
      "\(batch.bags) 袋中污染 \(batch.bagsContaminated) 袋（\(share)%）。",
      "\(batch.bagsContaminated) of \(batch.bags) bags contaminated (\(share)%).")
    notes = batch.notes
    basisHeading = t("技术依据", "Advice basis")
    let version = batch.kbVersion.isEmpty ? knowledge.version : batch.kbVersion
    let rules = batch.adviceRules.isEmpty ? t("未记录", "none recorded") : batch.adviceRules.joined(separator: ", ")
    basis = t("知识库版本 \(version)；明白纸所用规则：\(rules)", "Knowledge version \(version); advice sheet rules: \(rules)")
    growerSignature = t("菇农签字 / 日期", "Grower's signature / date")
    agentSignature = t("推广员签字 / 日期", "Agent's signature / date")
    printed = t("由 Myco 于 \(today) 打印。", "Printed by Myco on \(today).")
  }
}

/// Numbers written plainly: `2`, `0.5`, `1.25`.
enum NumberFormat {
  static func plain(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    var text = String(format: "%.4f", value)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}

extension SheetTemplates {
  /// What `record.mustache` sees.
  struct RecordPage {
    var record: ProductionRecord
  }

  /// The production record as a self-contained HTML page (same security policy as a sheet).
  public func html(_ record: ProductionRecord) throws(Diagnostic) -> String {
    guard let page = library.render(RecordPage(record: record), withTemplate: "record") else {
      throw Diagnostic(
        kind: .sheetTemplate, at: SourceLocation(file: directory.path),
        "no record.mustache (the production record's template)")
    }
    return Self.secured(page)
  }
}

extension SheetWriter {
  /// Writes a production record to `out` as HTML, or as PDF (with its HTML beside it).
  public func write(_ record: ProductionRecord, to out: URL, format: SheetFormat) throws(Diagnostic) -> WrittenSheet {
    let html = try maker.templates.html(record)
    return try writePage(html, to: out, format: format)
  }
}
