import Dispatch

/// Runs async work to completion for a synchronous caller (the records API is synchronous, as
/// GRDB's is; PostgresNIO is async).
///
/// The work runs on a task executor of its own (a serial dispatch queue), not on Swift's
/// cooperative pool, so a caller that blocks a thread of that pool (the server's handlers)
/// cannot starve the work it waits for.
enum Blocking {
  static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = Outcome<T>()
    let executor = QueueExecutor()
    Task(executorPreference: executor) {
      do { outcome.result = .success(try await body()) } catch { outcome.result = .failure(error) }
      outcome.done.signal()
    }
    outcome.done.wait()
    return try outcome.result!.get()
  }

  /// The result, written once before `done` is signalled and read only after it.
  private final class Outcome<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
    let done = DispatchSemaphore(value: 0)
  }
}

/// A task executor that runs jobs on one serial dispatch queue.
private final class QueueExecutor: TaskExecutor, @unchecked Sendable {
  private let queue = DispatchQueue(label: "myco.records.postgres")

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let executor = asUnownedTaskExecutor()
    queue.async { job.runSynchronously(on: executor) }
  }
}
