import ArgumentParser
import Foundation
import MycoKnowledge

/// `myco-bench engine`: Myco's load + evaluate time against CLIPS 6.30 on the same synthetic rule
/// bases, after checking that both engines fire the same rules in every situation.
struct EngineBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "engine",
    abstract: "Time Myco against CLIPS on synthetic rule bases; first check both fire the same rules.")

  @Option(help: "Rule-base sizes, comma-separated.")
  var rules = "1000,10000"
  @Option(help: "Situations per rule base.")
  var situations = 20
  @Option(help: "Seed of the synthetic rule bases.")
  var seed: UInt64 = 1
  @Option(help: "Runs per step; the median is shown.")
  var runs = 5
  @Option(help: "The built myco binary (swift build -c release at the root).")
  var myco = "../.build/release/myco"
  @Option(help: "The CLIPS 6.30 command-line program (Debian package clips).")
  var clips = "/usr/bin/clips"
  @Option(help: "The Myco repository (for the real schemas and knowledge tables).")
  var repository = ".."
  @Option(help: "Keep the generated files here instead of a temporary folder.")
  var keep: String?
  @Option(
    help: "Rule-base shape: advisory (like Myco's rules) or single-template (CLIPS at its best, 20 situations).")
  var shape: Shape = .advisory

  func run() throws {
    let sizes = rules.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !sizes.isEmpty else { throw ValidationError("--rules needs sizes like 1000,10000") }
    let root = keep ?? NSTemporaryDirectory() + "myco-bench-engine-" + UUID().uuidString
    defer { if keep == nil { try? FileManager.default.removeItem(atPath: root) } }
    if shape == .singleTemplate { return try runSingleTemplate(sizes: sizes, root: root) }
    print("machine: \(machineDescription())")
    var rows: [Row] = []
    for size in sizes {
      let files = SyntheticFiles(
        folder: URL(fileURLWithPath: root).appendingPathComponent("rules-\(size)"),
        repository: URL(fileURLWithPath: repository))
      _ = try files.write(rules: size, situations: situations, seed: seed)
      let firings = try checkSameRulesFired(files)
      print(
        "\(size) rules: same rules fired in Myco and CLIPS for every one of \(situations) situations (\(firings) firings)"
      )
      rows.append(try time(files, size: size))
      fflush(nil)
    }
    printTable(rows)
  }

  /// Evaluates every situation in both engines and compares the sets of fired rules; stops at the
  /// first difference. Also checks one whole `myco advise` process against the in-process result.
  private func checkSameRulesFired(_ files: SyntheticFiles) throws -> Int {
    let situations = try files.readSituations()
    let advisor = try load(files)
    let mine = try situations.map {
      Set(try advisor.advise(SyntheticSituations.situation($0)).evaluation.fired.map(\.rule))
    }
    let theirs = try clipsFirings(try captureOutput(clips, ["-f", files.clips.path]))
    for (index, flags) in situations.enumerated() {
      let clipsSet = theirs[index + 1] ?? []
      guard mine[index] == clipsSet else {
        let onlyMyco = mine[index].subtracting(clipsSet).sorted().prefix(10)
        let onlyClips = clipsSet.subtracting(mine[index]).sorted().prefix(10)
        throw BenchmarkFailure(
          "DIFFERENT RULES FIRED in situation \(index + 1) (\(flags.joined(separator: " "))) of \(files.folder.path):\n"
            + "  only Myco: \(onlyMyco.joined(separator: ", "))\n  only CLIPS: \(onlyClips.joined(separator: ", "))")
      }
    }
    let json = try captureOutput(myco, adviseArguments(files, situations[0]))
    let process = try adviseFirings(json)
    guard process == mine[0] else {
      throw BenchmarkFailure(
        "`myco advise` fired \(process.count) rules but the in-process engine \(mine[0].count) in situation 1")
    }
    return mine.map(\.count).reduce(0, +)
  }

  private func time(_ files: SyntheticFiles, size: Int) throws -> Row {
    let situations = try files.readSituations().map(SyntheticSituations.situation)
    let flags = try files.readSituations()[0]
    var load: [Double] = [], evaluate: [Double] = [], inProcess: [Double] = []
    var advise: [Double] = [], clipsAll: [Double] = [], clipsOne: [Double] = []
    var cpuInProcess: [Double] = [], cpuAdvise: [Double] = [], cpuClipsAll: [Double] = [], cpuClipsOne: [Double] = []
    let clock = ContinuousClock()
    func childCPU(_ body: () throws -> Double) rethrows -> (wall: Double, cpu: Double) {
      let before = cpuSeconds(children: true)
      let wall = try body()
      return (wall, cpuSeconds(children: true) - before)
    }
    for _ in 1...runs {
      let cpuStart = cpuSeconds()
      let start = clock.now
      let advisor = try self.load(files)
      let loaded = clock.now
      for situation in situations { _ = try advisor.advise(situation) }
      let done = clock.now
      cpuInProcess.append(cpuSeconds() - cpuStart)
      load.append(seconds(start.duration(to: loaded)))
      evaluate.append(seconds(loaded.duration(to: done)))
      inProcess.append(seconds(start.duration(to: done)))
      let process = try childCPU { try timedRun(myco, adviseArguments(files, flags)) }
      let all = try childCPU { try timedRun(clips, ["-f", files.clips.path]) }
      let one = try childCPU { try timedRun(clips, ["-f", files.clipsFirst.path]) }
      advise.append(process.wall)
      cpuAdvise.append(process.cpu)
      clipsAll.append(all.wall)
      cpuClipsAll.append(all.cpu)
      clipsOne.append(one.wall)
      cpuClipsOne.append(one.cpu)
    }
    return Row(
      rules: size, situations: situations.count, load: median(load), evaluate: median(evaluate),
      inProcess: median(inProcess), clipsAll: median(clipsAll), advise: median(advise), clipsOne: median(clipsOne),
      cpuRatio: median(cpuInProcess) / median(cpuClipsAll), cpuAdviseRatio: median(cpuAdvise) / median(cpuClipsOne))
  }

  private func load(_ files: SyntheticFiles) throws -> Advisor {
    try Advisor.load(knowledge: files.knowledge, knowledgeName: "knowledge", rules: files.rules, rulesName: "rules")
  }

  private func adviseArguments(_ files: SyntheticFiles, _ flags: [String]) -> [String] {
    ["advise"] + flags + ["--rules", files.rules.path, "--knowledge", files.knowledge.path, "--format", "json"]
  }

  /// `SITUATION n` / `FIRED id` lines of a CLIPS run, as the set of rules fired per situation.
  private func clipsFirings(_ output: String) throws -> [Int: Set<String>] {
    var fired: [Int: Set<String>] = [:]
    var current = 0
    for line in output.split(separator: "\n") {
      if line.hasPrefix("SITUATION "), let number = Int(line.dropFirst(10)) {
        current = number
        fired[current] = []
      } else if line.hasPrefix("FIRED ") {
        guard current > 0 else { throw BenchmarkFailure("CLIPS fired \(line.dropFirst(6)) before any situation") }
        fired[current]!.insert(String(line.dropFirst(6)))
      } else if line.contains("[") && line.contains("ERROR") || line.hasPrefix("[") {
        throw BenchmarkFailure("CLIPS reported: \(line)")
      }
    }
    return fired
  }

  /// `trace.fired[].rule` of `myco advise --format json`.
  private func adviseFirings(_ json: String) throws -> Set<String> {
    guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
      let trace = object["trace"] as? [String: Any], let fired = trace["fired"] as? [[String: Any]]
    else { throw BenchmarkFailure("unexpected `myco advise --format json` output") }
    return Set(fired.compactMap { $0["rule"] as? String })
  }

  private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  struct Row {
    var rules, situations: Int
    var load, evaluate, inProcess, clipsAll, advise, clipsOne: Double
    /// Myco / CLIPS in CPU seconds (user + system): steadier than wall-clock on a shared machine.
    var cpuRatio, cpuAdviseRatio: Double
  }

  private func printTable(_ rows: [Row]) {
    print("median of \(runs) runs, wall-clock seconds; \(rows.first?.situations ?? 0) situations per rule base")
    let header = [
      "rules", "myco load", "myco eval", "myco total", "clips -f", "ratio", "cpu ratio", "µs/rule", "myco advise",
      "clips 1 sit.", "ratio", "cpu ratio",
    ]
    print(header.map { pad($0, 12) }.joined())
    for row in rows {
      let cells = [
        "\(row.rules)", f(row.load), f(row.evaluate), f(row.inProcess), f(row.clipsAll),
        String(format: "%.2f", row.inProcess / row.clipsAll), String(format: "%.2f", row.cpuRatio),
        String(format: "%.1f", row.inProcess / Double(row.rules) * 1e6), f(row.advise), f(row.clipsOne),
        String(format: "%.2f", row.advise / row.clipsOne), String(format: "%.2f", row.cpuAdviseRatio),
      ]
      print(cells.map { pad($0, 12) }.joined())
    }
    print("myco total = load + evaluate every situation in one process; clips -f = load + the same situations;")
    print(
      "myco advise = one `myco advise` process (load + situation 1); clips 1 sit. = clips -f with situation 1 only.")
    print(
      "ratio = Myco / CLIPS wall-clock; cpu ratio = Myco / CLIPS in CPU seconds (user + system); µs/rule = myco total / rules."
    )
  }

  private func f(_ value: Double) -> String { String(format: "%.3f", value) }

  private func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
  }
}
