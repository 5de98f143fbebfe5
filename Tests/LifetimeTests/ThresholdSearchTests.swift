import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics
@testable import Lifetime

/// The threshold search (`ThresholdEstimation`): a grid of profile fits, then the joint Newton iteration.
@Suite struct ThresholdSearchTests {
    /// Seeded inspection data as `bench/generate_data.py` makes them: Weibull(1000, 1.5) lifetimes, each
    /// unit inspected every D h (D uniform on [50, 250], random phase) until its own exponential
    /// withdrawal time (mean 2324 h); a failure is known to lie between two inspections (from 0 when
    /// before the first).
    static func inspectionData(units: Int, seed: UInt64) throws -> LifetimeData {
        var generator = Xoshiro256StarStar(seed: seed)
        var data = LifetimeData()
        for _ in 0..<units {
            let t = 1000 * pow(-log1p(-RandomVariates.uniform01(using: &generator)), 1 / 1.5)
            let c = -2324 * log1p(-RandomVariates.uniform01(using: &generator))
            let every = 50 + 200 * RandomVariates.uniform01(using: &generator)
            let phase = every * RandomVariates.uniform01(using: &generator)
            guard t <= c else {
                try data.addSuspension(at: max(c, 0.001))
                continue
            }
            let j = ((t - phase) / every).rounded(.down)
            let before = j >= 0 ? phase + j * every : 0
            let after = min(j >= 0 ? phase + (j + 1) * every : phase, c)
            try data.addInterval(from: before, to: max(after, before + 0.001))
        }
        return data
    }

    /// lognormal3p on inspection data has an interior maximum with gamma far below the data. The grid's
    /// far points used to start each fit from the neighbour's (mu, sigma) unchanged, failed to converge
    /// there, and made the profile look as if it rose without limit away from the data: the fit fell
    /// back to gamma = 0 with a log-likelihood thousands of units below the maximum. Now: a verified
    /// interior maximum, stationary in all three parameters by central differences of the
    /// fixed-threshold likelihood (an implementation independent of the joint derivatives), above the
    /// profile at thresholds on either side and above the two-parameter fit.
    @Test func lognormalThresholdOnInspectionData() throws {
        let data = try Self.inspectionData(units: 5_000, seed: 20_261_206)
        let fit = try MaximumLikelihood.fit(.lognormal3p, to: data)
        #expect(fit.diagnostics.isReliable, "\(fit.diagnostics)")
        #expect(!fit.diagnostics.degenerate)
        let gamma = fit.model.threshold
        #expect(gamma < -50, "gamma \(gamma)")
        let p = ThresholdEstimation.internalParameters(.lognormal3p, fit.model)
        func ll(_ q: [Double]) -> Double { ThresholdEstimation.logLikelihood(.lognormal3p, data, q) }
        #expect(abs(ll(p) - fit.logLikelihood) <= 1e-9 * abs(fit.logLikelihood))
        for i in 0..<3 {
            let h = i == 2 ? 1e-3 * abs(gamma) : 1e-5
            var plus = p, minus = p
            plus[i] += h
            minus[i] -= h
            let slope = (ll(plus) - ll(minus)) / (2 * h)
            // Rounding of the difference is about 1e-13 abs(LL) / h; a step of one standard error away
            // from the maximum gives slopes of order sqrt(n) / sigma, about 100.
            #expect(abs(slope) < 1e-3, "d/dp\(i) = \(slope)")
        }
        for shift in [-0.2, 0.2] {
            let other = ThresholdEstimation.profileFit(.lognormal2p, .lognormal3p, data, gamma: gamma * (1 + shift), start: fit.model)
            #expect(try #require(other).logLikelihood < fit.logLikelihood)
        }
        let twoParameter = try MaximumLikelihood.fit(.lognormal2p, to: data)
        #expect(fit.logLikelihood > twoParameter.logLikelihood + 10)
        #expect(fit.diagnostics.notes.contains { $0.contains("joint Newton") }, "\(fit.diagnostics.notes)")
    }
}
