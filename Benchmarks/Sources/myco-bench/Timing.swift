import Foundation

/// Runs a program and returns its wall-clock time in seconds; fails if it exits non-zero.
func timedRun(_ executable: String, _ arguments: [String], stdin: String? = nil) throws -> Double {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  let output = Pipe()
  process.standardOutput = FileHandle.nullDevice
  process.standardError = output
  if let stdin { process.standardInput = FileHandle(forReadingAtPath: stdin) }
  let clock = ContinuousClock()
  let start = clock.now
  try process.run()
  let errors = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  let elapsed = start.duration(to: clock.now)
  guard process.terminationStatus == 0 else {
    throw BenchmarkFailure(
      "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): "
        + String(decoding: errors.prefix(2000), as: UTF8.self))
  }
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// The median of some timings.
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

/// A benchmark step that failed.
struct BenchmarkFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// `2 cores, Intel(R) Xeon(R) …` from /proc/cpuinfo, when readable.
func machineDescription() -> String {
  let cores = ProcessInfo.processInfo.activeProcessorCount
  let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
  let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
  let model =
    info.split(separator: "\n").first { $0.hasPrefix("model name") }
    .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
  return "\(cores) cores, \(model), \(String(format: "%.0f", memory)) GiB"
}

/// Runs a program and returns what it printed; fails if it exits non-zero.
func captureOutput(_ executable: String, _ arguments: [String]) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  let output = Pipe()
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  try process.run()
  // Read stderr on another thread so that neither pipe can fill up and block the program.
  let errorData = LockedData()
  let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
  reader.start()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  while !errorData.isSet { usleep(1000) }
  guard process.terminationStatus == 0 else {
    throw BenchmarkFailure(
      "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): "
        + String(decoding: errorData.value.prefix(2000), as: UTF8.self))
  }
  return String(decoding: data, as: UTF8.self)
}

/// Bytes handed from a reader thread.
final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?
  func set(_ value: Data) { lock.withLock { data = value } }
  var isSet: Bool { lock.withLock { data != nil } }
  var value: Data { lock.withLock { data ?? Data() } }
}

/// CPU seconds (user + system) used so far by this process, or by its finished children.
func cpuSeconds(children: Bool = false) -> Double {
  var usage = rusage()
  getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
  func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
  return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
