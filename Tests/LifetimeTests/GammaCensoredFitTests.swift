import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import Lifetime
import RelmodelNumerics

/// Gamma fits on randomly censored data (every unit its own censoring time, as field data have),
/// where each censored unit is one incomplete-gamma term: issue 10, item 9 (gamma2p ended "not
/// converged" on 100,000 such units, gamma3p ran for minutes).
@Suite struct GammaCensoredFitTests {
    /// 2,000 Weibull(eta 1000, beta 1.5) lifetimes with independent exponential censoring times (mean
    /// 2324 h), both from Weyl sequences u_i = frac(i phi), v_i = frac(i (sqrt 2 - 1)), i = 1...2000,
    /// rounded to 0.001 h: reproducible bit for bit in NumPy (1404 failures, times summing to
    /// 1398305.939).
    static func weylSample() throws -> LifetimeData {
        var data = LifetimeData()
        for i in 1...2000 {
            let u = (Double(i) * 0.6180339887498949).truncatingRemainder(dividingBy: 1)
            let v = (Double(i) * 0.41421356237309515).truncatingRemainder(dividingBy: 1)
            let t = (1000 * pow(-log1p(-u), 1 / 1.5) * 1000).rounded(.toNearestOrEven) / 1000
            let c = (-2324 * log1p(-v) * 1000).rounded(.toNearestOrEven) / 1000
            if t <= c { try data.addFailure(at: max(t, 0.001)) } else { try data.addSuspension(at: max(c, 0.001)) }
        }
        return data
    }

    @Test func theSampleIsTheOneTheReferenceWasComputedOn() throws {
        let data = try Self.weylSample()
        #expect(data.failureCount == 1404)
        let total = data.failureTimes.reduce(0, +) + data.suspensionTimes.reduce(0, +)
        #expect(abs(total - 1398305.939) < 1e-6)
    }

    /// Reference: the maximum of the same log-likelihood computed independently in Python, SciPy's
    /// Nelder-Mead on `gammaincc` then Newton steps on 30-digit central differences of an mpmath
    /// log-likelihood (`mpmath.gammainc(..., regularized=True)`, mp.dps = 30; the last steps were
    /// below 1e-23): shape 1.86473890513817, scale 490.528459547867, log-likelihood
    /// -10940.3992854214164 (scripts/reference/gamma_random_censoring_2000.py; surpyval 0.25 gives shape
    /// 1.8647382443920395, 3.6e-7 away, its optimiser tolerance).
    @Test func gamma2pOnRandomlyCensoredDataConvergesToTheIndependentMaximum() throws {
        let fit = try MaximumLikelihood.fit(.gamma2p, to: Self.weylSample())
        #expect(fit.diagnostics.converged, "\(fit.diagnostics)")
        #expect(fit.diagnostics.hessianNegativeDefinite)
        #expect(fit.diagnostics.iterations < 20, "\(fit.diagnostics.iterations)")
        let shape = try #require(fit.model.shape)
        let scale = exp(fit.model.mu)
        #expect(abs(shape / 1.86473890513817 - 1) < 1e-8, "shape \(shape)")
        #expect(abs(scale / 490.528459547867 - 1) < 1e-8, "scale \(scale)")
        #expect(abs(fit.logLikelihood - -10940.3992854214164) < 1e-8, "\(fit.logLikelihood)")
    }

    /// The gamma on the core (exact hyper-dual derivatives; the exact failures through their
    /// sufficient statistics): the value equals the censored log-likelihood written out term by term
    /// here with the Double incomplete gamma, and the gradient and Hessian equal central differences of
    /// it, with exact, right-, left- and interval-censored units and a threshold.
    @Test func coreLikelihoodEqualsTermsAndItsDerivativesEqualDifferences() throws {
        var data = LifetimeData()
        for (i, t) in [12.0, 35, 47, 61, 88, 102, 140, 151, 199, 260].enumerated() {
            try data.addFailure(at: t, count: Double(1 + i % 3))
        }
        for t in [70.0, 130, 300, 300, 410, 2.0] { try data.addSuspension(at: t) }
        for t in [20.0, 55] { try data.addLeftCensored(before: t, count: 2) }
        for (a, b) in [(30.0, 60.0), (90, 120), (150, 400), (5, 9), (1, 8)] { try data.addInterval(from: a, to: b) }
        let threshold = 3.0
        let likelihood = CensoredLogLikelihood(family: GammaDistribution(), sample: CensoredSample(data, threshold: threshold))
        /// Term by term on t - threshold: a suspension at or below the threshold says nothing, an
        /// interval starting there is left-censored at its end.
        func terms(_ theta: Double, _ k: Double) -> Double {
            var total = 0.0
            for (t, w) in zip(data.failureTimes, data.failureCounts) {
                let x = t - threshold
                total += w * ((k - 1) * log(x) - x / theta - lgamma(k) - k * log(theta))
            }
            for (t, w) in zip(data.suspensionTimes, data.suspensionCounts) where t > threshold {
                total += w * logRegularizedGammaQ(k, (t - threshold) / theta)
            }
            for (t, w) in zip(data.leftCensoredTimes, data.leftCensoredCounts) {
                total += w * log(regularizedGammaP(k, (t - threshold) / theta))
            }
            for i in data.intervalCounts.indices {
                let a = max(data.intervalLowerTimes[i] - threshold, 0), b = data.intervalUpperTimes[i] - threshold
                total += data.intervalCounts[i] * log(regularizedGammaP(k, b / theta) - regularizedGammaP(k, a / theta))
            }
            return total
        }
        let u = [log(80.0), log(1.7)]
        let d = likelihood.derivatives(u)
        #expect(abs(d.value - terms(80, 1.7)) < 1e-12 * abs(d.value), "\(d.value) \(terms(80, 1.7))")
        #expect(abs(likelihood.value(u) - d.value) < 1e-12 * abs(d.value))
        let h = 1e-4
        func f(_ a: Double, _ b: Double) -> Double { terms(exp(a), exp(b)) }
        let (mu, l) = (u[0], u[1])
        let gm = (f(mu + h, l) - f(mu - h, l)) / (2 * h)
        let gl = (f(mu, l + h) - f(mu, l - h)) / (2 * h)
        let hmm = (f(mu + h, l) - 2 * f(mu, l) + f(mu - h, l)) / (h * h)
        let hll = (f(mu, l + h) - 2 * f(mu, l) + f(mu, l - h)) / (h * h)
        let hml = (f(mu + h, l + h) - f(mu + h, l - h) - f(mu - h, l + h) + f(mu - h, l - h)) / (4 * h * h)
        #expect(abs(d.gradient[0] - gm) < 1e-7 * max(1, abs(gm)), "\(d.gradient[0]) \(gm)")
        #expect(abs(d.gradient[1] - gl) < 1e-7 * max(1, abs(gl)), "\(d.gradient[1]) \(gl)")
        #expect(abs(d.hessian[0, 0] - hmm) < 1e-5 * max(1, abs(hmm)), "\(d.hessian[0, 0]) \(hmm)")
        #expect(abs(d.hessian[0, 1] - hml) < 1e-5 * max(1, abs(hml)), "\(d.hessian[0, 1]) \(hml)")
        #expect(abs(d.hessian[1, 1] - hll) < 1e-5 * max(1, abs(hll)), "\(d.hessian[1, 1]) \(hll)")
    }

    /// gamma3p on 20,000 randomly censored units finishes (the profile of the threshold on a grid, each
    /// point a warm-started gamma fit, then the joint Newton iteration) and reports its status; here it
    /// converges to an interior threshold below the first failure.
    @Test func gamma3pOnRandomlyCensoredDataFinishesWithAStatus() throws {
        var generator = Xoshiro256StarStar(seed: 9)
        var data = LifetimeData()
        let truth = LifetimeModel.weibull(eta: 1000, beta: 1.5)
        for _ in 0..<20_000 {
            let t = truth.quantile(RandomVariates.uniform01(using: &generator))
            let c = -2324 * log1p(-RandomVariates.uniform01(using: &generator))
            if t <= c { try data.addFailure(at: t) } else { try data.addSuspension(at: c) }
        }
        let clock = ContinuousClock()
        let start = clock.now
        let fit = try MaximumLikelihood.fit(.gamma3p, to: data)
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(60), "\(elapsed)")
        #expect(fit.diagnostics.converged, "\(fit.diagnostics)")
        #expect(!fit.diagnostics.notes.isEmpty)
        let tMin = data.failureTimes.min()!
        #expect(fit.model.threshold < tMin)
        // The threshold model fits at least as well as the two-parameter gamma it contains.
        let twoParameter = try MaximumLikelihood.fit(.gamma2p, to: data)
        #expect(fit.logLikelihood >= twoParameter.logLikelihood - 1e-6)
    }
}
