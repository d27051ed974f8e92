import ArgumentParser
import Foundation
import MycoRules
import SingleTemplateFolder

/// Which synthetic rule base `generate` and `engine` use.
enum Shape: String, ExpressibleByArgument, CaseIterable {
  /// Rules shaped like Myco's real ones (many facts, units, `<any>`, `<not>`, derived facts).
  case advisory
  /// One CLIPS template, one pattern and `test` CEs per rule (`clips_single_template.py`).
  case singleTemplate = "single-template"
}

func secondsOf(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

extension EngineBenchmark {
  /// The single-template shape: for each size, generate, check that both engines fire the same
  /// rules in every situation, then time whole processes of each.
  func runSingleTemplate(sizes: [Int], root: String) throws {
    print("machine: \(machineDescription())")
    print("shape: single-template (the form of clips_single_template.py N SEED; rules.clp identical to it)")
    var rows: [SingleRow] = []
    for size in sizes {
      let files = SingleTemplate.Files(folder: URL(fileURLWithPath: root).appendingPathComponent("single-\(size)"))
      _ = try files.write(rules: size, seed: seed, repository: URL(fileURLWithPath: repository))
      let firings = try checkSingleTemplate(files)
      print("\(size) rules: same rules fired in Myco and CLIPS for every one of 20 situations (\(firings) firings)")
      fflush(nil)
      rows.append(try timeSingleTemplate(files, size: size))
    }
    print("median of \(runs) runs, wall-clock seconds, whole processes (load + 20 situations in one run)")
    let header = [
      "rules", "myco load", "myco eval", "myco", "clips load", "clips", "ratio", "cpu ratio", "load ratio",
    ]
    print(header.map { padded($0, 12) }.joined())
    for row in rows {
      let cells = [
        "\(row.rules)", f3(row.load), f3(row.evaluate), f3(row.myco), f3(row.clipsLoad), f3(row.clips),
        String(format: "%.2f", row.myco / row.clips), String(format: "%.2f", row.cpuRatio),
        String(format: "%.2f", row.load / row.clipsLoad),
      ]
      print(cells.map { padded($0, 12) }.joined())
    }
    print("myco = `myco-single-run` (vocabulary + rules loaded with their schemas, 20 situations evaluated);")
    print("myco load / eval = its own phase times; clips = `clips -f2 run.bat` (load, reset, run, print the count);")
    print("clips load = `clips -f2 load.bat` (load and exit); ratio = myco / clips; cpu ratio in user + system")
    print("seconds; load ratio = myco load / clips load (CLIPS' load includes its process start).")
  }

  struct SingleRow {
    var rules: Int
    var load, evaluate, myco, clipsLoad, clips, cpuRatio: Double
  }

  /// The rules each engine fires per situation must be the same; the timed CLIPS file's count
  /// must equal Myco's total. Stops at the first difference.
  private func checkSingleTemplate(_ files: SingleTemplate.Files) throws -> Int {
    let situations = try files.readSituations()
    let engine = try files.load()
    let mine = situations.map { Set(engine.evaluate($0.facts).fired.map(\.rule)) }
    var theirs: [Int: Set<String>] = [:]
    for line in try captureOutput(clips, ["-f2", files.check.path]).split(separator: "\n") {
      let words = line.split(separator: " ")
      if words.count == 3, words[0] == "FIRED", let situation = Int(words[2]) {
        theirs[situation, default: []].insert(String(words[1]))
      } else if line.contains("ERROR") || line.hasPrefix("[") {
        throw BenchmarkFailure("CLIPS reported: \(line)")
      }
    }
    for (index, situation) in situations.enumerated() {
      let clipsSet = theirs[index + 1] ?? []
      guard mine[index] == clipsSet else {
        throw BenchmarkFailure(
          "DIFFERENT RULES FIRED in situation \(index + 1) (\(situation.line)) of \(files.folder.path):\n"
            + "  only Myco: \(mine[index].subtracting(clipsSet).sorted().prefix(10).joined(separator: ", "))\n"
            + "  only CLIPS: \(clipsSet.subtracting(mine[index]).sorted().prefix(10).joined(separator: ", "))")
      }
    }
    let total = mine.map(\.count).reduce(0, +)
    let counted = try captureOutput(clips, ["-f2", files.run.path])
    guard counted.split(separator: "\n").contains("fired \(total)") else {
      throw BenchmarkFailure("`clips -f2 run.bat` did not print `fired \(total)`: \(counted.suffix(300))")
    }
    let process = try captureOutput(singleRunPath, ["--folder", files.folder.path])
    guard process.hasPrefix("fired \(total)\n") else {
      throw BenchmarkFailure("`myco-single-run` did not print `fired \(total)`: \(process)")
    }
    return total
  }

  /// `myco-single-run`, built beside `myco-bench`.
  private var singleRunPath: String {
    URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("myco-single-run").path
  }

  private func timeSingleTemplate(_ files: SingleTemplate.Files, size: Int) throws -> SingleRow {
    var load: [Double] = [], evaluate: [Double] = [], myco: [Double] = [], clipsLoad: [Double] = []
    var clipsAll: [Double] = [], cpuMyco: [Double] = [], cpuClips: [Double] = []
    let clock = ContinuousClock()
    for _ in 1...runs {
      var before = cpuSeconds(children: true)
      let start = clock.now
      let output = try captureOutput(singleRunPath, ["--folder", files.folder.path])
      myco.append(secondsOf(start.duration(to: clock.now)))
      cpuMyco.append(cpuSeconds(children: true) - before)
      let phases = output.split(separator: "\n").last?.split(separator: " ") ?? []
      guard phases.count == 4, let l = Double(phases[1]), let e = Double(phases[3]) else {
        throw BenchmarkFailure("unexpected `myco-single-run` output: \(output)")
      }
      load.append(l)
      evaluate.append(e)
      before = cpuSeconds(children: true)
      clipsAll.append(try timedRun(clips, ["-f2", files.run.path]))
      cpuClips.append(cpuSeconds(children: true) - before)
      clipsLoad.append(try timedRun(clips, ["-f2", files.loadOnly.path]))
    }
    return SingleRow(
      rules: size, load: median(load), evaluate: median(evaluate), myco: median(myco), clipsLoad: median(clipsLoad),
      clips: median(clipsAll), cpuRatio: median(cpuMyco) / median(cpuClips))
  }

  private func f3(_ value: Double) -> String { String(format: "%.3f", value) }

  private func padded(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
  }
}
