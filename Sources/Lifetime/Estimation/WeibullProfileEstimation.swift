#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Maximum likelihood for the two-parameter Weibull on exact and right-censored data through its
/// profile likelihood in the shape: the fast path of `MaximumLikelihood` for the most common fit.
///
/// With y = log t, weights w, r the weight of the failures and u_i = exp(beta (y_i - c)) for a centre
/// c = max y (so u <= 1 and nothing overflows), the scale that maximises the likelihood at a given
/// shape is closed form, eta^beta = e^(beta c) sum w u / r, and the shape solves one equation,
///
///     h(beta) = r / beta + sum_F w (y - c) - r T1 / T0 = 0,   T_k = sum_all w u (y - c)^k,
///
/// where F are the exact failures. h decreases strictly (h' = -r / beta^2 - r Var_u(y) < 0), so the
/// root is unique and a bracketed Newton iteration finds it from any start.
///
/// The cost is in the sums. One pass over the data at a shape beta_p computes the moments
/// M_k = sum w u (y - c)^k, k = 0 ... K, with a single `exp` per entry; at any nearby shape
/// beta_p + delta the sums then follow without touching the data, since exp(delta d) is a power series:
///
///     T_k(beta_p + delta) = sum_j delta^j / j! M_(k + j).
///
/// Truncated after `taylorTerms` terms the series is exact to double precision while
/// |delta| max|d| <= `taylorReach` (the remainder is below x^(J+1) / (J+1)! e^x, 4e-23 relative at
/// x = 0.15, J = 13, and every term of a moment has the same sign because d <= 0, so nothing cancels).
/// A fit therefore costs one pass at a start taken from a strided subsample (a few per cent off at
/// most), another only when a Newton step leaves the series' reach, and Newton steps that are nearly
/// free (`largeTypeISampleNeedsOnePass` checks that 100,000 units need at most two passes).
/// The result is the same maximum the general Newton maximiser finds, with the same convergence rule
/// (a Newton step below 1e-10 relative in the shape), and the gradient and Hessian in (mu, log sigma)
/// at the estimate from the same sums.
enum WeibullProfileEstimation {
    /// Terms of the power series in delta kept when moving away from the pass shape.
    static let taylorTerms = 13
    /// Largest |delta| max|y - c| for which the truncated series is used; beyond it, a new pass.
    static let taylorReach = 0.15
    /// Entries per kind above which the start comes from a strided subsample.
    static let subsampleSize = 1024

    struct Result {
        var mu: Double
        var s: Double
        var value: Double
        var gradient: (mu: Double, s: Double)
        var hessian: (mumu: Double, mus: Double, ss: Double)
        var iterations: Int
        /// Passes over the data (one `exp` per entry each).
        var passes: Int
        var converged: Bool
        var notes: [String]
    }

    /// True when the fast path applies: exact failures and right-censored units only.
    static func applies(to sample: PreparedSample) -> Bool {
        sample.leftY.isEmpty && sample.intervalWeights.isEmpty && sample.exactWeight > 0
    }

    /// The maximum-likelihood estimate in (mu = log eta, s = log sigma = -log beta).
    /// - Complexity: O(n) per pass, one `exp` and 16 vector lanes of multiply-adds per entry; typically one
    ///   pass plus the subsample's start.
    /// - Precondition: `applies(to: sample)`, and at least two distinct exact failure times.
    static func maximize(_ sample: PreparedSample, tolerance: Double = 1e-10, maxIterations: Int = 200) -> Result {
        let start = startingShape(sample)
        return solve(sample, from: start, tolerance: tolerance, maxIterations: maxIterations)
    }

    /// The data's moments about the centre at one shape.
    struct Moments {
        var shape: Double
        var m: [Double]
    }

    /// The sums the profile and the Hessian need at one shape: T0, T1, T2.
    struct Sums {
        var t0: Double, t1: Double, t2: Double
    }

    /// Everything that stays fixed while the shape moves.
    struct Layout {
        let centre: Double
        /// max |y - c| over every entry.
        let spread: Double
        /// sum over exact failures of w (y - c).
        let failureDeviation: Double
        let failureWeight: Double

        init(_ sample: PreparedSample) {
            let (low, high) = sample.exactAndRightRange
            centre = high
            spread = high - low
            failureWeight = sample.exactWeight
            failureDeviation = sample.exactWeight * (sample.exactMean - high)
        }
    }

    /// One pass: M_k = sum w exp(beta d) d^k, k = 0 ... 15.
    ///
    /// From `PreparedSample.parallelEntries` entries on, the pass is split in two fixed halves run on
    /// two cores and added in order, so the result does not depend on scheduling.
    static func moments(_ sample: PreparedSample, layout: Layout, shape: Double) -> Moments {
        let exact = sample.exactY.count, right = sample.rightY.count
        @Sendable func part(_ exactRange: Range<Int>, _ rightRange: Range<Int>) -> SIMD16<Double> {
            accumulate(sample.exactY, sample.exactWeights, exactRange, centre: layout.centre, shape: shape)
                + accumulate(sample.rightY, sample.rightWeights, rightRange, centre: layout.centre, shape: shape)
        }
        let total: SIMD16<Double>
        if exact + right >= PreparedSample.parallelEntries {
            let halves = Parallel.map(2) { k in
                k == 0 ? part(0..<(exact / 2), 0..<(right / 2)) : part((exact / 2)..<exact, (right / 2)..<right)
            }
            total = halves[0] + halves[1]
        } else {
            total = part(0..<exact, 0..<right)
        }
        return Moments(shape: shape, m: (0..<16).map { total[$0] })
    }

    /// The sixteen moments of one kind of entry, in blocks: first exp(beta d) for a block of entries
    /// (vectorised, `BufferElementaryFunctions.exp`; kept apart from the sums because its fallback calls
    /// clobber every vector register, so no accumulator may be live across them), then
    /// the powers d^0 ... d^15 of each entry, built by doubling (4 multiplications of vectors of 2, 4
    /// and 8 lanes) and added as one vector, so the accumulators stay in registers.
    private static func accumulate(_ y: [Double], _ w: [Double], _ range: Range<Int>, centre: Double, shape: Double) -> SIMD16<Double> {
        let blockSize = 512
        var total = SIMD16<Double>()
        withUnsafeTemporaryAllocation(of: Double.self, capacity: blockSize) { u in
            y.withUnsafeBufferPointer { y in
                w.withUnsafeBufferPointer { w in
                    var start = range.lowerBound
                    while start < range.upperBound {
                        let count = min(blockSize, range.upperBound - start)
                        for i in 0..<count { u[i] = shape * (y[start + i] - centre) }
                        BufferElementaryFunctions.exp(UnsafeMutableBufferPointer(rebasing: u[0..<count]))
                        total += powerSums(UnsafeBufferPointer(rebasing: y[start..<(start + count)]),
                                           UnsafeBufferPointer(rebasing: w[start..<(start + count)]),
                                           UnsafeBufferPointer(rebasing: u[0..<count]), centre: centre)
                        start += count
                    }
                }
            }
        }
        return total
    }

    /// sum w u d^k, k = 0 ... 15, for one block. A function of its own, with the accumulator a local:
    /// captured by the closures above it was kept in memory, and stored and reloaded for every entry.
    @inline(never)
    private static func powerSums(_ y: UnsafeBufferPointer<Double>, _ w: UnsafeBufferPointer<Double>,
                                  _ u: UnsafeBufferPointer<Double>, centre: Double) -> SIMD16<Double> {
        var total = SIMD16<Double>()
        for i in 0..<y.count {
            let d = y[i] - centre
            let v = w[i] * u[i]
            let d2 = d * d, d4 = d2 * d2, d8 = d4 * d4
            let p2 = SIMD2(v, v * d)
            let p4 = SIMD4(lowHalf: p2, highHalf: p2 * d2)
            let p8 = SIMD8(lowHalf: p4, highHalf: p4 * d4)
            total += SIMD16(lowHalf: p8, highHalf: p8 * d8)
        }
        return total
    }

    /// T0, T1, T2 at `shape` from moments taken at a shape within reach.
    static func sums(_ moments: Moments, at shape: Double) -> Sums {
        let delta = shape - moments.shape
        var t = (0.0, 0.0, 0.0)
        var factor = 1.0
        for j in 0...taylorTerms {
            t.0 += factor * moments.m[j]
            t.1 += factor * moments.m[j + 1]
            t.2 += factor * moments.m[j + 2]
            factor *= delta / Double(j + 1)
        }
        return Sums(t0: t.0, t1: t.1, t2: t.2)
    }

    /// h(beta) and h'(beta).
    static func score(_ t: Sums, shape: Double, layout: Layout) -> (h: Double, slope: Double) {
        let r = layout.failureWeight
        let mean = t.t1 / t.t0
        let variance = max(0, t.t2 / t.t0 - mean * mean)
        return (r / shape + layout.failureDeviation - r * mean, -r / (shape * shape) - r * variance)
    }

    static func solve(_ sample: PreparedSample, from start: Double, tolerance: Double, maxIterations: Int) -> Result {
        let layout = Layout(sample)
        var shape = start
        var moments = moments(sample, layout: layout, shape: shape)
        var passes = 1
        // The root lies in (low, high): h > 0 below it, h < 0 above.
        var low = 0.0, high = Double.infinity
        var iterations = 0
        var converged = false
        var notes: [String] = []
        func sumsAt(_ beta: Double) -> Sums {
            if abs(beta - moments.shape) * layout.spread > taylorReach {
                moments = Self.moments(sample, layout: layout, shape: beta)
                passes += 1
            }
            return sums(moments, at: beta)
        }
        while iterations < maxIterations {
            iterations += 1
            let (h, slope) = score(sumsAt(shape), shape: shape, layout: layout)
            guard h.isFinite, slope.isFinite, slope < 0 else {
                notes.append("the profile score is not finite at beta = \(shape)")
                break
            }
            // Newton in log beta, at most a factor e^2 per step, kept inside the bracket.
            let step = max(-2, min(2, -h / (slope * shape)))
            if abs(step) <= tolerance {
                // The undamped Newton step is below the tolerance: take it and stop. (It may round to
                // no change at all, which the bracket test below would mistake for leaving the bracket.)
                shape *= exp(step)
                converged = true
                break
            }
            if h > 0 { low = max(low, shape) } else { high = min(high, shape) }
            var next = shape * exp(step)
            if !(next > low && next < high) {
                next = high.isFinite ? (low > 0 ? (low * high).squareRoot() : high / 2) : low * 2
            }
            shape = next
        }
        if !converged && iterations >= maxIterations { notes.append("iteration limit \(maxIterations) reached") }
        var result = evaluate(at: shape, sums: sumsAt(shape), layout: layout, sample: sample)
        result.iterations = iterations
        result.passes = passes
        result.converged = converged
        result.notes = notes
        return result
    }

    /// Log-likelihood, gradient and Hessian in (mu, s) at `shape` and its profile scale, from the sums.
    static func evaluate(at shape: Double, sums t: Sums, layout: Layout, sample: PreparedSample) -> Result {
        let mu = layout.centre - log(layout.failureWeight / t.t0) / shape   // sum w e^z = r at the profile scale
        let e = evaluation(mu: mu, shape: shape, sums: t, layout: layout, sample: sample)
        return Result(mu: mu, s: -log(shape), value: e.value, gradient: e.gradient, hessian: e.hessian,
                      iterations: 0, passes: 0, converged: false, notes: [])
    }

    /// Log-likelihood, gradient and Hessian in (mu, s = -log shape) at any (mu, shape), from the sums
    /// at that shape: the formulas of `LocationScaleLikelihood` for SEV with e^z = e^a u, a = beta (c - mu).
    static func evaluation(mu: Double, shape: Double, sums t: Sums, layout: Layout, sample: PreparedSample) -> LocationScaleEvaluation {
        let r = layout.failureWeight
        let a = shape * (layout.centre - mu)
        let s = -log(shape)
        let ea = exp(a)
        let sumEz = ea * t.t0
        let sumEzZ = ea * (shape * t.t1 + a * t.t0)
        let sumEzZ2 = ea * (shape * shape * t.t2 + 2 * a * shape * t.t1 + a * a * t.t0)
        let sumZ = shape * layout.failureDeviation + r * a
        let A = r - sumEz, B = sumZ - sumEzZ, C = -sumEz, D = -sumEzZ, E = -sumEzZ2
        let sigma = 1 / shape
        return LocationScaleEvaluation(value: sample.logJacobian - r * s + sumZ - sumEz,
                                       gradient: (-A / sigma, -B - r),
                                       hessian: (C / (sigma * sigma), (D + A) / sigma, E + B))
    }

    /// A start within a few per cent of the estimate: the same estimate on a strided subsample of
    /// about `subsampleSize` entries per kind (weights rescaled so that each kind keeps its share),
    /// solved loosely; for small samples, a moment estimate from the spread of the failures.
    static func startingShape(_ sample: PreparedSample) -> Double {
        guard let sub = sample.strided(toAbout: subsampleSize) else { return momentShape(sample) }
        let rough = maximize(sub, tolerance: 1e-6, maxIterations: 100)
        let shape = exp(-rough.s)
        // A subsample whose failures happen to coincide gives no usable shape: fall back to moments.
        guard rough.converged, shape.isFinite, shape > 0 else { return momentShape(sample) }
        return shape
    }

    /// 1 / sigma with sigma = sd(y of the failures) / sd(Z): ignores censoring, so only a start.
    static func momentShape(_ sample: PreparedSample) -> Double {
        let sd = (sample.exactSumOfSquares / max(sample.exactWeight - 1, 1)).squareRoot()
        let sigma = sd / SmallestExtremeValue.variance.squareRoot()
        return sigma.isFinite && sigma > 1e-6 ? 1 / sigma : 1
    }
}
