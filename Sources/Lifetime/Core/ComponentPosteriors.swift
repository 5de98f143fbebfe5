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
        let p = fit.estimates
        return observations.map { ComponentAssignment(posteriors: family.posteriors($0, p)) }
    }
}
