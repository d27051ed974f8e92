import Foundation

/// libFuzzer's callback: one input through the real load path.
///
/// The first byte picks what the rest is treated as (see ``FuzzLoadPath``); the loaders must
/// either load it or refuse it with diagnostics, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  FuzzLoadPath.shared.load(Data(UnsafeBufferPointer(start: data, count: size)))
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
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzzTestOneInput)
}
