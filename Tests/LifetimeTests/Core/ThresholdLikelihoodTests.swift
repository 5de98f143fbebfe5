import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import RelmodelNumerics
@testable import Lifetime

/// A base family above a threshold, written here on the public protocol: parameters the base's and
/// then gamma (untransformed), every primitive the base's at t - gamma, with the threshold
/// conventions of the fixed-threshold likelihoods (a unit censored at or below gamma says nothing, an
/// interval starting there is left-censored at its end, a failure there is impossible). The general
/// core differentiates it in hyper-dual numbers: an independent computation of the derivatives that
/// `ThresholdLikelihood` writes out by hand.
private struct Shifted<Base: ParametricFamily>: ParametricFamily {
    let base: Base
    var name: String { base.name + "-shifted" }
    var parameters: [FamilyParameter] { base.parameters + [FamilyParameter("gamma", .identity)] }
    func logDensity<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        let x = t - p[p.count - 1]
        return x.value > 0 ? base.logDensity(x, Array(p.dropLast())) : T(-.infinity)
    }
    func logSurvival<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        let x = t - p[p.count - 1]
        return x.value > 0 ? base.logSurvival(x, Array(p.dropLast())) : T(0)
    }
    func logCDF<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        let x = t - p[p.count - 1]
        return x.value > 0 ? base.logCDF(x, Array(p.dropLast())) : T(-.infinity)
    }
    func logProbability<T: LikelihoodScalar>(between a: T, and b: T, _ p: [T]) -> T {
        let gamma = p[p.count - 1], q = Array(p.dropLast())
        let xa = a - gamma, xb = b - gamma
        guard xb.value > 0 else { return T(-.infinity) }
        return xa.value > 0 ? base.logProbability(between: xa, and: xb, q) : base.logCDF(xb, q)
    }
    func startingValues(for sample: CensoredSample) -> [[Double]] { [] }
}

/// The log-logistic on the log scale, (mu, sigma): ln T = mu + sigma Z with Z standard logistic.
private struct LogLogistic: ParametricFamily {
    var name: String { "loglogistic" }
    var parameters: [FamilyParameter] { [FamilyParameter("mu", .identity), FamilyParameter("sigma", .log)] }
    func logDensity<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        let z = (T.log(t) - p[0]) / p[1]
        return -z - 2 * T.log(1 + T.exp(-z)) - T.log(p[1]) - T.log(t)
    }
    func logSurvival<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { -T.log(1 + T.exp((T.log(t) - p[0]) / p[1])) }
    func logCDF<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { -T.log(1 + T.exp(-(T.log(t) - p[0]) / p[1])) }
    func startingValues(for sample: CensoredSample) -> [[Double]] { [] }
}

/// The exponential with mean eta.
private struct Exponential: ParametricFamily {
    var name: String { "exponential" }
    var parameters: [FamilyParameter] { [FamilyParameter("eta", .log)] }
    func logDensity<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { -T.log(p[0]) - t / p[0] }
    func logSurvival<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { T(0) - t / p[0] }
    func startingValues(for sample: CensoredSample) -> [[Double]] { [] }
}

/// `ThresholdLikelihood`'s one-pass value, gradient and Hessian in (mu, s, gamma) (in
/// (ln theta, ln k, gamma) for the gamma) equal the general core's hyper-dual derivatives of the same
/// family written above to 1e-10 relative, and the value equals the fixed-threshold likelihoods
/// (`ThresholdEstimation.logLikelihood`, the two-parameter likelihoods on the shifted data).
@Suite struct ThresholdLikelihoodTests {
    /// Exact, right-, left- and interval-censored entries with whole and fractional weights; the
    /// thresholds tested leave a suspension and an interval's start below them.
    static let sample = CensoredSample(
        exact: [3.5, 35, 47, 61, 88, 140, 199, 260, 900].enumerated().map { WeightedTime(time: $1, weight: 0.3 + Double($0 % 3)) },
        right: [1.0, 70, 300, 410, 5000].map { WeightedTime(time: $0, weight: 1.7) },
        left: [20, 55, 2000].map { WeightedTime(time: $0, weight: 2) },
        interval: [(2.0, 9), (5, 9), (30, 60), (90, 120), (150, 400), (500, 900)].map { WeightedInterval(lower: $0.0, upper: $0.1, weight: 0.8) })

    /// The same units as lifetime data (for the fixed-threshold likelihoods).
    static var data: LifetimeData {
        var d = LifetimeData()
        for e in sample.exact { try! d.addFailure(at: e.time, count: e.weight) }
        for e in sample.right { try! d.addSuspension(at: e.time, count: e.weight) }
        for e in sample.left { try! d.addLeftCensored(before: e.time, count: e.weight) }
        for e in sample.interval { try! d.addInterval(from: e.lower, to: e.upper, count: e.weight) }
        return d
    }

    /// `ThresholdLikelihood` at internal parameters p against the core's derivatives of `family` at
    /// its unconstrained u, `jacobian[i]` = d(internal i)/d(u i) (the maps here are linear and diagonal).
    static func check<F: ParametricFamily>(_ kind: LifetimeFamily, _ p: [Double], against family: F, at u: [Double],
                                           jacobian: [Double]) {
        let ours = ThresholdLikelihood.derivatives(kind, sample, p)
        let core = CensoredLogLikelihood(family: family, sample: sample).generalDerivatives(u)
        func close(_ a: Double, _ b: Double, _ scale: Double) -> Bool { abs(a - b) <= 1e-10 * max(abs(b), scale) }
        #expect(core.value.isFinite)
        #expect(close(ours.value, core.value, 0), "value \(ours.value) \(core.value)")
        let n = p.count
        let gradient = (0..<n).map { core.gradient[$0] / jacobian[$0] }
        let gScale = gradient.map(abs).max()!
        for i in 0..<n { #expect(close(ours.gradient[i], gradient[i], gScale), "g\(i) \(ours.gradient[i]) \(gradient[i])") }
        var hScale = 0.0
        for i in 0..<n { for j in 0..<n { hScale = max(hScale, abs(core.hessian[i, j] / (jacobian[i] * jacobian[j]))) } }
        for i in 0..<n {
            for j in 0..<n {
                let expected = core.hessian[i, j] / (jacobian[i] * jacobian[j])
                #expect(close(ours.hessian[i, j], expected, hScale), "H\(i)\(j) \(ours.hessian[i, j]) \(expected)")
            }
        }
        // The value is the fixed-threshold likelihood of the base family on the shifted data.
        let fixed = ThresholdEstimation.logLikelihood(kind, data, p)
        #expect(close(ours.value, fixed, 0), "fixed-threshold value \(fixed), joint \(ours.value)")
    }

    /// weibull3p: mu = ln eta, s = -ln beta, so d/ds = -d/d(ln beta).
    @Test(arguments: [(100.0, 1.5, 1.2), (300.0, 0.6, -40), (60.0, 4.5, 3.0), (1000.0, 0.9, -5000)])
    func weibull(eta: Double, beta: Double, gamma: Double) {
        Self.check(.weibull3p, [log(eta), -log(beta), gamma], against: Shifted(base: WeibullHazard()),
                   at: [log(eta), log(beta), gamma], jacobian: [1, -1, 1])
    }

    @Test(arguments: [(4.5, 1.0, 1.5), (5.5, 0.3, -10), (2.0, 2.5, 3.2)])
    func lognormal(mu: Double, sigma: Double, gamma: Double) {
        Self.check(.lognormal3p, [mu, log(sigma), gamma], against: Shifted(base: LognormalDistribution()),
                   at: [mu, log(sigma), gamma], jacobian: [1, 1, 1])
    }

    @Test(arguments: [(4.5, 0.5, 1.5), (5.0, 1.4, -30), (3.0, 0.2, 3.2)])
    func loglogistic(mu: Double, sigma: Double, gamma: Double) {
        Self.check(.loglogistic3p, [mu, log(sigma), gamma], against: Shifted(base: LogLogistic()),
                   at: [mu, log(sigma), gamma], jacobian: [1, 1, 1])
    }

    /// exponential2p: (mu, gamma), mu = ln eta.
    @Test(arguments: [(200.0, 1.5), (50.0, -100), (900.0, 3.4)])
    func exponential(eta: Double, gamma: Double) {
        Self.check(.exponential2p, [log(eta), gamma], against: Shifted(base: Exponential()), at: [log(eta), gamma], jacobian: [1, 1])
    }

    /// gamma3p in (ln theta, ln k, gamma): shapes below and above 1, both tails of the interval form.
    @Test(arguments: [(80.0, 1.7, 1.5), (30.0, 0.6, 3.0), (400.0, 0.3, -20), (2.0, 60.0, -50)])
    func gamma(theta: Double, k: Double, gamma: Double) {
        Self.check(.gamma3p, [log(theta), log(k), gamma], against: Shifted(base: GammaDistribution()),
                   at: [log(theta), log(k), gamma], jacobian: [1, 1, 1])
    }

    /// A failure at or below the threshold: impossible, -infinity.
    @Test func failureBelowThreshold() {
        #expect(ThresholdLikelihood.derivatives(.weibull3p, Self.sample, [5, 0, 3.5]).value == -.infinity)
        #expect(ThresholdLikelihood.derivatives(.gamma3p, Self.sample, [5, 0, 4]).value == -.infinity)
    }
}
