import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics
@testable import Lifetime

/// A family's one-pass derivatives (`ParametricFamily.logLikelihoodDerivatives`) are a specialisation
/// of the general hyper-dual path (`CensoredLogLikelihood.generalDerivatives`): equal to 1e-10
/// relative, entries compared relative to the largest of their kind (a near-zero entry is a difference
/// of terms of that size).
@Suite struct OnePassDerivativesTests {
    /// Exact, right-, left- and interval-censored entries with whole and fractional weights (an EM
    /// step's responsibility-weighted sample), times from far below to far above the scale.
    static let sample = CensoredSample(
        exact: [0.02, 3, 35, 47, 61, 88, 140, 199, 260, 900].enumerated().map { WeightedTime(time: $1, weight: 0.3 + Double($0 % 3)) },
        right: [2.0, 70, 300, 410, 5000].map { WeightedTime(time: $0, weight: 1.7) },
        left: [0.5, 20, 55, 2000].map { WeightedTime(time: $0, weight: 2) },
        interval: [(0.1, 0.2), (5, 9), (30, 60), (90, 120), (150, 400), (500, 900)].map { WeightedInterval(lower: $0.0, upper: $0.1, weight: 0.8) })

    static func expectEqual(_ fast: LikelihoodDerivatives, _ general: LikelihoodDerivatives) {
        func close(_ a: Double, _ b: Double, _ scale: Double) -> Bool { abs(a - b) <= 1e-10 * max(abs(b), scale) }
        #expect(close(fast.value, general.value, 0), "\(fast.value) \(general.value)")
        let gScale = general.gradient.map(abs).max()!
        for i in 0..<2 { #expect(close(fast.gradient[i], general.gradient[i], gScale), "g\(i) \(fast.gradient[i]) \(general.gradient[i])") }
        let hScale = [general.hessian[0, 0], general.hessian[0, 1], general.hessian[1, 1]].map(abs).max()!
        for (i, j) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
            #expect(close(fast.hessian[i, j], general.hessian[i, j], hScale), "H\(i)\(j) \(fast.hessian[i, j]) \(general.hessian[i, j])")
        }
    }

    /// The family's one-pass derivatives at u against the general path on `sample`.
    static func check<F: ParametricFamily>(_ family: F, _ u: [Double]) throws {
        let likelihood = CensoredLogLikelihood(family: family, sample: sample)
        let fast = try #require(family.logLikelihoodDerivatives(sample, u))
        expectEqual(fast, likelihood.generalDerivatives(u))
        #expect(likelihood.derivatives(u).value == fast.value)
    }

    @Test(arguments: [(100.0, 1.5), (30.0, 0.4), (400.0, 4.8), (1.0, 0.9)])
    func weibull(eta: Double, beta: Double) throws {
        try Self.check(WeibullHazard(), [log(eta), log(beta)])
    }

    /// The gamma: one incomplete gamma with its partials per censored entry, carried to
    /// (ln theta, ln k) by the chain rule, both tails of the interval form, shapes below and above 1
    /// and far from the data.
    @Test(arguments: [(80.0, 1.7), (30.0, 0.6), (400.0, 0.3), (2.0, 60.0)])
    func gamma(theta: Double, k: Double) throws {
        try Self.check(GammaDistribution(), [log(theta), log(k)])
    }
}
