import RelmodelNumerics

/// The two-parameter Weibull in hazard form: h(t) = (beta/eta) (t/eta)^(beta-1), H(t) = (t/eta)^beta.
///
/// The general-core definition of the family that `MaximumLikelihood` fits by its fast paths (the
/// profile likelihood in the shape, the location-scale Newton): tests hold the two equal to 1e-10.
/// Mixtures, defective subpopulations and competing risks build on it.
public struct WeibullHazard: HazardFamily {
    public init() {}
    public var name: String { "weibull2p" }
    public var parameters: [FamilyParameter] { [FamilyParameter("eta", .log), FamilyParameter("beta", .log)] }
    public var requiredDistinctFailures: Int { 2 }

    public func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        let eta = p[0], beta = p[1]
        return T.log(beta) - T.log(eta) + (beta - 1) * (T.log(t) - T.log(eta))
    }

    public func cumulativeHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        T.exp(p[1] * (T.log(t) - T.log(p[0])))
    }

    public func startingValues(for sample: CensoredSample) -> [[Double]] {
        let start = StartingValues.weibull(sample)
        return [[start.eta, start.beta]]
    }
}
