/// A family made of components (a k-component mixture) that can say, for one observation, how likely
/// each component is to have produced it, at parameters p.
///
/// The posterior of component j is its share of the observation's likelihood:
/// w_j f_j(t) / f(t) for a failure at t, w_j S_j(t) / S(t) for a unit surviving t, w_j F_j(t) / F(t)
/// for a unit failed by t, and w_j (S_j(a) - S_j(b)) / (S(a) - S(b)) for a failure in (a, b]
/// (the E step of the EM algorithm). The mixture families adopt it; `ComponentAssignment` and
/// `relmodel fit --components FILE.csv` use it through this protocol only.
public protocol ComponentPosteriors: ParametricFamily {
    /// Number of components, k.
    var componentCount: Int { get }
    /// The k posterior probabilities of the components for `observation` at natural parameters `p`
    /// (summing to 1), in component order.
    func posteriors(_ observation: LifetimeObservation, _ p: [Double]) -> [Double]
}

extension ComponentPosteriors {
    /// Each merged entry of the sample (exact, right, left, interval, in that order, as in
    /// `CensoredSample`) with its components' posterior probabilities at p.
    /// - Complexity: O(n k).
    public func posteriors(_ p: [Double], sample: CensoredSample) -> [ComponentPosterior] {
        sample.exact.map { ComponentPosterior(observation: .exact($0.time), weight: $0.weight, probabilities: posteriors(.failure(time: $0.time, count: $0.weight), p)) }
            + sample.right.map { ComponentPosterior(observation: .right($0.time), weight: $0.weight, probabilities: posteriors(.suspension(time: $0.time, count: $0.weight), p)) }
            + sample.left.map { ComponentPosterior(observation: .left($0.time), weight: $0.weight, probabilities: posteriors(.leftCensored(time: $0.time, count: $0.weight), p)) }
            + sample.interval.map {
                ComponentPosterior(observation: .interval($0.lower, $0.upper), weight: $0.weight,
                                   probabilities: posteriors(.interval(lower: $0.lower, upper: $0.upper, count: $0.weight), p))
            }
    }
}

extension ParametricFit {
    /// For a family with components (a mixture), each merged entry's component posteriors at the
    /// estimate; nil for other families.
    public var componentPosteriors: [ComponentPosterior]? {
        (family as? any ComponentPosteriors)?.posteriors(parameters, sample: sample)
    }
}

/// The most likely component of one observation, with every component's posterior probability.
public struct ComponentAssignment: Sendable, Equatable {
    /// 0-based index of the most likely component (the first one on a tie); nil when the posteriors
    /// are not numbers (an observation the fitted model gives zero likelihood).
    public let component: Int?
    public let posteriors: [Double]

    public init(posteriors: [Double]) {
        self.posteriors = posteriors
        var best: Int?
        for (j, value) in posteriors.enumerated() where value.isFinite {
            if best == nil || value > posteriors[best!] { best = j }
        }
        component = best
    }

    /// One assignment per observation, from the fitted mixture's estimates; nil when the fit's family
    /// has no components (does not adopt `ComponentPosteriors`).
    /// - Complexity: O(k) family evaluations per observation.
    public static func assign(_ fit: ParametricFit, to observations: [LifetimeObservation]) -> [ComponentAssignment]? {
        guard let family = fit.family as? any ComponentPosteriors else { return nil }
        let p = fit.parameters
        return observations.map { ComponentAssignment(posteriors: family.posteriors($0, p)) }
    }
}
