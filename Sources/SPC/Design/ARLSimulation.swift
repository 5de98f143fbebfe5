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
    public struct Simulation: Sendable {
        public let rules: RuleSet
        public let limitWidth: Double
        public let replicates: Int
        public let seed: UInt64
        public let maximumLength: Int

        public init(rules: RuleSet, limitWidth: Double = 3, replicates: Int = 10_000, seed: UInt64 = 1,
                    maximumLength: Int = 1_000_000) throws(ARLError) {
            guard limitWidth > 0, limitWidth.isFinite else { throw .invalidParameter("L must be > 0, got \(limitWidth)") }
            guard replicates >= 2 else { throw .invalidParameter("at least 2 replicates are needed, got \(replicates)") }
            guard !rules.rules.isEmpty else { throw .invalidParameter("no run rules to simulate") }
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

        /// - Complexity: replicates x run length x rules x K, spread over all cores.
        public func averageRunLength(shift: Double) -> Result {
            let rules = self.rules, width = limitWidth, seed = self.seed, cap = maximumLength
            // Per replicate: the run length and whether it was censored at `cap`.
            let runs = Parallel.map(replicates) { i -> (length: Double, censored: Bool) in
                var generator = Xoshiro256StarStar(seed: seed ^ (UInt64(i) &* 0x9E37_79B9_7F4A_7C15))
                var points: [ChartPoint] = []
                var target = 256
                while true {
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
            let lengths = runs.map(\.length)
            let n = Double(replicates)
            let mean = lengths.reduce(0, +) / n
            let variance = lengths.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
            return Result(averageRunLength: mean, standardError: (variance / n).squareRoot(),
                          censored: runs.filter(\.censored).count)
        }
    }
}
