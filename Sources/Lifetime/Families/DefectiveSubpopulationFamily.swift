import RelmodelNumerics

/// The defective-subpopulation (limited failure population, LFP) model of Meeker (1987): a fraction p
/// of units is defective with the base family's lifetime distribution F0, the rest never fail in the
/// time frame of interest, so F(t) = p F0(t). Parameters: p, then the base family's (`weibull-lfp`:
/// p, eta, beta; `lognormal-lfp`: p, mu, sigma).
///
/// - ln f = ln p + ln f0;
/// - ln S = ln(1 - p F0): `log1p(-p F0)` with p F0 = e^(ln p + ln F0) while p F0 < 1/2 (accurate for a
///   tiny p F0, where ln S is a tiny negative number); beyond, ln((1 - p) + p S0) summed in logs
///   (`logAddExp` of ln(1 - p) and ln p + ln S0: two positive terms, accurate when p F0 is near 1);
/// - ln F = ln p + ln F0 and ln P(a < T <= b) = ln p + ln P0(a < T <= b): the base family's own
///   well-conditioned forms, so left- and interval-censored units are as accurate as exact ones.
///
/// A plain Weibull fitted to such data (failures that stop while most units survive) runs to a tiny
/// shape and an astronomical scale; this model is the reason the data look that way.
public struct DefectiveSubpopulationFamily<Base: ParametricFamily>: ParametricFamily {
    public let base: Base
    public let name: String

    /// - Parameters:
    ///   - base: the defective units' lifetime family F0.
    ///   - name: the name in the CLI and JSON contract ("weibull-lfp").
    public init(base: Base, name: String) {
        self.base = base
        self.name = name
    }

    public var parameters: [FamilyParameter] { [FamilyParameter("p", .logit)] + base.parameters }
    /// The base family's: the fraction is identified by the survivors.
    public var requiredDistinctFailures: Int { base.requiredDistinctFailures }

    public func logDensity<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        T.log(p[0]) + base.logDensity(t, Array(p.dropFirst()))
    }

    public func logSurvival<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        let life = Array(p.dropFirst())
        let failed = T.exp(T.log(p[0]) + base.logCDF(t, life))
        if failed.value < 0.5 { return T.log1p(-failed) }
        return T.logAddExp(T.log1p(-p[0]), T.log(p[0]) + base.logSurvival(t, life))
    }

    public func logCDF<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        T.log(p[0]) + base.logCDF(t, Array(p.dropFirst()))
    }

    public func logProbability<T: LikelihoodScalar>(between a: T, and b: T, _ p: [T]) -> T {
        T.log(p[0]) + base.logProbability(between: a, and: b, Array(p.dropFirst()))
    }

    /// The base family fitted to the failed units alone (the defectives' life, as if every defective
    /// had been seen to fail), with p at 1.2 and 3 times the fraction failed; the base family's own
    /// start on all the data with p = 0.9 last.
    public func startingValues(for sample: CensoredSample) -> [[Double]] {
        let failed = CensoredSample(exact: sample.exact, left: sample.left, interval: sample.interval)
        let life = (try? ParametricEstimation.fit(base, to: failed))?.parameters ?? base.startingValues(for: failed)[0]
        let fraction = sample.unitCount > 0 ? sample.failureCount / sample.unitCount : 0.5
        var starts = [min(0.99, 1.2 * fraction), min(0.99, 3 * fraction)].map { [$0] + life }
        if let plain = base.startingValues(for: sample).first { starts.append([0.9] + plain) }
        return starts
    }

    public func degeneracy(_ p: [Double], sample: CensoredSample) -> String? {
        base.degeneracy(Array(p.dropFirst()), sample: sample)
    }
}

extension DefectiveSubpopulationFamily where Base == WeibullHazard {
    /// `weibull-lfp`: p, eta, beta.
    public static var weibull: Self { Self(base: WeibullHazard(), name: "weibull-lfp") }
}

extension DefectiveSubpopulationFamily where Base == LognormalDistribution {
    /// `lognormal-lfp`: p, mu, sigma.
    public static var lognormal: Self { Self(base: LognormalDistribution(), name: "lognormal-lfp") }
}
