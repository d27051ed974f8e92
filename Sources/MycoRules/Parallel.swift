import Dispatch

/// Runs three independent computations at once, on as many cores as there are, and returns
/// their results.
func inParallel<A: Sendable, B: Sendable, C: Sendable>(
  _ first: @Sendable () -> A, _ second: @Sendable () -> B, _ third: @Sendable () -> C
) -> (A, B, C) {
  // Each iteration writes only its own variable, and concurrentPerform returns after all of them.
  nonisolated(unsafe) var a: A?
  nonisolated(unsafe) var b: B?
  nonisolated(unsafe) var c: C?
  DispatchQueue.concurrentPerform(iterations: 3) { index in
    switch index {
    case 0: a = first()
    case 1: b = second()
    default: c = third()
    }
  }
  return (a!, b!, c!)
}

/// `transform` of each element, computed on as many cores as there are; the results in order.
func parallelMap<Element: Sendable, Result: Sendable>(
  _ elements: [Element], _ transform: @Sendable (Element) -> Result
) -> [Result] {
  var results = [Result?](repeating: nil, count: elements.count)
  results.withUnsafeMutableBufferPointer { buffer in
    // Each iteration writes only its own slot, and concurrentPerform returns after all of them.
    nonisolated(unsafe) let slots = buffer
    DispatchQueue.concurrentPerform(iterations: elements.count) { index in slots[index] = transform(elements[index]) }
  }
  return results.map { $0! }
}
