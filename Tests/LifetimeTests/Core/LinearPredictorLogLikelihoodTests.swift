import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics
@testable import Lifetime

/// The life-stress likelihood on the core (`LinearPredictorLogLikelihood`: any family, its life
/// parameter linear in covariates) against the location-scale specialisation the ALT fits use
/// (`LinearLocationLikelihood`, analytic derivatives), and against the family's own likelihood in the
/// intercept-only case.
@Suite struct LinearPredictorLogLikelihoodTests {
    /// Three stress levels (covariate x = 1/(kT)-like values, one level with an offset), each with
    /// exact failures, suspensions, left-censored units and intervals, with counts.
    static let levels: [(x: Double, offset: Double, data: LifetimeData)] = {
        func data(_ scale: Double) -> LifetimeData {
            var d = LifetimeData()
            for (i, t) in [0.21, 0.4, 0.55, 0.9, 1.3].enumerated() { try! d.addFailure(at: t * scale, count: Double(1 + i % 2)) }
            try! d.addSuspension(at: 1.5 * scale, count: 4)
            try! d.addSuspension(at: 0.7 * scale)
            try! d.addLeftCensored(before: 0.1 * scale, count: 2)
            try! d.addInterval(from: 0.6 * scale, to: 0.8 * scale, count: 3)
            try! d.addInterval(from: 1.0 * scale, to: 1.2 * scale)
            return d
        }
        return [(38.0, 0, data(100)), (36.5, 0, data(40)), (35.0, 0.3, data(12))]
    }()

    static func observations() -> [LinearLocationObservation] {
        var result: [LinearLocationObservation] = []
        for level in levels {
            let d = level.data, x = [1, level.x]
            for (t, w) in zip(d.failureTimes, d.failureCounts) {
                result.append(.init(kind: .exact, y: log(t), yUpper: 0, weight: w, x: x, offset: level.offset))
            }
            for (t, w) in zip(d.suspensionTimes, d.suspensionCounts) {
                result.append(.init(kind: .right, y: log(t), yUpper: 0, weight: w, x: x, offset: level.offset))
            }
            for (t, w) in zip(d.leftCensoredTimes, d.leftCensoredCounts) {
                result.append(.init(kind: .left, y: log(t), yUpper: 0, weight: w, x: x, offset: level.offset))
            }
            for i in d.intervalCounts.indices {
                result.append(.init(kind: .interval, y: log(d.intervalLowerTimes[i]), yUpper: log(d.intervalUpperTimes[i]),
                                    weight: d.intervalCounts[i], x: x, offset: level.offset))
            }
        }
        return result
    }

    static func general<F: ParametricFamily>(_ family: F, predicted: Int) throws -> LinearPredictorLogLikelihood<F> {
        try #require(LinearPredictorLogLikelihood(family: family, predicted: predicted, groups: levels.map {
            .init(covariates: [1, $0.x], offset: $0.offset, sample: CensoredSample($0.data))
        }))
    }

    static func close(_ a: Double, _ b: Double, scale: Double) -> Bool { abs(a - b) <= 1e-10 * max(abs(b), scale) }

    /// Weibull: the specialisation's (b0, b1, s = ln sigma) are the core's (b0, b1, ln beta = -s), so
    /// the gradient in s and the Hessian entries with one s change sign.
    @Test func weibullSpecialisationEqualsTheCore() throws {
        let fast = LinearLocationLikelihood<SmallestExtremeValue>(Self.observations())
        let core = try Self.general(WeibullHazard(), predicted: 0)
        let theta = [-35.0, 1.05, log(0.7)]
        let e = fast.evaluate(theta)
        let d = core.derivatives([theta[0], theta[1], -theta[2]])
        let sign = [1.0, 1, -1]
        #expect(Self.close(d.value, e.value, scale: 0), "\(d.value) \(e.value)")
        #expect(Self.close(core.value([theta[0], theta[1], -theta[2]]), e.value, scale: 0))
        let gScale = e.gradient.map(abs).max()!, hScale = e.hessian.flatMap { $0 }.map(abs).max()!
        for i in 0..<3 {
            #expect(Self.close(d.gradient[i], sign[i] * e.gradient[i], scale: gScale), "g\(i) \(d.gradient[i]) \(e.gradient[i])")
            for j in 0..<3 {
                #expect(Self.close(d.hessian[i, j], sign[i] * sign[j] * e.hessian[i][j], scale: hScale),
                        "H\(i)\(j) \(d.hessian[i, j]) \(e.hessian[i][j])")
            }
        }
    }

    /// Lognormal: the same parameters (b0, b1, ln sigma) on both.
    @Test func lognormalSpecialisationEqualsTheCore() throws {
        let fast = LinearLocationLikelihood<NormalStandard>(Self.observations())
        let core = try Self.general(LognormalDistribution(), predicted: 0)
        let theta = [-30.0, 0.9, log(1.3)]
        let e = fast.evaluate(theta), d = core.derivatives(theta)
        #expect(Self.close(d.value, e.value, scale: 0), "\(d.value) \(e.value)")
        let gScale = e.gradient.map(abs).max()!, hScale = e.hessian.flatMap { $0 }.map(abs).max()!
        for i in 0..<3 {
            #expect(Self.close(d.gradient[i], e.gradient[i], scale: gScale), "g\(i) \(d.gradient[i]) \(e.gradient[i])")
            for j in 0..<3 {
                #expect(Self.close(d.hessian[i, j], e.hessian[i][j], scale: hScale), "H\(i)\(j) \(d.hessian[i, j]) \(e.hessian[i][j])")
            }
        }
    }

    /// One group with x = (1) and no offset is the family's own likelihood (the gamma here: the
    /// predicted parameter is ln theta, the other ln k).
    @Test func interceptOnlyIsTheFamilyItself() throws {
        let data = Self.levels[0].data
        let core = try #require(LinearPredictorLogLikelihood(family: GammaDistribution(), predicted: 0,
                                                            groups: [.init(covariates: [1], sample: CensoredSample(data))]))
        let own = CensoredLogLikelihood(family: GammaDistribution(), sample: CensoredSample(data))
        let u = [log(80.0), log(1.4)]
        let a = core.derivatives(u), b = own.derivatives(u)
        #expect(a.value == b.value)
        #expect(a.gradient == b.gradient)
        for i in 0..<2 { for j in 0..<2 { #expect(a.hessian[i, j] == b.hessian[i, j]) } }
        // Mismatched covariates or a parameter the family does not have: no likelihood, no trap.
        #expect(LinearPredictorLogLikelihood(family: GammaDistribution(), predicted: 2,
                                             groups: [.init(covariates: [1], sample: CensoredSample(data))]) == nil)
        #expect(LinearPredictorLogLikelihood(family: GammaDistribution(), predicted: 0,
                                             groups: [.init(covariates: [1], sample: CensoredSample(data)),
                                                      .init(covariates: [1, 2], sample: CensoredSample(data))]) == nil)
    }
}
