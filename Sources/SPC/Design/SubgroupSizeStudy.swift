/// Compares subgroup sizes and sampling intervals of an Xbar chart by their average run length and
/// average time to signal (ATS = ARL × interval) for a shift of interest (Montgomery, Introduction
/// to SQC, Section 6.2.4 "Choice of sample size and sampling frequency").
///
/// A shift of delta process standard deviations moves the subgroup mean by delta sqrt(n) of its
/// own standard deviations; the ARL comes from the run-rule Markov chain (`ARL.RunRuleChain`), so
/// any set of run rules can be compared. The in-control ARL does not depend on n.
public struct SubgroupSizeStudy: Sendable {
    /// One design: a subgroup size and a sampling interval.
    public struct Row: Sendable, Equatable {
        /// Subgroup size n.
        public let subgroupSize: Int
        /// Time between subgroups (the caller's unit, e.g. hours).
        public let interval: Double
        /// Units inspected per unit of time, n / interval (the sampling effort).
        public let unitsPerTime: Double
        /// The shift in standard deviations of the subgroup mean, delta sqrt(n).
        public let statisticShift: Double
        /// ARL when in control.
        public let inControlARL: Double
        /// ARL at the shift of interest.
        public let averageRunLength: Double
        /// In-control average time between false alarms, inControlARL × interval.
        public var inControlATS: Double { inControlARL * interval }
        /// Average time to signal the shift, averageRunLength × interval.
        public var averageTimeToSignal: Double { averageRunLength * interval }
    }

    /// The shift of interest, in process standard deviations.
    public let shift: Double
    /// The run rules of the chart.
    public let rules: [ARL.RunRule]
    /// One row per (size, interval), sizes in the order given, then intervals in the order given.
    public let rows: [Row]

    /// Runs the study.
    /// - Throws: `.invalidParameter` for an empty or non-positive list of sizes or intervals, a
    ///   non-finite shift, or bad rules; errors of the Markov chain.
    /// - Complexity: one chain construction, then (sizes + 1) ARL solves of O(S³).
    public init(sizes: [Int], intervals: [Double], shift: Double, rules: [ARL.RunRule]) throws(ARLError) {
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 >= 1 }) else {
            throw .invalidParameter("subgroup sizes must be a non-empty list of integers >= 1, got \(sizes)")
        }
        guard !intervals.isEmpty, intervals.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw .invalidParameter("sampling intervals must be a non-empty list of finite numbers > 0, got \(intervals)")
        }
        guard shift.isFinite else { throw .invalidParameter("the shift must be finite, got \(shift)") }
        let chain = try ARL.RunRuleChain(rules: rules)
        let inControl = try chain.averageRunLength(shift: 0)
        var rows: [Row] = []
        for n in sizes {
            let statisticShift = shift * Double(n).squareRoot()
            let arl = try chain.averageRunLength(shift: statisticShift)
            for interval in intervals {
                rows.append(Row(subgroupSize: n, interval: interval, unitsPerTime: Double(n) / interval,
                                statisticShift: statisticShift, inControlARL: inControl, averageRunLength: arl))
            }
        }
        self.shift = shift
        self.rules = rules
        self.rows = rows
    }
}
