/// What a caller needs to know to trust an estimate: whether the optimiser converged, how flat the
/// log-likelihood is where it stopped, and whether that point is a strict local maximum.
public struct FitDiagnostics: Sendable, Equatable {
    /// True when the last Newton step was undamped and smaller than 1e-10 relative in every parameter.
    public var converged: Bool
    /// Newton iterations taken.
    public var iterations: Int
    /// Euclidean norm of the gradient of the log-likelihood in (mu, log sigma) at the estimate.
    public var gradientNorm: Double
    /// True when the Hessian at the estimate is negative definite (Cholesky of its negative succeeds).
    public var hessianNegativeDefinite: Bool
    /// Human-readable notes: why a fit did not converge, bounds that do not exist, and so on.
    public var notes: [String]
    /// True when the likelihood grows without bound (a threshold approaching the first failure): the
    /// reported estimate is then the documented fallback named in `notes`, not a global maximum.
    public var likelihoodUnbounded: Bool
    /// True when the likelihood has no interior maximum for this family on these data (a threshold at
    /// the first failure, a likelihood unbounded in the threshold, a threshold running away from the
    /// data): the estimate is a boundary point or the fallback named in `fallback`, never a proper
    /// maximum, and the analysis ranks it below every proper fit.
    public var degenerate: Bool
    /// The documented, bounded estimate reported in place of a maximum that does not exist
    /// ("threshold at the first failure", "interior local maximum", "gamma = 0, the two-parameter fit").
    public var fallback: String?
    /// True when the fitted distribution's median lies more than `extrapolationLimit` times beyond the
    /// longest time observed: a real maximum, but one that describes the data's first few percent only
    /// (typically a defective subpopulation fitted as if every unit would fail). A note says so.
    public var extrapolated: Bool

    /// How far beyond the longest observed time a fitted median may lie before the fit is flagged as
    /// `extrapolated`: 1000 times (an ordinary heavily censored test puts it within some tens).
    public static let extrapolationLimit = 1000.0

    public init(converged: Bool, iterations: Int, gradientNorm: Double, hessianNegativeDefinite: Bool,
                notes: [String] = [], likelihoodUnbounded: Bool = false, degenerate: Bool = false,
                fallback: String? = nil, extrapolated: Bool = false) {
        self.degenerate = degenerate
        self.fallback = fallback
        self.extrapolated = extrapolated
        self.converged = converged
        self.iterations = iterations
        self.gradientNorm = gradientNorm
        self.hessianNegativeDefinite = hessianNegativeDefinite
        self.notes = notes
        self.likelihoodUnbounded = likelihoodUnbounded
    }

    /// A fit whose numbers can be used: converged to a strict local maximum that is a proper one.
    public var isReliable: Bool { converged && hessianNegativeDefinite && !degenerate }
}

/// Why a maximum-likelihood estimate does not exist for the data, reported instead of a number.
public enum FitFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// No failures at all: the likelihood increases without bound as the scale grows.
    case noFailures
    /// Fewer distinct failure times than a family needs (one for the exponential, two for a
    /// two-parameter family): the likelihood has no maximum (the shape runs off to infinity).
    case tooFewDistinctFailures(found: Int, required: Int)
    /// A failure at time 0 has zero density under a log-location-scale family.
    case failureAtTimeZero(family: LifetimeFamily)
    /// The optimiser met a non-finite log-likelihood it could not step away from.
    case numericalFailure(String)
    /// The method does not apply to this family or data (the message says why).
    case notApplicable(String)

    public var description: String {
        switch self {
        case .noFailures:
            "no failures: the maximum-likelihood estimate does not exist (use a known shape, Weibayes, for a bound)"
        case let .tooFewDistinctFailures(found, required):
            "\(found) distinct failure time\(found == 1 ? "" : "s"), \(required) needed: the maximum-likelihood estimate does not exist"
        case let .failureAtTimeZero(family):
            "a failure at time 0 has zero density under \(family.rawValue)"
        case let .numericalFailure(message):
            "numerical failure: \(message)"
        case let .notApplicable(message):
            message
        }
    }
}
