import LinearAlgebra
import RelmodelNumerics

extension ARL {
    /// The Markov chain of a Shewhart chart with any set of same-side run rules (Champ & Woodall,
    /// Technometrics 29, 1987, 393-399), for normal data with known parameters.
    ///
    /// The real line is cut into zones at +-threshold of every rule; a state holds, for each rule and
    /// side, which of the last window - 1 points fell beyond that rule's threshold on that side.
    /// Bits that can no longer take part in a signal (no window containing them can reach the count
    /// even if every future point is beyond the threshold) are cleared, which keeps the chain small
    /// and is exact. States are enumerated breadth-first from the empty history, so only reachable
    /// histories appear (295 transient states for the four Western Electric rules, 1 for rule 1).
    /// The transition structure does not depend on the shift; the zone probabilities do.
    ///
    /// ARL = first element of (I - Q)^(-1) 1, Q the transient-to-transient transition matrix,
    /// solved with LAPACK (`dgesv`). Accuracy is that of the normal CDF and the LU solve (about
    /// 1e-12 relative for the Western Electric chain).
    ///
    /// - Complexity: construction O(S · Z · R · w²) for S states, Z zones, R rules and window w;
    ///   each ARL O(S³) for the dense solve (S <= `maximumStates`).
    public struct RunRuleChain: Sendable {
        /// The rules, as given.
        public let rules: [RunRule]
        /// Zone boundaries, increasing (the distinct values of +-threshold).
        let cuts: [Double]
        /// `next[state * zoneCount + zone]`: the next transient state, or -1 when that zone signals.
        let next: [Int]

        /// The largest number of transient states accepted (a dense solve of this order takes a
        /// few seconds).
        public static let maximumStates = 3000

        /// Number of transient (non-signalling) states.
        public var stateCount: Int { next.count / zoneCount }
        var zoneCount: Int { cuts.count + 1 }

        /// Builds the chain of `rules`.
        /// - Throws: `.invalidParameter` if `rules` is empty (the chart would never signal),
        ///   `.tooManyStates` if the chain exceeds `maximumStates`.
        public init(rules: [RunRule]) throws(ARLError) {
            guard !rules.isEmpty else { throw .invalidParameter("at least one run rule is needed") }
            self.rules = rules
            var boundaries = Set<Double>()
            for rule in rules {
                boundaries.insert(rule.threshold)
                boundaries.insert(-rule.threshold)
            }
            let cuts = boundaries.sorted()
            self.cuts = cuts
            let zoneCount = cuts.count + 1
            // For each zone and each (rule, side): is a point in that zone beyond the rule's
            // threshold on that side? Zone z is the interval (cuts[z-1], cuts[z]).
            let hits: [[Bool]] = (0..<zoneCount).map { zone in
                rules.flatMap { rule in
                    [zone >= 1 && cuts[zone - 1] >= rule.threshold,
                     zone < cuts.count && cuts[zone] <= -rule.threshold]
                }
            }
            let start = [UInt32](repeating: 0, count: 2 * rules.count)
            var index: [[UInt32]: Int] = [start: 0]
            var states = [start]
            var next: [Int] = []
            var position = 0
            while position < states.count {
                let state = states[position]
                position += 1
                zones: for zone in 0..<zoneCount {
                    var successor = state
                    for (r, rule) in rules.enumerated() {
                        for side in 0..<2 {
                            let slot = 2 * r + side
                            let history = (UInt64(state[slot]) << 1) | (hits[zone][slot] ? 1 : 0)
                            let recent = history & ((UInt64(1) << UInt64(rule.window)) - 1)
                            if recent.nonzeroBitCount >= rule.count {
                                next.append(-1)
                                continue zones
                            }
                            let kept = history & ((UInt64(1) << UInt64(rule.window - 1)) - 1)
                            successor[slot] = Self.relevantBits(UInt32(kept), rule)
                        }
                    }
                    if let known = index[successor] {
                        next.append(known)
                    } else {
                        guard states.count < Self.maximumStates else {
                            throw .tooManyStates(found: states.count + 1, limit: Self.maximumStates)
                        }
                        index[successor] = states.count
                        next.append(states.count)
                        states.append(successor)
                    }
                }
            }
            self.next = next
        }

        /// Clears the bits of `history` (bit j = the point j samples before the newest, j < w - 1)
        /// that cannot be part of any future signalling window of `rule`: a future window s samples
        /// ahead holds the history bits j <= w - 1 - s plus at most s new hits. Clearing a bit that
        /// cannot contribute never changes a future signal, so repeating to a fixed point is exact.
        static func relevantBits(_ history: UInt32, _ rule: RunRule) -> UInt32 {
            var mask = history
            while true {
                var relevant: UInt32 = 0
                for j in 0..<max(rule.window - 1, 0) where mask & (UInt32(1) << UInt32(j)) != 0 {
                    for s in 1...(rule.window - 1 - j) {
                        let inWindow = mask & ((UInt32(1) << UInt32(rule.window - s)) - 1)
                        if inWindow.nonzeroBitCount + s >= rule.count {
                            relevant |= UInt32(1) << UInt32(j)
                            break
                        }
                    }
                }
                if relevant == mask { return mask }
                mask = relevant
            }
        }

        /// Probabilities of the zones for a plotted statistic N(shift, 1); upper-tail zones are
        /// computed from the survival function so that tiny tail probabilities keep their digits.
        func zoneProbabilities(shift: Double) -> [Double] {
            (0..<zoneCount).map { zone in
                let lower = zone == 0 ? -Double.infinity : cuts[zone - 1] - shift
                let upper = zone == cuts.count ? Double.infinity : cuts[zone] - shift
                if lower >= 0 { return StandardNormal.survival(lower) - StandardNormal.survival(upper) }
                return StandardNormal.cdf(upper) - StandardNormal.cdf(lower)
            }
        }

        /// The zero-state ARL for a shift of `shift` standard deviations of the plotted statistic.
        /// - Throws: `.invalidParameter` for a non-finite shift; `.linearSystem` if LAPACK fails
        ///   (I - Q is non-singular for every finite shift, so this signals a bug).
        /// - Complexity: O(S³).
        public func averageRunLength(shift: Double) throws(ARLError) -> Double {
            guard shift.isFinite else { throw .invalidParameter("the shift must be finite, got \(shift)") }
            let probabilities = zoneProbabilities(shift: shift)
            let n = stateCount
            var system = Matrix.identity(n)
            for state in 0..<n {
                for zone in 0..<zoneCount {
                    let target = next[state * zoneCount + zone]
                    if target >= 0 { system[state, target] -= probabilities[zone] }
                }
            }
            do {
                return try system.solve([Double](repeating: 1, count: n))[0]
            } catch {
                throw .linearSystem(error)
            }
        }
    }

    /// Zero-state ARL of a Shewhart chart with `rules` for a shift of `shift` sigma of the plotted
    /// statistic (builds the chain; reuse a `RunRuleChain` for many shifts).
    /// - Complexity: see `RunRuleChain`.
    public static func shewhart(rules: [RunRule], shift: Double) throws(ARLError) -> Double {
        try RunRuleChain(rules: rules).averageRunLength(shift: shift)
    }

    /// The L of L-sigma limits giving in-control ARL `targetARL` to a Shewhart chart with rule 1
    /// alone: L = z_(1 - 1/(2 ARL)), closed form (370.4 -> 3).
    /// - Throws: `.invalidParameter` unless `targetARL` is finite and > 1.
    public static func shewhartLimitWidth(targetARL: Double) throws(ARLError) -> Double {
        guard targetARL.isFinite, targetARL > 1 else {
            throw .invalidParameter("the target ARL must be finite and > 1, got \(targetARL)")
        }
        return -StandardNormal.quantile(0.5 / targetARL)
    }
}
