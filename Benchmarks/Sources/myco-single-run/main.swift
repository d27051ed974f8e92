import Foundation
import SingleTemplateFolder

// `myco-single-run --folder DIR`: one whole Myco process on a single-template folder, the
// counterpart of `clips -f2 DIR/run.bat`: load the vocabulary and rules (schemas validated),
// evaluate the 20 situations, print the number of firings and the phase times.
//
// It links only Myco's engine (MycoRules, MycoXML), as CLIPS's executable holds only CLIPS: an
// executable that links records, sheets and SQLite as well (`myco-bench`) spends about a tenth
// of this run at 1,000 rules on starting up (dynamic symbols, the Swift runtime's first
// protocol-conformance lookups scanning every library's conformances).

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, arguments.first == "--folder", let path = arguments.last else {
  FileHandle.standardError.write(Data("usage: myco-single-run --folder DIR\n".utf8))
  exit(2)
}
do {
  let folder = SingleTemplateFolder(URL(fileURLWithPath: path))
  let clock = ContinuousClock()
  let start = clock.now
  let situations = try folder.readSituations()
  let engine = try folder.load()
  let loaded = clock.now
  var fired = 0
  for situation in situations { fired += engine.evaluate(situation.facts).fired.count }
  let done = clock.now
  func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
  print("fired \(fired)")
  print("load \(seconds(start.duration(to: loaded))) evaluate \(seconds(loaded.duration(to: done)))")
  // The process ends here, as CLIPS's `(exit)` does: the operating system takes the engine's
  // memory back at once, so it is not freed rule by rule first (3 % of the run at 1,000 rules).
  fflush(nil)
  withExtendedLifetime(engine) { exit(0) }
} catch {
  FileHandle.standardError.write(Data("myco-single-run: \(error)\n".utf8))
  exit(1)
}
