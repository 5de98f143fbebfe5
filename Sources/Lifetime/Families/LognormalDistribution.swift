import RelmodelNumerics

/// The two-parameter lognormal: ln T is normal with mean mu and standard deviation sigma.
///
/// The general-core definition of the family `MaximumLikelihood` fits by its location-scale fast path;
/// mixtures and defective subpopulations build on it.
public struct LognormalDistribution: ParametricFamily {
    public init() {}
    public var name: String { "lognormal2p" }
    public var parameters: [FamilyParameter] { [FamilyParameter("mu", .identity), FamilyParameter("sigma", .log)] }
    public var requiredDistinctFailures: Int { 2 }

    public func logDensity<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        let y = T.log(t)
        return T.normalLogPDF((y - p[0]) / p[1]) - T.log(p[1]) - y
    }

    public func logSurvival<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { T.normalLogCDF((p[0] - T.log(t)) / p[1]) }

    public func logCDF<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { T.normalLogCDF((T.log(t) - p[0]) / p[1]) }

    public func startingValues(for sample: CensoredSample) -> [[Double]] {
        let start = StartingValues.lognormal(sample)
        return [[start.mu, start.sigma]]
    }
}
