import RelmodelNumerics

extension ARL {
    /// Average run length of a Shewhart chart with any set of run rules, by Monte Carlo simulation.
    ///
    /// The Markov chain (`RunRuleChain`) is exact but covers only rules that look at zones ("m of w
    /// beyond a on one side"); trends (test 3), alternation (test 4), stratification (test 7) and
    /// mixtures (test 8) depend on more of the history. Here each replicate draws standardized
    /// normal points shifted by `shift`, charts them against limits at +-L with sigma 1, and runs the
    /// chart rule engine itself (`RuleEngine`, so the rules mean exactly what they mean on a chart)
    /// until the first signal. The ARL is the mean run length with its standard error s/sqrt(R);
    /// replicates that reach `maximumLength` without a signal are counted as censored and make the
    /// estimate a lower bound, never silently.
    ///
    /// Replicate i uses `Xoshiro256StarStar(seed: seed ^ (i * 0x9E3779B97F4A7C15))`: runs on every core
    /// (`Parallel.map`) and repeats bit for bit.
    ///
    /// Budget: each call may take `seconds` of wall-clock time (default 60; nil for no limit). A rule set
    /// whose in-control ARL is astronomically long (L = 6: about 5 x 10^8) would otherwise simulate for
    /// hours; when the budget is spent the call throws `ARLError.budgetSpent` with how far it got,
    /// rather than return a number from the replicates that happened to finish.
    public struct Simulation: Sendable {
        public let rules: RuleSet
        public let limitWidth: Double
        public let replicates: Int
        public let seed: UInt64
        public let maximumLength: Int
        public let seconds: Double?

        public init(rules: RuleSet, limitWidth: Double = 3, replicates: Int = 10_000, seed: UInt64 = 1,
                    maximumLength: Int = 1_000_000, seconds: Double? = 60) throws(ARLError) {
            guard limitWidth > 0, limitWidth.isFinite else { throw .invalidParameter("L must be > 0, got \(limitWidth)") }
            guard replicates >= 2 else { throw .invalidParameter("at least 2 replicates are needed, got \(replicates)") }
            guard replicates <= 10_000_000 else { throw .invalidParameter("at most 10,000,000 replicates, got \(replicates)") }
            guard maximumLength >= 1 else { throw .invalidParameter("the maximum run length must be at least 1, got \(maximumLength)") }
            guard !rules.rules.isEmpty else { throw .invalidParameter("no run rules to simulate") }
            self.seconds = seconds
            self.rules = rules
            self.limitWidth = limitWidth
            self.replicates = replicates
            self.seed = seed
            self.maximumLength = maximumLength
        }

        public struct Result: Sendable, Equatable {
            public let averageRunLength: Double
            public let standardError: Double
            /// Replicates without a signal within `maximumLength` points (counted at that length).
            public let censored: Int
        }

        /// `progress` counts replicates as they finish.
        /// - Throws: `ARLError.budgetSpent` when the time budget runs out first.
        /// - Complexity: replicates x run length x rules x K, spread over all cores.
        public func averageRunLength(shift: Double, progress: ProgressReporter? = nil) throws(ARLError) -> Result {
            let rules = self.rules, width = limitWidth, seed = self.seed, cap = maximumLength
            let budget = ComputationBudget(seconds: seconds)
            progress?.expect(replicates)
            // Per replicate: the run length and whether it was censored at `cap`.
            let runs = Parallel.map(replicates) { i -> (length: Double, censored: Bool) in
                defer { progress?.advance() }
                var generator = Xoshiro256StarStar(seed: seed ^ (UInt64(i) &* 0x9E37_79B9_7F4A_7C15))
                var points: [ChartPoint] = []
                var target = 256
                while true {
                    guard budget.charge() else { return (.nan, false) }
                    while points.count < target {
                        let z = RandomVariates.standardNormal(using: &generator) + shift
                        points.append(ChartPoint(subgroup: "", value: z, center: 0, lcl: -width, ucl: width, sigma: 1))
                    }
                    let signals = RuleEngine.signals(points, rules: rules)
                    if let first = signals.firstIndex(where: { !$0.isEmpty }) { return (Double(first + 1), false) }
                    if target >= cap { return (Double(cap), true) }
                    target = min(2 * target, cap)
                }
            }
            if let reason = budget.reason {
                let done = runs.filter { !$0.length.isNaN }.count
                throw .budgetSpent("the simulation's \(reason) with \(done) of \(replicates) replicates done at shift \(shift) (a shorter maximum run length or fewer replicates finish sooner)")
            }
            let lengths = runs.map(\.length)
            let n = Double(replicates)
            let mean = lengths.reduce(0, +) / n
            let variance = lengths.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
            return Result(averageRunLength: mean, standardError: (variance / n).squareRoot(),
                          censored: runs.filter(\.censored).count)
        }
    }
}
