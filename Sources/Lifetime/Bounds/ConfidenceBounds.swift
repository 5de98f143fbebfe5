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
/// likelihood never falls far enough: an open bound) or was not computed (no covariance, a spent budget);
/// `notes` then says which and why, in words, and the analysis copies them into the fit's notes.
public struct ConfidenceInterval: Sendable, Equatable {
    public var lower: Double?
    public var upper: Double?
    /// Why an end is missing ("lower end: open: ..."), empty when both ends are numbers.
    public var notes: [String]

    public init(lower: Double?, upper: Double?, notes: [String] = []) {
        self.lower = lower
        self.upper = upper
        self.notes = notes
    }

    /// True when the lower end is missing because the interval is open on that side: the profile
    /// likelihood never fell far enough (its note starts "lower end: open"), so the confidence set
    /// holds every smaller value that was searched.
    public var isLowerOpen: Bool { lower == nil && notes.contains { $0.hasPrefix("lower end: open") } }

    /// True when the upper end is missing because the interval is open on that side.
    public var isUpperOpen: Bool { upper == nil && notes.contains { $0.hasPrefix("upper end: open") } }

    /// Whether `x` lies in the interval, an open end counting as unbounded; nil when an end is
    /// missing for another reason (not computed).
    /// - Complexity: O(notes).
    public func contains(_ x: Double) -> Bool? {
        let aboveLower: Bool? = lower.map { $0 <= x } ?? (isLowerOpen ? true : nil)
        let belowUpper: Bool? = upper.map { x <= $0 } ?? (isUpperOpen ? true : nil)
        guard let aboveLower, let belowUpper else { return nil }
        return aboveLower && belowUpper
    }

    /// The interval with its ends swapped and mapped through a decreasing function.
    func mappedDecreasing(_ f: (Double) -> Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: upper.map(f), upper: lower.map(f), notes: notes.map(Self.swapEnds))
    }

    /// The interval mapped through an increasing function.
    func mappedIncreasing(_ f: (Double) -> Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: lower.map(f), upper: upper.map(f), notes: notes)
    }

    /// A note about one end, relabelled for the other (a decreasing map swaps the ends).
    private static func swapEnds(_ note: String) -> String {
        if note.hasPrefix("lower end") { return "upper end" + note.dropFirst("lower end".count) }
        if note.hasPrefix("upper end") { return "lower end" + note.dropFirst("upper end".count) }
        return note
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
        case .lower: ConfidenceInterval(lower: lower, upper: nil, notes: notes.filter { !$0.hasPrefix("upper end") })
        case .upper: ConfidenceInterval(lower: nil, upper: upper, notes: notes.filter { !$0.hasPrefix("lower end") })
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
