#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// A family whose hazard can be bathtub-shaped: what the bathtub-regions analysis asks of it beyond the
/// likelihood.
///
/// Both requirements have nil defaults: a family without a closed-form hazard minimum is minimised
/// numerically, and only the competing-risk families split their hazard into parts.
public protocol BathtubHazard: ParametricFamily {
    /// The time where the hazard at natural parameters p is smallest, when it has an interior minimum
    /// there and a closed form for it; nil when the hazard is monotone at p (or has no closed form).
    func closedFormHazardMinimum(_ p: [Double]) -> Double?
    /// The hazard at t split into a decreasing (infant-mortality), constant (random) and increasing
    /// (wear-out) part that add up to h(t); nil for a family that is not a sum of such parts.
    func hazardComponents(_ t: Double, _ p: [Double]) -> (decreasing: Double, constant: Double, increasing: Double)?
}

extension BathtubHazard {
    public func closedFormHazardMinimum(_ p: [Double]) -> Double? { nil }
    public func hazardComponents(_ t: Double, _ p: [Double]) -> (decreasing: Double, constant: Double, increasing: Double)? { nil }
}

/// Starting values and degeneracy checks shared by the bathtub and competing-risk families.
///
/// Starting values are deterministic: each family proposes a few dozen candidate points (grids over its
/// shape parameters, with the multiplicative parameter of the cumulative hazard solved from the data,
/// and points derived from the Weibull plotting-position start), and the ones with the highest
/// log-likelihood, best first, are where Newton starts. Evaluating a candidate is one pass over the
/// merged sample, so ranking some 80 of them costs less than one Newton iteration of a 3-parameter family.
enum BathtubSupport {
    /// Shapes tried by the grids.
    static let shapeGrid: [Double] = [0.1, 0.2, 0.35, 0.5, 0.7, 0.85, 1, 1.3, 2, 3, 5]

    /// The `keep` candidates with the highest finite log-likelihood, best first; candidates whose
    /// log-likelihood equals a better one's to 1e-9 relative are left out (the same point twice). When
    /// no candidate has a finite log-likelihood, the first `keep` (the driver then reports the failure).
    static func best<F: ParametricFamily>(_ family: F, _ sample: CensoredSample, _ candidates: [[Double]],
                                          keep: Int = 4) -> [[Double]] {
        let likelihood = CensoredLogLikelihood(family: family, sample: sample)
        var scored: [(point: [Double], value: Double)] = []
        for candidate in candidates where candidate.count == family.parameterCount && candidate.allSatisfy(\.isFinite) {
            let u = zip(family.parameters, candidate).compactMap { $0.transform.unconstrained($1) }
            guard u.count == candidate.count else { continue }
            let value = likelihood.value(u)
            if value.isFinite { scored.append((candidate, value)) }
        }
        guard !scored.isEmpty else { return Array(candidates.prefix(keep)) }
        scored.sort { $0.value > $1.value }
        var chosen: [(point: [Double], value: Double)] = []
        for s in scored where chosen.count < keep {
            if chosen.contains(where: { abs($0.value - s.value) <= 1e-9 * (1 + abs(s.value)) }) { continue }
            chosen.append(s)
        }
        return chosen.map(\.point)
    }

    /// The multiplier c of a cumulative hazard c G(t) that makes the expected number of failures on the
    /// data equal the observed one: failures / sum w G(t) over failure locations and censoring times
    /// (the maximum-likelihood c for exact and right-censored data); nil when that sum is not positive.
    static func multiplier(_ sample: CensoredSample, _ g: (Double) -> Double) -> Double? {
        let exposure = (sample.failureLocations + sample.right).reduce(0.0) { $0 + $1.weight * g($1.time) }
        guard exposure > 0, exposure.isFinite else { return nil }
        let c = sample.failureCount / exposure
        return c > 0 && c.isFinite ? c : nil
    }

    /// The longest observed time, or 1 for an empty sample.
    static func timeScale(_ sample: CensoredSample) -> Double {
        let t = sample.longestTime
        return t > 0 && t.isFinite ? t : 1
    }

    /// Pairs of Weibull (eta, beta) starts for two competing Weibull components, ordered so that the first
    /// has the smaller shape: the failures are split at cumulative fractions 0.2 to 0.8; the early ones,
    /// with the rest as survivors at their times, give the first component's plotting-position start and
    /// the late ones, with the early ones as survivors, the second's. Also an infant-mortality component
    /// (shape 0.5) and a wear-out one (shape twice the overall Weibull's, at least 2) around the overall
    /// Weibull start.
    static func weibullPairs(_ sample: CensoredSample) -> [(first: (eta: Double, beta: Double), second: (eta: Double, beta: Double))] {
        let locations = sample.failureLocations
        let total = locations.reduce(0.0) { $0 + $1.weight }
        var pairs: [(first: (eta: Double, beta: Double), second: (eta: Double, beta: Double))] = []
        for fraction in [0.2, 0.35, 0.5, 0.65, 0.8] {
            var cumulative = 0.0
            var early: [WeightedTime] = [], late: [WeightedTime] = []
            for location in locations {
                if cumulative + location.weight / 2 <= fraction * total { early.append(location) } else { late.append(location) }
                cumulative += location.weight
            }
            guard !early.isEmpty, !late.isEmpty else { continue }
            let a = StartingValues.weibull(CensoredSample(exact: early, right: late + sample.right, unitCount: sample.unitCount))
            let b = StartingValues.weibull(CensoredSample(exact: late, right: early + sample.right, unitCount: sample.unitCount))
            pairs.append(a.beta <= b.beta ? (a, b) : (b, a))
        }
        let w = StartingValues.weibull(sample)
        pairs.append(((3 * w.eta, 0.5), (w.eta, max(2, 2 * w.beta))))
        pairs.append(((w.eta, min(w.beta, 1) * 0.7), (1.5 * w.eta, max(1.5, 1.5 * w.beta))))
        return pairs
    }

    /// Failures attributed to one part of an additive hazard: the sum over failure locations of
    /// w h_part(t)/h(t) (exact times and left-censoring times; interval midpoints).
    static func attributedFailures(_ sample: CensoredSample, part: (Double) -> Double, total: (Double) -> Double) -> Double {
        sample.failureLocations.reduce(0.0) { sum, location in
            let h = total(location.time)
            return h > 0 && h.isFinite ? sum + location.weight * part(location.time) / h : sum
        }
    }

    /// Failures attributed to a part below this count: the part carries no failures on the data, and its
    /// parameters are not estimable (the likelihood is maximised on the boundary where the part vanishes).
    static let negligibleFailures = 1e-3

    /// A Weibull component whose shape exceeds this and whose attributed failures lie at one failure
    /// location has collapsed onto that time (the likelihood grows without bound as the shape grows).
    static let collapsedShape = 100.0

    /// The reason a Weibull component (eta, beta) of an additive hazard is degenerate on the sample, or nil:
    /// no failures attributed to it, or a shape running to infinity on one cluster of tied failures.
    static func weibullComponentDegeneracy(_ label: String, eta: Double, beta: Double, sample: CensoredSample,
                                           total: (Double) -> Double) -> String? {
        let part = { (t: Double) in beta / eta * pow(t / eta, beta - 1) }
        let attributed = attributedFailures(sample, part: part, total: total)
        if attributed < negligibleFailures {
            return "the \(label) Weibull component (eta \(NoteNumbers.significant(eta)), beta \(NoteNumbers.significant(beta))) "
                + "carries \(NoteNumbers.significant(attributed)) of the failures: its hazard is negligible on the data's range"
        }
        if beta > collapsedShape {
            let shares = sample.failureLocations.map { $0.weight * part($0.time) / max(total($0.time), .leastNormalMagnitude) }
            if let largest = shares.indices.max(by: { shares[$0] < shares[$1] }), shares[largest] >= 0.99 * attributed {
                return "the \(label) Weibull component's shape runs to infinity (beta \(NoteNumbers.significant(beta))): "
                    + "it collapses onto the failures at t = \(NoteNumbers.significant(sample.failureLocations[largest].time))"
            }
        }
        return nil
    }

    /// t* with h'(t*) = 0 for h = (b1/e1)(t/e1)^(b1-1) [+ constant] + (b2/e2)(t/e2)^(b2-1):
    /// t*^(b2-b1) = b1 (1 - b1) e2^b2 / (b2 (b2 - 1) e1^b1), a minimum when b1 < 1 < b2; nil otherwise.
    static func twoWeibullHazardMinimum(eta1: Double, beta1: Double, eta2: Double, beta2: Double) -> Double? {
        guard beta1 < 1, beta2 > 1 else { return nil }
        let logT = (log(beta1 * (1 - beta1)) - log(beta2 * (beta2 - 1)) + beta2 * log(eta2) - beta1 * log(eta1)) / (beta2 - beta1)
        let t = exp(logT)
        return t > 0 && t.isFinite ? t : nil
    }
}
