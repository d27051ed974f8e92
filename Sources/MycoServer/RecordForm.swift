import HTTPTypes
import Hummingbird
import MycoRecords

/// One of the extension agent's record forms (a batch, a harvest, an input): the fields its page
/// shows and what a submission stores. ``AgentController`` serves every form the same way: the
/// page on GET; on POST the CSRF check, the store, a log line and the home page with "saved", or
/// the same page again with the values typed and the reason they were refused.
struct RecordForm: Sendable {
  /// The page title's key in the page words (`addBatch`, …).
  let title: String
  /// The path the page is served at and posts to.
  let action: String
  /// The form fields a submission may carry.
  let recordFields: Set<String>
  /// The page's fields, filled with `values` (the ones typed, after a refusal) or the defaults.
  let fields:
    @Sendable (_ controller: AgentController, _ request: Request, _ values: [String: String]) -> [[String: Any]]
  /// Stores a submission; returns what to log and what to show after "saved". Throws `InputError`
  /// for a value that is refused.
  let store: @Sendable (_ controller: AgentController, _ input: RecordInput) throws -> (log: String, saved: String)
}

extension RecordForm {
  /// `/agent/batch`: a new batch of bags.
  static let batch = RecordForm(
    title: "addBatch", action: "/agent/batch", recordFields: RecordInput.batchFields,
    fields: { controller, request, values in
      let words = controller.pages.words(controller.language(request))
      let language = controller.language(request)
      let knowledge = controller.store.current.advisor.knowledge
      return [
        field("id", words["batchId"], value: values["id"] ?? "", required: true),
        field("grower", words["grower"], value: values["grower"] ?? "", required: true),
        field("place", words["place"], value: values["place"] ?? ""),
        field("elevation", words["elevation"], type: "number", value: values["elevation"] ?? "", step: "1"),
        choice(
          "variety", words["variety"], knowledge.varieties.map { ($0.id, $0.name.text(in: language)) },
          selected: values["variety"]),
        field("strain", words["strain"], value: values["strain"] ?? ""),
        field("substrate", words["substrate"], value: values["substrate"] ?? ""),
        field("bag-size", words["bag"], value: values["bag-size"] ?? "15x55", required: true),
        field(
          "dry-substrate-kg", words["dryKg"], type: "number", value: values["dry-substrate-kg"] ?? "", required: true,
          step: "0.01"),
        field("bags", words["bags"], type: "number", value: values["bags"] ?? "", required: true, step: "1"),
        field(
          "inoculated-on", words["inoculatedOn"], type: "date",
          value: values["inoculated-on"] ?? controller.today().description, required: true),
        field("facility", words["facility"], value: values["facility"] ?? ""),
        field(
          "bags-contaminated", words["contaminated"], type: "number", value: values["bags-contaminated"] ?? "0",
          step: "1"),
      ]
    },
    store: { controller, input in
      let batch = try controller.records.add(batch: input, base: controller.store.current)
      return ("recorded batch \(batch.id)", batch.id)
    })

  /// `/agent/harvest`: one flush picked from a batch.
  static let harvest = RecordForm(
    title: "addHarvest", action: "/agent/harvest", recordFields: RecordInput.harvestFields,
    fields: { controller, request, values in
      let words = controller.pages.words(controller.language(request))
      return [
        field("batch", words["batchId"], value: batch(request, values), required: true),
        field(
          "date", words["harvestedOn"], type: "date", value: values["date"] ?? controller.today().description,
          required: true),
        field("flush", words["flush"], type: "number", value: values["flush"] ?? "1", required: true, step: "1"),
        field(
          "fresh-kg", words["freshKg"], type: "number", value: values["fresh-kg"] ?? "", required: true, step: "0.01"),
        field("grade", words["grade"], value: values["grade"] ?? ""),
        field(
          "price-yuan-per-kg", words["price"], type: "number", value: values["price-yuan-per-kg"] ?? "", step: "0.01"),
      ]
    },
    store: { controller, input in
      let harvest = try controller.records.add(harvest: input)
      return ("recorded a harvest of batch \(harvest.batchID)", harvest.batchID)
    })

  /// `/agent/input`: an input or spray. A banned product is refused with the reason; an
  /// unregistered pesticide is stored and its warning shown.
  static let input = RecordForm(
    title: "addInput", action: "/agent/input", recordFields: RecordInput.inputFields,
    fields: { controller, request, values in
      let words = controller.pages.words(controller.language(request))
      return [
        field("batch", words["batchId"], value: batch(request, values), required: true),
        field(
          "date", words["usedOn"], type: "date", value: values["date"] ?? controller.today().description,
          required: true),
        choice(
          "kind", words["kind"],
          InputKind.allCases.map { ($0.rawValue, words["kind." + $0.rawValue] ?? $0.rawValue) },
          selected: values["kind"] ?? "pesticide"),
        field("product", words["product"], value: values["product"] ?? "", required: true),
        field("amount", words["amount"], type: "number", value: values["amount"] ?? "", step: "any"),
        choice(
          "unit", words["unit"], [("", "—")] + InputUnit.allCases.map { ($0.rawValue, $0.rawValue) },
          selected: values["unit"]),
        field("target", words["target"], value: values["target"] ?? ""),
        field("note", words["note"], value: values["note"] ?? ""),
      ]
    },
    store: { controller, input in
      let stored = try controller.records.add(input: input, base: controller.store.current)
      let saved = stored.batchID + " · " + stored.product
      return (
        "recorded \(stored.kind.rawValue) for batch \(stored.batchID)",
        stored.warning.isEmpty ? saved : saved + " — ⚠ " + stored.warning
      )
    })

  /// The batch id typed, else the one in the page address (`?batch=` from a sheet's QR code).
  private static func batch(_ request: Request, _ values: [String: String]) -> String {
    values["batch"] ?? request.uri.queryParameters["batch"].map(String.init) ?? ""
  }

  /// A text, number or date field for the page template.
  private static func field(
    _ name: String, _ label: String?, type: String = "text", value: String = "", required: Bool = false,
    step: String? = nil
  ) -> [String: Any] {
    [
      "name": name, "label": label ?? name, "type": type, "value": value, "required": required, "step": step ?? false,
      "options": false,
    ]
  }

  /// A drop-down field of `(id, label)` choices.
  private static func choice(_ name: String, _ label: String?, _ list: [(String, String)], selected: String? = nil)
    -> [String: Any]
  {
    [
      "name": name, "label": label ?? name,
      "options": ["list": list.map { ["id": $0.0, "label": $0.1, "selected": $0.0 == selected] as [String: Any] }],
    ]
  }
}

extension AgentController {
  /// The page of `recordForm`, with `values` typed before and the reason they were refused.
  func formPage(
    _ recordForm: RecordForm, _ request: Request, _ context: MycoContext, values: [String: String] = [:],
    error: String? = nil, status: HTTPResponse.Status = .ok
  ) throws -> Response {
    let session = try signedIn(request, context)
    let words = pages.words(language(request))
    return page(
      "agent", request, context, session: session, status: status,
      fields: [
        "form": [
          "title": words[recordForm.title] ?? "", "action": recordForm.action,
          "fields": recordForm.fields(self, request, values),
        ] as [String: Any],
        "error": error as Any,
      ])
  }

  /// Stores a posted `recordForm`: home with "saved …", or the form again with the reason.
  func submit(_ recordForm: RecordForm, _ request: Request, _ context: MycoContext) async throws -> Response {
    _ = try signedIn(request, context)
    let input = RecordInput(pairs: try await form(request, context), fields: recordForm.recordFields)
    do {
      let (log, saved) = try recordForm.store(self, input)
      context.logger.info("agent \(context.agent ?? "?") \(log)")
      return try home(request, context, message: (pages.words(language(request))["saved"] ?? "") + " " + saved)
    } catch let error as InputError {
      return try formPage(
        recordForm, request, context, values: input.values, error: error.message,
        status: HTTPResponse.Status(code: error.status))
    }
  }
}
