import MycoDiagnostics
import MycoKnowledge
import MycoRules

extension SheetBuilder {
  /// A text from a rule, with its `{fact}` slots filled, in the sheet's language(s).
  func filled(_ text: LocalizedText) -> Line {
    Line({ report.fill(text.text(in: $0), language: $0) }, language)
  }

  func certainty(_ certainty: Certainty) -> Line {
    Line({ certainty.words(in: $0) }, language)
  }

  func item(_ advice: Advice, number: Int, text: LocalizedText) -> NumberedAdvice {
    NumberedAdvice(
      number: number, certainty: certainty(advice.certainty), level: advice.certainty.rawValue, text: filled(text),
      rule: advice.rule)
  }

  func isProblem(_ advice: Advice) -> Bool {
    advice.kind == .warning || Self.problemTopics.contains(String(advice.topic.split(separator: ".").first ?? ""))
  }

  /// The three strongest messages: must/avoid before should/consider, then by priority.
  func keyMessages() -> [NumberedAdvice] {
    let all = report.evaluation.warnings + report.advice
    let ranked = all.enumerated().sorted { a, b in
      (a.element.certainty, -a.element.priority, a.offset) < (b.element.certainty, -b.element.priority, b.offset)
    }
    return ranked.prefix(Self.keyMessageCount).enumerated().map { index, entry in
      item(entry.element, number: index + 1, text: entry.element.title)
    }
  }

  /// The winning advice that is not about problems, in topic order, numbered, at most seven
  /// (at most `limit`).
  func stepItems(limit: Int = maximumSteps) -> ([NumberedAdvice], Line?) {
    let steps = report.advice.filter { !isProblem($0) }
    let shown = steps.prefix(limit).enumerated().map { index, advice in
      item(advice, number: index + 1, text: advice.text)
    }
    if steps.isEmpty { return ([], labels.line("noAdvice", language)) }
    let more = steps.count - shown.count
    return (shown, more > 0 ? labels.line("moreSteps", language, ["n": "\(more)"]) : nil)
  }

  /// Whether advice is about pesticides (topic head `pesticide-safety`): such advice becomes a
  /// numbered pesticide note rather than a problem row.
  func isPesticideNote(_ advice: Advice) -> Bool {
    advice.topic.split(separator: ".").first.map(String.init) == Self.pesticideTopic
  }

  /// The problems and the pesticide notes: one row per problem (warnings and contamination / pest
  /// advice, in the report's order), and the pesticide-safety advice as notes ① ② … A row refers
  /// to a note when both rules were triggered by the same reported item (the same set-membership
  /// test held in both, e.g. `symptoms has green-patches`). When there is no problem, one row says
  /// to photograph and ask.
  func problemSection() -> (rows: [ProblemRow], notes: [PesticideNote]) {
    let all = report.evaluation.warnings + report.advice.filter { isProblem($0) && $0.kind != .warning }
    let notes = all.filter(isPesticideNote).enumerated().map { index, advice in
      PesticideNote(
        mark: Self.mark(index + 1), certainty: certainty(advice.certainty), level: advice.certainty.rawValue,
        title: filled(advice.title), text: filled(advice.text), rule: advice.rule)
    }
    let noteTriggers = notes.map { heldMembershipTests($0.rule) }
    let rows = all.filter { !isPesticideNote($0) }.enumerated().map { index, advice in
      let triggers = heldMembershipTests(advice.rule)
      let marks = notes.indices.filter { !noteTriggers[$0].isDisjoint(with: triggers) }.map { notes[$0].mark }
      return ProblemRow(
        number: index + 1, recognise: filled(advice.title), certainty: certainty(advice.certainty),
        level: advice.certainty.rawValue, action: filled(advice.text),
        marks: marks.isEmpty ? nil : marks.joined(separator: " "), rule: advice.rule)
    }
    if !rows.isEmpty { return (rows, notes) }
    let general = notes.isEmpty ? nil : notes.map(\.mark).joined(separator: " ")
    let none = ProblemRow(
      number: 1, recognise: labels.line("noProblems", language), certainty: nil, level: "",
      action: labels.line("noProblemsHint", language), marks: general, rule: "")
    return ([none], notes)
  }

  /// The set-membership tests (`fact has item`) of a fired rule that held, as the author wrote them.
  func heldMembershipTests(_ rule: String) -> Set<String> {
    guard let condition = report.rules.rule(id: rule)?.condition,
      let firing = report.evaluation.fired.first(where: { $0.rule == rule })
    else { return [] }
    let held = Set(firing.matched.map(\.test))
    return Set(
      condition.tests.filter { test in
        if case .contains = test.comparison { held.contains(test.summary) } else { false }
      }.map(\.summary))
  }

  /// `①` … `⑳`, then `(21)`, … : short marks for the pesticide notes.
  static func mark(_ number: Int) -> String {
    guard (1...20).contains(number), let scalar = Unicode.Scalar(0x2460 + number - 1) else { return "(\(number))" }
    return String(Character(scalar))
  }

  /// The facts a fired rule matched on, as people read them.
  func matchedFacts(_ rule: String) -> Line? {
    guard let firing = report.evaluation.fired.first(where: { $0.rule == rule }), !firing.matched.isEmpty else {
      return nil
    }
    return Line(
      { lang in
        firing.matched.map {
          "\(report.factLabel($0.fact, language: lang)) \(report.display($0.fact, $0.value, language: lang))"
        }
        .joined(separator: lang == .zh ? "；" : "; ")
      }, language)
  }

  /// Each fired rule's reason, with its certainty words and the facts it matched.
  /// At most this many reasons are printed: warnings first, then by certainty and priority. Every
  /// fired rule is still named, with its sources, in the footer.
  public static let maximumReasons = 3

  func whyItems(limit: Int = maximumReasons) -> [WhyItem] {
    let given = report.evaluation.warnings + report.advice
    let ranked = given.enumerated().sorted {
      ($0.element.kind == .warning ? 0 : 1, $0.element.certainty, -$0.element.priority, $0.offset)
        < ($1.element.kind == .warning ? 0 : 1, $1.element.certainty, -$1.element.priority, $1.offset)
    }
    return ranked.prefix(limit).map(\.element).map { advice in
      WhyItem(
        certainty: certainty(advice.certainty), because: filled(advice.because),
        facts: matchedFacts(advice.rule).map { facts in
          facts.wrapped(language, prefix: { labels.text("matched", $0) })
        }, rule: advice.rule)
    }
  }

  /// Every rule that fired, in firing order, with the numbers of its sources; overridden ones say so.
  /// Sources are numbered once each, in order of first use, so shared sources print once.
  func ruleReferences() -> (rules: [RuleReference], sources: [SourceNote]) {
    let given = report.evaluation.warnings + report.evaluation.advice + report.evaluation.overridden
    var sources: [SourceNote] = []
    var numbers: [String: Int] = [:]
    let rules = report.evaluation.fired.map { firing in
      let citations = report.rules.rule(id: firing.rule)?.sources ?? []
      let cited = citations.map { citation in
        if let number = numbers[citation.id] { return number }
        // The short citation, with the journal for a graded-A publication (not for texts read on a site).
        let text =
          citation.publication.map { publication in
            let journal =
              publication.grade == .a ? publication.publishedIn.flatMap { $0.contains(" read on ") ? nil : $0 } : nil
            return publication.shortCitation + (journal.map { ", " + $0 } ?? "")
          } ?? citation.reference
        sources.append(SourceNote(number: sources.count + 1, text: text))
        numbers[citation.id] = sources.count
        return sources.count
      }
      let note = given.first { $0.rule == firing.rule }?.overriddenBy.map { by in
        labels.line("overridden", language, ["rule": by])
      }
      let list = cited.map(String.init).joined(separator: ",")
      return RuleReference(id: firing.rule, sources: list.isEmpty ? nil : "[\(list)]", note: note)
    }
    return (rules, sources)
  }
}
