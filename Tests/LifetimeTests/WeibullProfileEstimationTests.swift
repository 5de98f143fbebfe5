import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Lifetime
import RelmodelNumerics

/// The profile-likelihood fast path for Weibull (and Gumbel) fits must find the same maximum, with the
/// same derivatives, as the general Newton maximiser on the full two-parameter likelihood.
@Suite struct WeibullProfileEstimationTests {
    /// Seeded Weibull(eta 1000, beta) samples: complete, randomly censored, Type I censored with counts,
    /// and with repeated times and counts.
    static func sample(_ kind: Int, units: Int = 400, beta: Double = 1.7) throws -> LifetimeData {
        var generator = Xoshiro256StarStar(seed: UInt64(100 + kind))
        let truth = LifetimeModel.weibull(eta: 1000, beta: beta)
        var data = LifetimeData()
        var survivors = 0.0
        let end = truth.quantile(0.6)
        for _ in 0..<units {
            let t = truth.quantile(RandomVariates.uniform01(using: &generator))
            switch kind {
            case 0: try data.addFailure(at: t)
            case 1:
                let c = 1500 * RandomVariates.uniform01(using: &generator)
                if t <= c { try data.addFailure(at: t) } else { try data.addSuspension(at: c) }
            case 2:
                if t <= end { try data.addFailure(at: t) } else { survivors += 1 }
            default:
                // Rounded to whole hours, with counts: many ties.
                let rounded = max(1, t.rounded())
                let count = Double(1 + Int(RandomVariates.uniform01(using: &generator) * 3))
                if rounded <= end { try data.addFailure(at: rounded, count: count) } else { try data.addSuspension(at: end, count: count) }
            }
        }
        if survivors > 0 { try data.addSuspension(at: end, count: survivors) }
        return data
    }

    @Test(arguments: [0, 1, 2, 3])
    func agreesWithTheNewtonMaximizer(kind: Int) throws {
        let sample = PreparedSample(try Self.sample(kind), logScale: true)
        let profile = WeibullProfileEstimation.maximize(sample)
        #expect(profile.converged)
        let likelihood = LocationScaleLikelihood<SmallestExtremeValue>(sample)
        let newton = LocationScaleMaximizer(likelihood: likelihood).maximize(mu: profile.mu + 0.2, s: profile.s - 0.2)
        #expect(newton.converged)
        #expect(abs(profile.mu - newton.mu) < 1e-9)
        #expect(abs(profile.s - newton.s) < 1e-9)
        #expect(abs(profile.value / newton.evaluation.value - 1) < 1e-12)
        // The derivatives from the moments against the likelihood's own sums at the same point.
        let direct = likelihood.evaluate(mu: profile.mu, s: profile.s)
        #expect(abs(profile.value / direct.value - 1) < 1e-13)
        let h = profile.hessian, d = direct.hessian
        #expect(abs(h.mumu / d.mumu - 1) < 1e-10)
        #expect(abs(h.mus / d.mus - 1) < 1e-8)
        #expect(abs(h.ss / d.ss - 1) < 1e-10)
        #expect(abs(profile.gradient.mu) < 1e-6 * abs(d.mumu) && abs(profile.gradient.s) < 1e-6 * abs(d.ss))
    }

    /// The truncated power series in delta against a fresh pass at the new shape, up to the reach.
    @Test(arguments: [0.001, 0.05, 0.1, 0.15])
    func powerSeriesMatchesAPass(reach: Double) throws {
        let sample = PreparedSample(try Self.sample(1), logScale: true)
        let layout = WeibullProfileEstimation.Layout(sample)
        let beta = 1.6
        let moments = WeibullProfileEstimation.moments(sample, layout: layout, shape: beta)
        for sign in [-1.0, 1.0] {
            let moved = beta + sign * reach / layout.spread
            let series = WeibullProfileEstimation.sums(moments, at: moved)
            let fresh = WeibullProfileEstimation.sums(WeibullProfileEstimation.moments(sample, layout: layout, shape: moved), at: moved)
            #expect(abs(series.t0 / fresh.t0 - 1) < 1e-13)
            #expect(abs(series.t1 / fresh.t1 - 1) < 1e-13)
            #expect(abs(series.t2 / fresh.t2 - 1) < 1e-13)
        }
    }

    /// A pass split over two cores (100,000 entries) against the sums written out here.
    @Test func splitPassMatchesAPlainLoop() throws {
        let sample = PreparedSample(try Self.sample(1, units: 100_000), logScale: true)
        #expect(sample.exactY.count + sample.rightY.count >= PreparedSample.parallelEntries)
        let layout = WeibullProfileEstimation.Layout(sample)
        let beta = 1.7
        let moments = WeibullProfileEstimation.moments(sample, layout: layout, shape: beta)
        var plain = [Double](repeating: 0, count: 3)
        for (y, w) in zip(sample.exactY + sample.rightY, sample.exactWeights + sample.rightWeights) {
            let d = y - layout.centre, u = w * exp(beta * d)
            plain[0] += u; plain[1] += u * d; plain[2] += u * d * d
        }
        for k in 0..<3 { #expect(abs(moments.m[k] / plain[k] - 1) < 1e-12, "M\(k)") }
    }

    /// The bracketed Newton iteration reaches the same root from far below and far above.
    @Test(arguments: [0.01, 0.3, 30.0, 500.0])
    func convergesFromFarStarts(start: Double) throws {
        let sample = PreparedSample(try Self.sample(2), logScale: true)
        let reference = WeibullProfileEstimation.maximize(sample)
        let far = WeibullProfileEstimation.solve(sample, from: start, tolerance: 1e-10, maxIterations: 200)
        #expect(far.converged)
        #expect(abs(far.s - reference.s) < 1e-10)
        #expect(abs(far.mu - reference.mu) < 1e-10)
    }

    /// A large Type I sample: the subsample start is close enough for a single pass over the data.
    @Test func largeTypeISampleNeedsOnePass() throws {
        let sample = PreparedSample(try Self.sample(2, units: 100_000, beta: 1.5), logScale: true)
        let fit = WeibullProfileEstimation.maximize(sample)
        #expect(fit.converged)
        #expect(fit.passes <= 2, "passes: \(fit.passes)")
        #expect(sample.rightY.count == 1)     // every survivor merged into one entry
    }

    /// Gumbel is SEV on the time scale itself and goes through the same path.
    @Test func gumbelAgreesWithTheNewtonMaximizer() throws {
        var data = LifetimeData()
        var generator = Xoshiro256StarStar(seed: 7)
        for _ in 0..<300 {
            let t = 100 + 10 * SmallestExtremeValue.quantile(RandomVariates.uniform01(using: &generator))
            if t < 105 { try data.addFailure(at: t) } else { try data.addSuspension(at: 105) }
        }
        let fit = try MaximumLikelihood.fit(.gumbel, to: data)
        #expect(fit.diagnostics.converged)
        let sample = PreparedSample(data, logScale: false)
        let newton = LocationScaleMaximizer(likelihood: LocationScaleLikelihood<SmallestExtremeValue>(sample))
            .maximize(mu: fit.model.mu + 1, s: log(fit.model.sigma) + 0.2)
        #expect(abs(fit.model.mu - newton.mu) < 1e-9)
        #expect(abs(log(fit.model.sigma) - newton.s) < 1e-9)
    }
}

@Suite struct ExponentialClosedFormTests {
    /// lambda = r / T with its log-likelihood and information, against the iterative maximiser.
    @Test(arguments: [1, 2, 3])
    func agreesWithTheNewtonMaximizer(kind: Int) throws {
        let data = try WeibullProfileEstimationTests.sample(kind, beta: 1)
        let fit = try MaximumLikelihood.fit(.exponential1p, to: data)
        #expect(fit.diagnostics.converged && fit.diagnostics.iterations == 0)
        let sample = PreparedSample(data, logScale: true)
        let newton = LocationScaleMaximizer(likelihood: LocationScaleLikelihood<SmallestExtremeValue>(sample))
            .maximizeLocation(mu: fit.model.mu + 0.3, s: 0)
        #expect(abs(fit.model.mu - newton.mu) < 1e-10)
        #expect(abs(fit.logLikelihood / newton.evaluation.value - 1) < 1e-13)
        let variance = try #require(fit.locationScaleCovariance?[0, 0])
        #expect(abs(variance * -newton.evaluation.hessian.mumu - 1) < 1e-10)
        // lambda = r / T written out.
        let r = data.failureCount
        var total = 0.0
        for i in data.failureTimes.indices { total += data.failureCounts[i] * data.failureTimes[i] }
        for i in data.suspensionTimes.indices { total += data.suspensionCounts[i] * data.suspensionTimes[i] }
        #expect(abs(fit.parameters[0] / (r / total) - 1) < 1e-13)
    }
}

@Suite struct PreparedSampleTests {
    /// Adjacent repeats merge into one weighted entry; the log-likelihood is unchanged against a
    /// per-unit sum written here.
    @Test func adjacentRepeatsMerge() throws {
        var data = LifetimeData()
        for t in [10.0, 10, 10, 20, 30, 30, 10] { try data.addFailure(at: t) }
        for t in [50.0, 50, 50, 50, 40] { try data.addSuspension(at: t, count: 2) }
        let sample = PreparedSample(data, logScale: true)
        #expect(sample.exactY.count == 4 && sample.exactWeights == [3, 1, 2, 1])
        #expect(sample.rightY.count == 2 && sample.rightWeights == [8, 2])
        #expect(sample.timeOnTest == 120 + 2 * 240)
        #expect(abs(sample.exactAndRightRange.low - log(10)) < 1e-15 && abs(sample.exactAndRightRange.high - log(50)) < 1e-15)
        let (eta, beta) = (35.0, 1.3)
        var expected = 0.0
        for t in [10.0, 10, 10, 20, 30, 30, 10] {
            expected += log(beta / eta) + (beta - 1) * log(t / eta) - pow(t / eta, beta)
        }
        for t in [50.0, 50, 50, 50, 40] { expected += 2 * -pow(t / eta, beta) }
        let value = LocationScaleLikelihood<SmallestExtremeValue>(sample).logLikelihood(mu: log(eta), sigma: 1 / beta)
        #expect(abs(value / expected - 1) < 1e-13)
    }

    /// The exact part of a normal likelihood from the count, mean and sum of squares equals the sum
    /// over observations, value and derivatives.
    @Test func normalExactPartFromSufficientStatistics() throws {
        var data = LifetimeData()
        var generator = Xoshiro256StarStar(seed: 3)
        for _ in 0..<200 { try data.addFailure(at: exp(6 + 0.01 * RandomVariates.standardNormal(using: &generator)), count: 2) }
        try data.addSuspension(at: 410, count: 5)
        let sample = PreparedSample(data, logScale: true)
        let (mu, s) = (6.001, log(0.012))
        let sigma = exp(s)
        // Per observation: l = -z^2/2 - log sqrt(2 pi) - s - y, l_mu = z / sigma, l_s = z^2 - 1.
        var value = 0.0, gMu = 0.0, gS = 0.0, hMuMu = 0.0, hMuS = 0.0, hSS = 0.0
        for i in sample.exactY.indices {
            let w = sample.exactWeights[i], z = (sample.exactY[i] - mu) / sigma
            value += w * (-0.5 * z * z - 0.5 * log(2 * Double.pi) - s - sample.exactY[i])
            gMu += w * z / sigma; gS += w * (z * z - 1)
            hMuMu -= w / (sigma * sigma); hMuS -= w * 2 * z / sigma; hSS -= w * 2 * z * z
        }
        for i in sample.rightY.indices {
            let w = sample.rightWeights[i], z = (sample.rightY[i] - mu) / sigma
            let d = NormalStandard.logSurvivalDerivatives(z)
            value += w * d.value
            gMu += w * -d.first / sigma; gS += w * -d.first * z
            hMuMu += w * d.second / (sigma * sigma); hMuS += w * (d.second * z + d.first) / sigma
            hSS += w * (d.second * z * z + d.first * z)
        }
        let e = LocationScaleLikelihood<NormalStandard>(sample).evaluate(mu: mu, s: s)
        #expect(abs(e.value / value - 1) < 1e-12)
        #expect(abs(e.gradient.mu / gMu - 1) < 1e-9 && abs(e.gradient.s / gS - 1) < 1e-9)
        #expect(abs(e.hessian.mumu / hMuMu - 1) < 1e-12 && abs(e.hessian.mus / hMuS - 1) < 1e-9
                && abs(e.hessian.ss / hSS - 1) < 1e-9)
        let lOnly = LocationScaleLikelihood<NormalStandard>(sample).logLikelihood(mu: mu, sigma: sigma)
        #expect(abs(lOnly / value - 1) < 1e-12)
    }
}

/// Likelihood-ratio bounds of Weibull fits from cached moments equal those from passes over the data.
@Suite struct WeibullMomentLikelihoodTests {
    @Test(arguments: [0, 1, 2, 3])
    func boundsAgreeWithTheDirectLikelihood(kind: Int) throws {
        let fit = try MaximumLikelihood.fit(.weibull2p, to: WeibullProfileEstimationTests.sample(kind))
        let direct = LocationScaleLikelihood<SmallestExtremeValue>(fit.sample)
        let targets: [LikelihoodRatioBounds.Target] = [.location, .logScale, .logQuantile(SmallestExtremeValue.quantile(0.1)),
                                                       .standardizedTime(log(500))]
        for target in targets {
            let moments = WeibullMomentLikelihood(fit.sample, shape: 1 / fit.model.sigma)
            let a = LikelihoodRatioBounds.interval(moments, fit, target, confidence: 0.95)
            let b = LikelihoodRatioBounds.interval(direct, fit, target, confidence: 0.95)
            let (al, au, bl, bu) = try (#require(a.lower), #require(a.upper), #require(b.lower), #require(b.upper))
            #expect(abs(al - bl) < 1e-8 * (1 + abs(bl)) && abs(au - bu) < 1e-8 * (1 + abs(bu)), "\(target): \(a) vs \(b)")
        }
    }

    /// At 100,000 units every profile evaluation of a 95 % bound lies within reach of the moments
    /// taken at the estimate, or of one more set.
    @Test func largeSampleBoundsNeedFewPasses() throws {
        let fit = try MaximumLikelihood.fit(.weibull2p, to: WeibullProfileEstimationTests.sample(2, units: 100_000, beta: 1.5))
        let direct = LocationScaleLikelihood<SmallestExtremeValue>(fit.sample)
        for target in [LikelihoodRatioBounds.Target.location, .logScale, .logQuantile(SmallestExtremeValue.quantile(0.1))] {
            let moments = WeibullMomentLikelihood(fit.sample, shape: 1 / fit.model.sigma)
            let a = LikelihoodRatioBounds.interval(moments, fit, target, confidence: 0.95)
            let b = LikelihoodRatioBounds.interval(direct, fit, target, confidence: 0.95)
            let (al, au, bl, bu) = try (#require(a.lower), #require(a.upper), #require(b.lower), #require(b.upper))
            #expect(abs(al - bl) < 1e-8 * (1 + abs(bl)) && abs(au - bu) < 1e-8 * (1 + abs(bu)), "\(target): \(a) vs \(b)")
            #expect(moments.passes <= 2, "\(target): \(moments.passes) passes")
        }
    }

    /// Values and derivatives at points away from the moments' shape, against the direct likelihood.
    @Test func evaluationsMatchAPass() throws {
        let sample = PreparedSample(try WeibullProfileEstimationTests.sample(1), logScale: true)
        let moments = WeibullMomentLikelihood(sample, shape: 1.6)
        let direct = LocationScaleLikelihood<SmallestExtremeValue>(sample)
        let near = 0.1 / moments.layout.spread      // within the series' reach of 1.6
        for (mu, beta) in [(6.9, 1.6), (7.1, 1.6 + near), (6.7, 1.6 - near), (7.0, 3.0)] {
            let m = moments.evaluate(mu: mu, s: -log(beta)), d = direct.evaluate(mu: mu, s: -log(beta))
            #expect(abs(m.value / d.value - 1) < 1e-12)
            #expect(abs(m.gradient.mu - d.gradient.mu) < 1e-9 * (1 + abs(d.gradient.mu)))
            #expect(abs(m.gradient.s - d.gradient.s) < 1e-9 * (1 + abs(d.gradient.s)))
            #expect(abs(m.hessian.ss / d.hessian.ss - 1) < 1e-11)
        }
        #expect(moments.passes == 2)   // beta = 3 is beyond the reach of the moments at 1.6
    }
}

/// The blocked log-logistic sums against the scalar derivative triples, over z from -40 to 40.
@Suite struct LogisticSumsTests {
    @Test func matchesTheScalarTerms() throws {
        var data = LifetimeData()
        var generator = Xoshiro256StarStar(seed: 5)
        for i in 0..<1_500 {
            let t = exp(5 + 8 * (RandomVariates.uniform01(using: &generator) - 0.5))
            if i % 3 == 0 { try data.addSuspension(at: t, count: 2) } else { try data.addFailure(at: t) }
        }
        let sample = PreparedSample(data, logScale: true)
        let (mu, s) = (5.0, log(0.1))          // z = (y - 5) / 0.1 spans about -40 ... 40
        let inv = 1 / exp(s)
        var value = sample.logJacobian - sample.exactWeight * s
        var a = 0.0, b = 0.0, c = 0.0, d = 0.0, e = 0.0
        func add(_ w: Double, _ z: Double, _ t: (value: Double, first: Double, second: Double)) {
            value += w * t.value
            a += w * t.first; b += w * t.first * z
            c += w * t.second; d += w * t.second * z; e += w * t.second * z * z
        }
        for i in sample.exactY.indices {
            let z = (sample.exactY[i] - mu) * inv
            add(sample.exactWeights[i], z, LogisticStandard.logDensity(z))
        }
        for i in sample.rightY.indices {
            let z = (sample.rightY[i] - mu) * inv
            add(sample.rightWeights[i], z, LogisticStandard.logSurvivalDerivatives(z))
        }
        let blocked = LocationScaleLikelihood<LogisticStandard>(sample).evaluate(mu: mu, s: s)
        #expect(abs(blocked.value / value - 1) < 1e-13)
        #expect(abs(blocked.gradient.mu / (-a * inv) - 1) < 1e-12)
        #expect(abs(blocked.gradient.s / (-b - sample.exactWeight) - 1) < 1e-12)
        #expect(abs(blocked.hessian.mumu / (c * inv * inv) - 1) < 1e-12)
        #expect(abs(blocked.hessian.mus / ((d + a) * inv) - 1) < 1e-12)
        #expect(abs(blocked.hessian.ss / (e + b) - 1) < 1e-12)
    }
}
