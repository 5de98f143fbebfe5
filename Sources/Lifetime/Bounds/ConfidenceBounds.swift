/// How confidence bounds are computed.
public enum BoundsMethod: String, Sendable, CaseIterable {
    /// Fisher-matrix (Wald) bounds from the inverse observed information, on the log scale for
    /// positive quantities and on the standardized-time scale for reliability.
    case fisher
    /// Likelihood-ratio bounds: the set of values whose profile log-likelihood lies within
    /// chi-square(confidence; 1) / 2 of the maximum.
    case lr
    /// Parametric bootstrap percentile bounds (`ParametricBootstrap`), run by `LifetimeAnalysis`
    /// because it needs the data; a fit alone cannot give them.
    case bootstrap
}

/// A two-sided confidence interval. A missing end means that bound does not exist (the profile
/// likelihood never falls far enough) or cannot be computed (no covariance); the reason is in the fit's
/// diagnostics notes.
public struct ConfidenceInterval: Sendable, Equatable {
    public var lower: Double?
    public var upper: Double?

    public init(lower: Double?, upper: Double?) {
        self.lower = lower
        self.upper = upper
    }

    /// The interval with its ends swapped and mapped through a decreasing function.
    func mappedDecreasing(_ f: (Double) -> Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: upper.map(f), upper: lower.map(f))
    }

    /// The interval mapped through an increasing function.
    func mappedIncreasing(_ f: (Double) -> Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: lower.map(f), upper: upper.map(f))
    }
}

/// Which ends of a confidence interval are reported.
public enum BoundSides: String, Sendable, CaseIterable {
    case two
    /// Only the lower bound (a one-sided lower confidence bound).
    case lower
    /// Only the upper bound.
    case upper
}

extension ConfidenceInterval {
    /// The interval with the end not asked for removed.
    public func keeping(_ sides: BoundSides) -> ConfidenceInterval {
        switch sides {
        case .two: self
        case .lower: ConfidenceInterval(lower: lower, upper: nil)
        case .upper: ConfidenceInterval(lower: nil, upper: upper)
        }
    }
}

/// An estimate with its confidence interval.
public struct BoundedEstimate: Sendable, Equatable {
    public var value: Double
    public var bounds: ConfidenceInterval

    public init(value: Double, bounds: ConfidenceInterval) {
        self.value = value
        self.bounds = bounds
    }
}
