#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// The three regions of the bathtub curve as three competing risks, "weibull-exponential-weibull"
/// (eta1, beta1, lambda, eta2, beta2 > 0), on t > 0: an infant-mortality Weibull, a constant (random)
/// failure rate and a wear-out Weibull,
///
///     h(t) = (beta1/eta1)(t/eta1)^(beta1-1) + lambda + (beta2/eta2)(t/eta2)^(beta2-1),
///     H(t) = (t/eta1)^beta1 + lambda t + (t/eta2)^beta2.
///
/// The name is relmodel's: it is the additive Weibull (Xie and Lai 1996) with an exponential mode added,
/// the competing-risks form of the textbook bathtub (a series system of an early-failure, a random and
/// a wear-out mode), whose parts `hazardComponents` returns for the bathtub-regions analysis. The
/// Weibull components are identified by their order, beta1 <= beta2 (points with beta1 > beta2 are
/// outside the parameter space here). The hazard has an interior minimum when beta1 < 1 < beta2, at the
/// additive Weibull's
///
///     t* = (beta1 (1 - beta1) eta2^beta2 / (beta2 (beta2 - 1) eta1^beta1))^(1/(beta2 - beta1))
///
/// (the constant adds nothing to h'), and is monotone otherwise.
///
/// When the data show no random-failure region the likelihood is largest at lambda = 0, the additive
/// Weibull: `degeneracy` reports a part that carries no failures, and a Weibull component collapsed onto
/// a cluster of tied failures (beta -> infinity, where the likelihood is unbounded).
public struct WeibullExponentialWeibullDistribution: HazardFamily, BathtubHazard {
    public init() {}
    public var name: String { "weibull-exponential-weibull" }
    public var parameters: [FamilyParameter] {
        [FamilyParameter("eta1", .log), FamilyParameter("beta1", .log), FamilyParameter("lambda", .log),
         FamilyParameter("eta2", .log), FamilyParameter("beta2", .log)]
    }
    public var requiredDistinctFailures: Int { 5 }

    public func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        guard p[1] <= p[4] else { return T(.nan) }
        let logT = T.log(t)
        let infant = AdditiveWeibullDistribution.logWeibullHazard(logT, eta: p[0], beta: p[1])
        let wearOut = AdditiveWeibullDistribution.logWeibullHazard(logT, eta: p[3], beta: p[4])
        return T.logAddExp(T.logAddExp(infant, T.log(p[2])), wearOut)
    }

    public func cumulativeHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        guard p[1] <= p[4] else { return T(.nan) }
        let logT = T.log(t)
        return T.exp(p[1] * (logT - T.log(p[0]))) + p[2] * t + T.exp(p[4] * (logT - T.log(p[3])))
    }

    /// The additive Weibull's starting pairs with a share q (0.05, 0.2, 0.4) of the expected failures moved
    /// to the constant rate (each Weibull's cumulative hazard scaled by 1 - q); the best by log-likelihood.
    public func startingValues(for sample: CensoredSample) -> [[Double]] {
        guard let rate = BathtubSupport.multiplier(sample, { $0 }) else { return [] }
        var candidates: [[Double]] = []
        for pair in BathtubSupport.weibullPairs(sample) {
            for q in [0.05, 0.2, 0.4] {
                let keep = 1 - q
                candidates.append([pair.first.eta * pow(keep, -1 / pair.first.beta), pair.first.beta, q * rate,
                                   pair.second.eta * pow(keep, -1 / pair.second.beta), pair.second.beta])
            }
        }
        return BathtubSupport.best(self, sample, candidates, keep: 5)
    }

    /// A part that carries no failures (the constant rate when the data show no random region), or a
    /// Weibull component collapsed onto a cluster of tied failures.
    public func degeneracy(_ p: [Double], sample: CensoredSample) -> String? {
        let total = { (t: Double) in self.hazardComponents(t, p).map { $0.decreasing + $0.constant + $0.increasing } ?? .nan }
        let random = BathtubSupport.attributedFailures(sample, part: { _ in p[2] }, total: total)
        if random < BathtubSupport.negligibleFailures {
            return "lambda runs to 0: the constant rate carries \(NoteNumbers.significant(random)) of the failures (the fit is the additive Weibull)"
        }
        return BathtubSupport.weibullComponentDegeneracy("infant-mortality", eta: p[0], beta: p[1], sample: sample, total: total)
            ?? BathtubSupport.weibullComponentDegeneracy("wear-out", eta: p[3], beta: p[4], sample: sample, total: total)
    }

    public func closedFormHazardMinimum(_ p: [Double]) -> Double? {
        BathtubSupport.twoWeibullHazardMinimum(eta1: p[0], beta1: p[1], eta2: p[3], beta2: p[4])
    }

    public func hazardComponents(_ t: Double, _ p: [Double]) -> (decreasing: Double, constant: Double, increasing: Double)? {
        (p[1] / p[0] * pow(t / p[0], p[1] - 1), p[2], p[4] / p[3] * pow(t / p[3], p[4] - 1))
    }
}

/// The three parts for the bathtub regions' `components` definition: where the infant-mortality hazard
/// falls below the constant rate and where the wear-out hazard rises above it.
extension WeibullExponentialWeibullDistribution: HazardComponents {
    /// ln of the infant-mortality Weibull's hazard, ln lambda, and ln of the wear-out Weibull's hazard.
    public func componentLogHazards<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> (decreasing: T?, constant: T?, increasing: T?) {
        let logT = T.log(t)
        return (AdditiveWeibullDistribution.logWeibullHazard(logT, eta: p[0], beta: p[1]), T.log(p[2]),
                AdditiveWeibullDistribution.logWeibullHazard(logT, eta: p[3], beta: p[4]))
    }
}
