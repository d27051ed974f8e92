/// CPython's `random.Random(seed)` (MT19937, `init_by_array`, `random()`, `randrange`, `choice`),
/// so that `myco-bench generate --shape single-template` draws exactly what
/// `clips_single_template.py N SEED` draws and writes the same CLIPS file, byte for byte.
struct PythonRandom {
  private var state = [UInt32](repeating: 0, count: 624)
  private var index = 624

  /// `random.Random(seed)` for a non-negative integer seed (CPython's `init_by_array` over the
  /// seed's 32-bit words, least significant first).
  init(seed: UInt64) {
    var key: [UInt32] = []
    var rest = seed
    repeat {
      key.append(UInt32(truncatingIfNeeded: rest))
      rest >>= 32
    } while rest > 0
    state[0] = 19_650_218
    for i in 1..<624 { state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i) }
    var i = 1
    var j = 0
    for _ in 0..<max(624, key.count) {
      state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
      i += 1
      j += 1
      if i >= 624 {
        state[0] = state[623]
        i = 1
      }
      if j >= key.count { j = 0 }
    }
    for _ in 0..<623 {
      state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
      i += 1
      if i >= 624 {
        state[0] = state[623]
        i = 1
      }
    }
    state[0] = 0x8000_0000
  }

  private mutating func next32() -> UInt32 {
    if index >= 624 {
      for k in 0..<624 {
        let y = (state[k] & 0x8000_0000) | (state[(k + 1) % 624] & 0x7fff_ffff)
        state[k] = state[(k + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_b0df)
      }
      index = 0
    }
    var y = state[index]
    index += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9d2c_5680
    y ^= (y << 15) & 0xefc6_0000
    y ^= y >> 18
    return y
  }

  /// `random.random()`: 53 random bits in [0, 1).
  mutating func random() -> Double {
    let a = Double(next32() >> 5)
    let b = Double(next32() >> 6)
    return (a * 67_108_864 + b) / 9_007_199_254_740_992
  }

  /// `_randbelow(n)` for 0 < n < 2³²: `getrandbits(n.bit_length())` until below n.
  private mutating func below(_ n: Int) -> Int {
    precondition(n > 0 && n <= Int(UInt32.max))
    let bits = Int.bitWidth - n.leadingZeroBitCount
    while true {
      let r = Int(next32() >> UInt32(32 - bits))
      if r < n { return r }
    }
  }

  /// `randrange(start, stop, step)` for a positive step and start < stop.
  mutating func randrange(_ start: Int, _ stop: Int, _ step: Int = 1) -> Int {
    step == 1 ? start + below(stop - start) : start + step * below((stop - start + step - 1) / step)
  }

  /// `choice(seq)`.
  mutating func choice<T>(_ items: [T]) -> T { items[below(items.count)] }
}
