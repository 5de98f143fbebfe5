#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Two competing Weibull failure modes whose modes are not recorded (Xie and Lai 1996),
/// "additive-weibull" (eta1, beta1, eta2, beta2 > 0), on t > 0:
///
///     H(t) = (t/eta1)^beta1 + (t/eta2)^beta2,   h(t) = (beta1/eta1)(t/eta1)^(beta1-1) + (beta2/eta2)(t/eta2)^(beta2-1),
///
/// a series system of two Weibull modes. The components are identified by their order,
/// beta1 <= beta2 (the likelihood is symmetric under swapping them; points with beta1 > beta2 are outside
/// the parameter space here), so the estimate is unique. The hazard is bathtub-shaped when
/// beta1 < 1 < beta2, with its minimum at
///
///     t* = (beta1 (1 - beta1) eta2^beta2 / (beta2 (beta2 - 1) eta1^beta1))^(1/(beta2 - beta1)),
///
/// and monotone otherwise.
///
/// The maximum need not exist. Where nothing is observed to survive beyond the last exact failure
/// (every complete sample, and readout data whose survivors are counted at the last readout), the
/// likelihood grows without bound as the wear-out component collapses onto that failure (eta2 at its
/// time, beta2 -> infinity, ln L growing like ln beta2; `collapseTime(_:)`). A converged fit is then
/// a local maximum, as for mixtures (on SYS2 and on Doganaksoy's data it is; on SYS2 the path passes its
/// log-likelihood only beyond beta2 = 10^6); a fit that runs down the path, or in which a component carries no failures, is
/// reported degenerate by `degeneracy`.
public struct AdditiveWeibullDistribution: HazardFamily, BathtubHazard {
    public init() {}
    public var name: String { "additive-weibull" }
    public var parameters: [FamilyParameter] {
        [FamilyParameter("eta1", .log), FamilyParameter("beta1", .log), FamilyParameter("eta2", .log), FamilyParameter("beta2", .log)]
    }
    public var requiredDistinctFailures: Int { 4 }

    /// ln of one Weibull component's hazard.
    @inlinable
    static func logWeibullHazard<T: LikelihoodScalar>(_ logT: T, eta: T, beta: T) -> T {
        let logEta = T.log(eta)
        return T.log(beta) - logEta + (beta - 1) * (logT - logEta)
    }

    public func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        guard p[1] <= p[3] else { return T(.nan) }
        let logT = T.log(t)
        return T.logAddExp(Self.logWeibullHazard(logT, eta: p[0], beta: p[1]), Self.logWeibullHazard(logT, eta: p[2], beta: p[3]))
    }

    public func cumulativeHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        guard p[1] <= p[3] else { return T(.nan) }
        let logT = T.log(t)
        return T.exp(p[1] * (logT - T.log(p[0]))) + T.exp(p[3] * (logT - T.log(p[2])))
    }

    /// The failures split at cumulative fractions 0.2 to 0.8, each part's Weibull plotting-position start
    /// (the other part as survivors), and two infant/wear-out pairs around the overall Weibull start; the
    /// best by log-likelihood.
    public func startingValues(for sample: CensoredSample) -> [[Double]] {
        let candidates = BathtubSupport.weibullPairs(sample).map { [$0.first.eta, $0.first.beta, $0.second.eta, $0.second.beta] }
        return BathtubSupport.best(self, sample, candidates, keep: 5)
    }

    /// A component that carries no failures, or one collapsed onto a cluster of tied failures.
    public func degeneracy(_ p: [Double], sample: CensoredSample) -> String? {
        let total = { (t: Double) in self.hazardComponents(t, p).map { $0.decreasing + $0.increasing } ?? .nan }
        return BathtubSupport.weibullComponentDegeneracy("first", eta: p[0], beta: p[1], sample: sample, total: total)
            ?? BathtubSupport.weibullComponentDegeneracy("second", eta: p[2], beta: p[3], sample: sample, total: total)
    }

    /// The time onto which a Weibull component can collapse with unbounded likelihood: the last exact
    /// failure when no right-censoring time and no interval start lies beyond it; nil when the data bound
    /// the likelihood along that path (survivors observed later).
    public static func collapseTime(_ sample: CensoredSample) -> Double? {
        guard let last = sample.exact.last?.time else { return nil }
        if let survivor = sample.right.last?.time, survivor > last { return nil }
        if sample.interval.contains(where: { $0.lower >= last }) { return nil }
        return last
    }

    public func closedFormHazardMinimum(_ p: [Double]) -> Double? {
        BathtubSupport.twoWeibullHazardMinimum(eta1: p[0], beta1: p[1], eta2: p[2], beta2: p[3])
    }

    /// The component with the smaller shape as the decreasing part (it decreases when beta1 < 1), the
    /// other as the increasing part, no constant part.
    public func hazardComponents(_ t: Double, _ p: [Double]) -> (decreasing: Double, constant: Double, increasing: Double)? {
        (p[1] / p[0] * pow(t / p[0], p[1] - 1), 0, p[3] / p[2] * pow(t / p[2], p[3] - 1))
    }
}
