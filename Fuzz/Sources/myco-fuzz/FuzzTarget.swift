import Foundation

/// One fuzz target: set up once per process, then fed one input at a time from memory.
protocol FuzzTarget: AnyObject, Sendable {
  /// Runs one input; any outcome but a crash, a sanitizer report or a hang is a pass.
  func run(_ input: Data)
}

/// The targets by the name `Scripts/fuzz.sh TARGET` passes in `$MYCO_FUZZ_TARGET`.
enum FuzzTargets {
  static let names = ["xml", "xsd", "batches", "harvests", "growers", "situation"]

  static func make(_ name: String, root: URL) -> any FuzzTarget {
    switch name {
    case "xml": FuzzXML(root: root)
    case "xsd": FuzzSchema(root: root)
    case "batches": FuzzRecordsCSV(root: root, fuzzed: .batches)
    case "harvests": FuzzRecordsCSV(root: root, fuzzed: .harvests)
    case "growers": FuzzGrowersCSV(root: root)
    case "situation": FuzzSituation(root: root)
    default:
      fatalError("unknown fuzz target '\(name)' (targets: \(names.joined(separator: ", ")))")
    }
  }

  /// The target named by `$MYCO_FUZZ_TARGET` (default `xml`), over `$MYCO_ROOT` (default: the
  /// folder above the current one; Scripts/fuzz.sh runs from Fuzz/).
  static let current: any FuzzTarget = {
    let environment = ProcessInfo.processInfo.environment
    let root =
      environment["MYCO_ROOT"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
      ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).deletingLastPathComponent()
    return make(environment["MYCO_FUZZ_TARGET"] ?? "xml", root: root)
  }()
}

/// libFuzzer's callback: one input through the chosen target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  FuzzTargets.current.run(Data(UnsafeBufferPointer(start: data, count: size)))
  return 0
}

/// libFuzzer's driver (in the toolchain's libclang_rt.fuzzer, linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable target's entry point as `<target>_main`; it hands over to
/// libFuzzer's driver, which parses the usual libFuzzer flags.
@_cdecl("myco_fuzz_main")
public func mycoFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  _ = FuzzTargets.current  // set up before the first input, so setup time is not counted as a slow input
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzzTestOneInput)
}
