import Testing
#if canImport(Glibc)
import Glibc
#endif
import RelmodelNumerics
@testable import Lifetime

/// Competing Weibull modes with unknown modes: the additive Weibull and the Weibull-exponential-Weibull.
@Suite struct CompetingRiskHazardTests {
    /// Doganaksoy, Hahn and Meeker (2002), the mode column ignored.
    static let doganaksoy = lifetimeDataset("doganaksoy_voltage_two_modes.csv")

    /// Printed: eta1 1209.4, beta1 0.6291, eta2 343.84, beta2 5.5925, LL -274.5716 (oracles README), to
    /// half a unit in the last digit, except beta2: the maximum (SciPy, scripts/reference/bathtub_sys2_fits.py,
    /// gradient 1e-13) is 5.5924476, which rounds to 5.5924, so the printed 5.5925 is matched to one unit.
    /// SciPy to 1e-6.
    @Test func additiveWeibullOnDoganaksoy() throws {
        let family = AdditiveWeibullDistribution()
        let fit = try ParametricEstimation.fit(family, to: Self.doganaksoy)
        #expect(fit.diagnostics.converged && fit.diagnostics.hessianNegativeDefinite && !fit.diagnostics.degenerate, "\(fit.diagnostics.notes)")
        #expect(fit.parameterNames == ["eta1", "beta1", "eta2", "beta2"])
        let p = fit.parameters
        #expect(matchesPrinted(p[0], 1209.4, decimals: 1))
        #expect(matchesPrinted(p[1], 0.6291, decimals: 4))
        #expect(matchesPrinted(p[2], 343.84, decimals: 2))
        #expect(abs(p[3] - 5.5925) <= 1e-4)
        #expect(matchesPrinted(fit.logLikelihood, -274.5716, decimals: 4))
        for (a, b) in zip(p, [1209.43282636, 0.629063628712, 343.841350396, 5.59244759974]) { #expect(relativelyClose(a, b, 1e-6)) }
        #expect(relativelyClose(fit.logLikelihood, -274.571571398386, 1e-10))
        // The hazard minimum: closed form = numerical minimum of the fitted hazard = SciPy's.
        let closed = try #require(family.closedFormHazardMinimum(p))
        let numerical = try #require(numericalHazardMinimum(family, p))
        #expect(relativelyClose(numerical, closed, 1e-6))
        #expect(relativelyClose(closed, 113.706807209, 1e-6))
        // The parts add up to the hazard.
        let parts = try #require(family.hazardComponents(150, p))
        #expect(parts.constant == 0)
        #expect(relativelyClose(parts.decreasing + parts.increasing, fit.hazard(150), 1e-12))
    }

    /// SYS2 is a complete sample: the likelihood's supremum is +infinity (the wear-out component collapsing
    /// onto the last failure, 1025.94), and the fit is the interior local maximum, equal to the mpmath
    /// 50-digit one (scripts/reference/sys2_bathtub_mle.py) to 1e-6; both shapes exceed 1, so the hazard
    /// is increasing (no minimum).
    @Test func additiveWeibullOnSYS2IsTheLocalMaximum() throws {
        let sys2 = lifetimeDataset("reliar_sys2_software_failures.csv")
        let family = AdditiveWeibullDistribution()
        let fit = try ParametricEstimation.fit(family, to: sys2)
        #expect(fit.diagnostics.converged && fit.diagnostics.hessianNegativeDefinite && !fit.diagnostics.degenerate)
        for (a, b) in zip(fit.parameters, [423.39002562878, 1.0559511788983, 978.58456129119, 23.782872772347]) {
            #expect(relativelyClose(a, b, 1e-6), "\(fit.parameters)")
        }
        #expect(relativelyClose(fit.logLikelihood, -587.12639894381, 1e-10))
        #expect(family.closedFormHazardMinimum(fit.parameters) == nil)
        #expect(numericalHazardMinimum(family, fit.parameters) == nil)
        // The collapse path: eta2 at the last failure and beta2 = 1e10 is above the local maximum.
        let sample = CensoredSample(sys2)
        #expect(AdditiveWeibullDistribution.collapseTime(sample) == 1025.94)
        let likelihood = CensoredLogLikelihood(family: family, sample: sample)
        let collapsed = likelihood.value([log(403.16385), log(1.1544315), log(1025.94), log(1e10)])
        #expect(relativelyClose(collapsed, -574.8442668068, 1e-6), "\(collapsed)")
        #expect(collapsed > fit.logLikelihood)
        // Doganaksoy's last failure (446) is also beyond every survivor (the last at 348): its published
        // fit is a local maximum too. Survivors beyond the last failure bound the likelihood.
        #expect(AdditiveWeibullDistribution.collapseTime(CensoredSample(Self.doganaksoy)) == 446)
        var bounded = LifetimeData()
        for t in [10.0, 50, 120, 300] { try bounded.addFailure(at: t) }
        try bounded.addSuspension(at: 300, count: 5)
        #expect(AdditiveWeibullDistribution.collapseTime(CensoredSample(bounded)) == 300)
        try bounded.addSuspension(at: 301)
        #expect(AdditiveWeibullDistribution.collapseTime(CensoredSample(bounded)) == nil)
    }

    /// On Doganaksoy's data the constant rate carries no failures: the likelihood is largest on the
    /// boundary lambda = 0 (SciPy: lambda 5.7e-59, the additive Weibull's log-likelihood), so the fit is
    /// flagged degenerate, with its reason, and is never reported as an estimate.
    @Test func weibullExponentialWeibullOnDoganaksoyIsDegenerate() throws {
        let fit = try ParametricEstimation.fit(WeibullExponentialWeibullDistribution(), to: Self.doganaksoy)
        #expect(fit.diagnostics.degenerate)
        #expect(!fit.diagnostics.converged)
        #expect(fit.diagnostics.notes.contains { $0.contains("no interior maximum") && $0.contains("lambda") }, "\(fit.diagnostics.notes)")
        // Its log-likelihood approaches the additive Weibull's from below.
        #expect(fit.logLikelihood <= -274.571571398386 + 1e-6 && fit.logLikelihood > -274.5716 - 1e-3, "\(fit.logLikelihood)")
    }

    /// The three-part hazard: parts add up, the closed-form minimum is the numerical one, and swapping the
    /// components' order is outside the parameter space.
    @Test func weibullExponentialWeibullHazard() throws {
        let family = WeibullExponentialWeibullDistribution()
        let p = [1209.4, 0.63, 2e-4, 343.8, 5.59]
        let parts = try #require(family.hazardComponents(120, p))
        #expect(parts.constant == 2e-4)
        #expect(relativelyClose(parts.decreasing + parts.constant + parts.increasing,
                                exp(family.logDensity(120, p) - family.logSurvival(120, p)), 1e-12))
        let closed = try #require(family.closedFormHazardMinimum(p))
        let numerical = try #require(numericalHazardMinimum(family, p))
        #expect(relativelyClose(numerical, closed, 1e-6))
        #expect(family.logDensity(120.0, [343.8, 5.59, 2e-4, 1209.4, 0.63]).isNaN)
        // H is the sum of the three cumulative hazards.
        let h = -family.logSurvival(200.0, p)
        #expect(relativelyClose(h, pow(200 / 1209.4, 0.63) + 2e-4 * 200 + pow(200 / 343.8, 5.59), 1e-13))
    }

    /// The library's family gives the bathtub regions' `components` definition the closed-form crossings
    /// of its parts (the truth model of BathtubRegionsTests: 5000 h, 0.5; 1e-3/h; 1000 h, 5).
    @Test func componentRegionsOfTheLibraryFamily() throws {
        let family = WeibullExponentialWeibullDistribution()
        let truth = [5000.0, 0.5, 1e-3, 1000, 5]
        let parts = family.componentLogHazards(300.0, truth)
        let sum = try exp(#require(parts.decreasing)) + exp(#require(parts.constant)) + exp(#require(parts.increasing))
        #expect(relativelyClose(sum, exp(family.logDensity(300, truth) - family.logSurvival(300, truth)), 1e-12))
        var data = LifetimeData()
        try data.addFailure(at: 1)
        try data.addFailure(at: 600)
        try data.addSuspension(at: 1200)
        let u = zip(family.parameters, truth).map { $0.transform.unconstrained($1)! }
        let fit = ParametricFit(family: family, sample: CensoredSample(data), unconstrained: u, unconstrainedCovariance: nil,
                                logLikelihood: 0, diagnostics: FitDiagnostics(converged: true, iterations: 0, gradientNorm: 0, hessianNegativeDefinite: true),
                                starts: 1, startsReachingMaximum: 1)
        let regions = BathtubRegionFinder.regions(fit, definition: .components, bounds: .fisher)
        #expect(relativelyClose(try #require(regions.infantMortalityEnd).value, 5000 * pow(1e-3 * 5000 / 0.5, 1 / (0.5 - 1)), 1e-10))
        #expect(relativelyClose(try #require(regions.wearOutStart).value, 1000 * pow(1e-3 * 1000 / 5, 1 / (5.0 - 1)), 1e-10))
        // The regions' numerical hazard minimum is the closed form.
        let minimum = try #require(BathtubRegionFinder.regions(fit, bounds: .fisher).hazardMinimum)
        #expect(relativelyClose(minimum.time.value, try #require(family.closedFormHazardMinimum(truth)), 1e-8))
    }

    /// An additive Weibull fitted to data from one: a fit with a real interior maximum on a sample drawn
    /// from (eta1 1000, beta1 0.5, eta2 100, beta2 4), 400 units, Type I censored at 150.
    @Test func additiveWeibullOnSimulatedBathtubData() throws {
        var data = LifetimeData()
        var generator = SplitMix64(seed: 7)
        let truth = [1000.0, 0.5, 100.0, 4.0]
        for _ in 0..<400 {
            // Inverse of H(t) = -ln U by bisection in ln t.
            let target = -log(Double(generator.next() >> 11) * 0x1p-53 + 0x1p-54)
            var lo = -20.0, hi = 20.0
            for _ in 0..<200 {
                let mid = (lo + hi) / 2
                let t = exp(mid)
                if pow(t / truth[0], truth[1]) + pow(t / truth[2], truth[3]) < target { lo = mid } else { hi = mid }
            }
            let t = exp((lo + hi) / 2)
            if t <= 150 { try data.addFailure(at: t) } else { try data.addSuspension(at: 150) }
        }
        let fit = try ParametricEstimation.fit(AdditiveWeibullDistribution(), to: data)
        #expect(fit.diagnostics.converged && !fit.diagnostics.degenerate, "\(fit.diagnostics.notes)")
        let p = fit.parameters
        #expect(p[1] < 1 && p[3] > 2, "\(p)")
        #expect(abs(log(p[2] / 100)) < 0.2, "\(p)")
    }
}

/// A small seeded generator for the test's data (SplitMix64, Steele, Lea and Flood 2014).
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
