import Foundation

/// The statistics the yield report uses: mean, sample standard deviation, Student-t quantiles
/// and confidence intervals, and Welch's unequal-variance t-test.
///
/// The t distribution is computed, not looked up: its CDF through the regularized incomplete
/// beta function (continued fraction, as in Numerical Recipes §6.4), its inverse by bisection
/// on that CDF to 1e-12.
public enum Statistics {
  /// The arithmetic mean; nil for no values.
  public static func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }

  /// The sample standard deviation (n − 1 in the denominator); nil for fewer than two values.
  public static func standardDeviation(_ values: [Double]) -> Double? {
    guard values.count >= 2, let mean = mean(values) else { return nil }
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (squares / Double(values.count - 1)).squareRoot()
  }

  /// The 95 % confidence interval of the mean: mean ± t(0.975, n − 1) · SD / √n; nil for
  /// fewer than two values.
  public static func confidenceInterval95(_ values: [Double]) -> ClosedRange<Double>? {
    guard let mean = mean(values), let sd = standardDeviation(values), mean.isFinite, sd.isFinite
    else { return nil }
    let half =
      studentTQuantile(0.975, degreesOfFreedom: Double(values.count - 1))
      * sd / Double(values.count).squareRoot()
    guard half.isFinite, (mean - half).isFinite, (mean + half).isFinite else { return nil }
    return (mean - half)...(mean + half)
  }

  /// P(T ≤ t) for Student's t with `degreesOfFreedom` (which may be fractional).
  public static func studentTCDF(_ t: Double, degreesOfFreedom df: Double) -> Double {
    let x = df / (df + t * t)
    let tail = 0.5 * regularizedIncompleteBeta(x, a: df / 2, b: 0.5)
    return t >= 0 ? 1 - tail : tail
  }

  /// The `p`-quantile of Student's t: the t with P(T ≤ t) = p; NaN unless 0 < p < 1 and
  /// `df` is positive and finite (never a trap: extreme data must not stop a report).
  public static func studentTQuantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
    guard p > 0, p < 1, df > 0, df.isFinite else { return .nan }
    var low = -1.0
    var high = 1.0
    while studentTCDF(low, degreesOfFreedom: df) > p, low.isFinite { low *= 2 }
    while studentTCDF(high, degreesOfFreedom: df) < p, high.isFinite { high *= 2 }
    guard low.isFinite, high.isFinite else { return .nan }
    for _ in 0..<200 where high - low > 1e-12 {
      let middle = (low + high) / 2
      if studentTCDF(middle, degreesOfFreedom: df) < p { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }

  /// Welch's t-test of mean(a) − mean(b), with the 95 % interval of that difference.
  /// Nil when either sample has fewer than two values, both have no spread, or the values are
  /// so extreme that a figure is not a finite number.
  public static func welchTest(_ a: [Double], _ b: [Double]) -> WelchTest? {
    guard let meanA = mean(a), let meanB = mean(b),
      let sdA = standardDeviation(a), let sdB = standardDeviation(b),
      meanA.isFinite, meanB.isFinite, sdA.isFinite, sdB.isFinite
    else { return nil }
    let varA = sdA * sdA / Double(a.count)
    let varB = sdB * sdB / Double(b.count)
    let standardError = (varA + varB).squareRoot()
    guard standardError > 0, standardError.isFinite else { return nil }
    let df =
      (varA + varB) * (varA + varB)
      / (varA * varA / Double(a.count - 1) + varB * varB / Double(b.count - 1))
    let difference = meanA - meanB
    let t = difference / standardError
    guard df > 0, df.isFinite, difference.isFinite, t.isFinite else { return nil }
    let p = 2 * studentTCDF(-abs(t), degreesOfFreedom: df)
    let half = studentTQuantile(0.975, degreesOfFreedom: df) * standardError
    guard half.isFinite, p.isFinite else { return nil }
    return WelchTest(
      difference: difference, interval: (difference - half)...(difference + half), t: t,
      degreesOfFreedom: df, p: p)
  }

  /// I_x(a, b), the regularized incomplete beta function.
  static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
    let logPowers: Double = a * log(x) + b * log(1 - x)
    let logFront = logGammas + logPowers
    let front = exp(logFront)
    if x < (a + 1) / (a + b + 2) {
      return front * betaContinuedFraction(x, a: a, b: b) / a
    }
    return 1 - front * betaContinuedFraction(1 - x, a: b, b: a) / b
  }

  /// Lentz's method for the incomplete beta continued fraction.
  private static func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...300 {
      let m = Double(m)
      let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      h *= step
      if abs(step - 1) < 1e-15 { break }
    }
    return h
  }
}

/// The result of Welch's t-test on two samples.
public struct WelchTest: Sendable, Equatable {
  /// mean(a) − mean(b).
  public let difference: Double
  /// 95 % confidence interval of the difference.
  public let interval: ClosedRange<Double>
  /// The t statistic.
  public let t: Double
  /// Welch–Satterthwaite degrees of freedom.
  public let degreesOfFreedom: Double
  /// Two-sided p-value.
  public let p: Double
}
