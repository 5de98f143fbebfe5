#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// The censored log-likelihood of a gamma lifetime with shape k = e^l and scale theta = e^mu above a
/// threshold gamma, of the time-scale density:
/// exact: (k - 1) ln x - x/theta - ln Gamma(k) - k mu; right: ln Q(k, x/theta); left: ln P(k, x/theta);
/// interval: ln(P(k, b/theta) - P(k, a/theta)), with x = t - gamma and P, Q the regularized incomplete
/// gamma functions. Units censored at or below the threshold contribute nothing; an interval starting
/// there is left-censored at its end.
///
/// The exact failures enter only through their weight, sum of w x and sum of w ln x (the gamma is an
/// exponential family), so they cost nothing per evaluation; runs of equal censoring times are merged
/// into one weighted entry (every survivor of a Type I test is one incomplete-gamma evaluation).
struct GammaLikelihood: Sendable {
    /// Sufficient statistics of the exact failures: sum w, sum w x, sum w ln x.
    var exactWeight = 0.0, exactSumX = 0.0, exactSumLogX = 0.0
    var right: [(x: Double, w: Double)] = []
    var left: [(x: Double, w: Double)] = []
    var interval: [(a: Double, b: Double, w: Double)] = []

    init(data: LifetimeData, threshold: Double) {
        for (t, w) in zip(data.failureTimes, data.failureCounts) {
            exactWeight += w
            exactSumX += w * (t - threshold)
            exactSumLogX += w * log(t - threshold)
        }
        for (t, w) in zip(data.suspensionTimes, data.suspensionCounts) where t > threshold { Self.add(t - threshold, w, to: &right) }
        for (t, w) in zip(data.leftCensoredTimes, data.leftCensoredCounts) { Self.add(t - threshold, w, to: &left) }
        for i in data.intervalCounts.indices {
            let a = data.intervalLowerTimes[i] - threshold, b = data.intervalUpperTimes[i] - threshold
            if a <= 0 { Self.add(b, data.intervalCounts[i], to: &left) } else { interval.append((a, b, data.intervalCounts[i])) }
        }
    }

    /// Appends (x, w), or adds w to the last entry when it has the same x.
    private static func add(_ x: Double, _ w: Double, to entries: inout [(x: Double, w: Double)]) {
        if let last = entries.last, last.x == x { entries[entries.count - 1].w += w } else { entries.append((x, w)) }
    }

    /// - Complexity: O(1) for the exact failures; one incomplete-gamma evaluation per merged censored entry.
    func logLikelihood(mu: Double, logShape: Double) -> Double {
        let k = exp(logShape), inverseScale = exp(-mu)
        guard k.isFinite, k > 0, inverseScale.isFinite else { return -.infinity }
        let constant = logGamma(k) + k * mu
        var total = (k - 1) * exactSumLogX - exactSumX * inverseScale - exactWeight * constant
        for r in right { total += r.w * logRegularizedGammaQ(k, r.x * inverseScale) }
        for l in left { total += l.w * log(regularizedGammaP(k, l.x * inverseScale)) }
        for i in interval {
            let lo = i.a * inverseScale, hi = i.b * inverseScale
            let p = lo > k ? regularizedGammaQ(k, lo) - regularizedGammaQ(k, hi) : regularizedGammaP(k, hi) - regularizedGammaP(k, lo)
            total += i.w * log(p)
        }
        return total.isNaN ? -.infinity : total
    }

    /// The log-likelihood with its gradient and Hessian in (mu, l) = (ln theta, ln k).
    ///
    /// The exact failures' part is analytic (digamma, trigamma). For each censored entry, the
    /// derivatives in mu are analytic: mu enters only through z = x e^-mu, and d ln Q(k, z)/d mu =
    /// z^k e^-z / (Gamma(k) Q) (likewise for P and for differences). The derivatives in l are central
    /// differences of each entry's term and of its mu-derivative at l +- h, h = 1e-4: a term's
    /// rounding (1e-15 relative) divided by h or h^2 stays far below the gradient's scale, and the
    /// truncation error (h^2/6 of the third derivative) moves the estimate by about 1e-10 relative.
    /// Differencing term by term (not the total, whose rounding grows with n) keeps this accuracy
    /// at any sample size. From 16,384 censored entries on, the pass runs in two fixed halves on two
    /// cores (as the Weibull moments do).
    /// - Complexity: O(1) for the exact failures; three incomplete-gamma evaluations per merged
    ///   censored entry (six per interval).
    func derivatives(mu: Double, logShape l: Double) -> (value: Double, gradient: (Double, Double),
                                                         hessian: (mm: Double, ml: Double, ll: Double)) {
        let h = 1e-4
        let k = exp(l), inverseScale = exp(-mu)
        guard k.isFinite, k > 0, inverseScale.isFinite else { return (-.infinity, (.nan, .nan), (.nan, .nan, .nan)) }
        let sx = exactSumX * inverseScale
        let psi = digamma(k)
        var value = (k - 1) * exactSumLogX - sx - exactWeight * (logGamma(k) + k * mu)
        var gm = sx - exactWeight * k
        var gl = k * (exactSumLogX - exactWeight * (psi + mu))
        var hmm = -sx
        var hml = -exactWeight * k
        var hll = gl - k * k * exactWeight * trigamma(k)
        let shapes = (exp(l - h), k, exp(l + h))
        let logGammas = (logGamma(shapes.0), logGamma(k), logGamma(shapes.2))
        // The censored entries in two fixed halves, on two cores when there are many (each half
        // summed in order, then the halves added in order: the result does not depend on scheduling).
        let entries = right.count + left.count + 2 * interval.count
        let parts = entries >= 16_384
            ? Parallel.map(2) { half in self.censoredTerms(half: half, of: 2, inverseScale, h, shapes, logGammas) }
            : [censoredTerms(half: 0, of: 1, inverseScale, h, shapes, logGammas)]
        for part in parts {
            value += part.value; gm += part.gm; gl += part.gl
            hmm += part.hmm; hml += part.hml; hll += part.hll
        }
        guard value.isFinite, gm.isFinite, gl.isFinite, hmm.isFinite, hml.isFinite, hll.isFinite else {
            return (value.isNaN ? -.infinity : value, (gm, gl), (hmm, hml, hll))
        }
        return (value, (gm, gl), (hmm, hml, hll))
    }

    /// Sums over the censored entries (one part of `parts` of each kind) of the terms and derivatives.
    private struct Terms: Sendable {
        var value = 0.0, gm = 0.0, gl = 0.0, hmm = 0.0, hml = 0.0, hll = 0.0
    }

    /// The censored entries' contribution to `derivatives`, over part `half` of `parts` of each kind.
    private func censoredTerms(half: Int, of parts: Int, _ inverseScale: Double, _ h: Double,
                               _ shapes: (Double, Double, Double), _ logGammas: (Double, Double, Double)) -> Terms {
        var t = Terms()
        let k = shapes.1
        /// Adds a censored entry of weight w from its (value, d/dmu, d2/dmu2) at the three shapes.
        func add(_ w: Double, _ minus: (Double, Double, Double), _ centre: (Double, Double, Double),
                 _ plus: (Double, Double, Double)) {
            t.value += w * centre.0
            t.gm += w * centre.1
            t.hmm += w * centre.2
            t.gl += w * (plus.0 - minus.0) / (2 * h)
            t.hll += w * (plus.0 - 2 * centre.0 + minus.0) / (h * h)
            t.hml += w * (plus.1 - minus.1) / (2 * h)
        }
        func range(_ count: Int) -> Range<Int> { (count * half / parts)..<(count * (half + 1) / parts) }
        for i in range(right.count) {
            let r = right[i]
            let z = r.x * inverseScale, logZ = log(z)
            add(r.w, Self.upper(shapes.0, logGammas.0, z, logZ), Self.upper(k, logGammas.1, z, logZ),
                Self.upper(shapes.2, logGammas.2, z, logZ))
        }
        for i in range(left.count) {
            let e = left[i]
            let z = e.x * inverseScale, logZ = log(z)
            add(e.w, Self.lower(shapes.0, logGammas.0, z, logZ), Self.lower(k, logGammas.1, z, logZ),
                Self.lower(shapes.2, logGammas.2, z, logZ))
        }
        for j in range(interval.count) {
            let i = interval[j]
            let a = i.a * inverseScale, b = i.b * inverseScale
            let la = log(a), lb = log(b)
            add(i.w, Self.between(shapes.0, logGammas.0, a, la, b, lb), Self.between(k, logGammas.1, a, la, b, lb),
                Self.between(shapes.2, logGammas.2, a, la, b, lb))
        }
        return t
    }

    /// ln Q(k, z) and its first two derivatives in mu (z = x e^-mu): with r = z^k e^-z / (Gamma(k) Q),
    /// d/dmu = r and d2/dmu2 = r (z - k - r).
    @inline(__always)
    private static func upper(_ k: Double, _ logGammaK: Double, _ z: Double, _ logZ: Double) -> (Double, Double, Double) {
        let logQ = logRegularizedGammaQ(k, z)
        let r = exp(k * logZ - z - logGammaK - logQ)
        return (logQ, r, r * (z - k - r))
    }

    /// ln P(k, z) and its first two derivatives in mu: with s = z^k e^-z / (Gamma(k) P), d/dmu = -s
    /// and d2/dmu2 = s (k - z) - s^2.
    @inline(__always)
    private static func lower(_ k: Double, _ logGammaK: Double, _ z: Double, _ logZ: Double) -> (Double, Double, Double) {
        let logP = log(regularizedGammaP(k, z))
        let s = exp(k * logZ - z - logGammaK - logP)
        return (logP, -s, s * (k - z) - s * s)
    }

    /// ln(P(k, b) - P(k, a)) and its first two derivatives in mu: with p_z = z^k e^-z / Gamma(k) and
    /// D the difference, d/dmu = -(p_b - p_a)/D and d2/dmu2 = (p_b (k - b) - p_a (k - a))/D - (d/dmu)^2.
    @inline(__always)
    private static func between(_ k: Double, _ logGammaK: Double, _ a: Double, _ logA: Double, _ b: Double,
                                _ logB: Double) -> (Double, Double, Double) {
        let d = a > k ? regularizedGammaQ(k, a) - regularizedGammaQ(k, b) : regularizedGammaP(k, b) - regularizedGammaP(k, a)
        let pa = exp(k * logA - a - logGammaK), pb = exp(k * logB - b - logGammaK)
        let first = -(pb - pa) / d
        return (log(d), first, (pb * (k - b) - pa * (k - a)) / d - first * first)
    }
}
