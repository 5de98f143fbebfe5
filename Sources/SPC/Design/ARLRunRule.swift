extension ARL {
    /// A same-side run rule for a Shewhart chart: signal when `count` of the last `window` points
    /// (the newest included) fall beyond `threshold` standard deviations of the plotted statistic
    /// on the same side of the centre line. Both sides are checked.
    ///
    /// Every Western Electric rule is of this form (Western Electric Statistical Quality Control
    /// Handbook, 1956; the zones A, B, C of Montgomery, Introduction to SQC, Section 5.3.6):
    /// - rule 1: 1 of 1 beyond 3 sigma (a point outside the control limits);
    /// - rule 2: 2 of 3 beyond 2 sigma, same side;
    /// - rule 3: 4 of 5 beyond 1 sigma, same side;
    /// - rule 4: 8 of 8 beyond 0 (eight in a row on one side of the centre line).
    /// Nelson's (1984) and Minitab's "K points in a row on the same side" is `sameSideRun(K)`
    /// (K = 9 in Nelson's list, 8 in the Western Electric handbook).
    public struct RunRule: Sendable, Hashable {
        /// Points beyond the threshold needed to signal (m).
        public let count: Int
        /// Number of most recent points examined (w, the newest included).
        public let window: Int
        /// Distance from the centre line, in standard deviations of the plotted statistic (>= 0).
        public let threshold: Double

        /// The largest window supported (the chain keeps a bit per point of the window).
        public static let maximumWindow = 30

        /// A rule "`count` of `window` beyond `threshold` sigma on the same side".
        /// - Throws: `.invalidParameter` unless 1 <= count <= window <= 30 and threshold is finite
        ///   and >= 0.
        public init(count: Int, of window: Int, beyond threshold: Double) throws(ARLError) {
            guard count >= 1, count <= window, window <= Self.maximumWindow else {
                throw .invalidParameter(
                    "a run rule needs 1 <= count <= window <= \(Self.maximumWindow), got \(count) of \(window)")
            }
            guard threshold.isFinite, threshold >= 0 else {
                throw .invalidParameter("a run rule's threshold must be finite and >= 0, got \(threshold)")
            }
            self.init(unchecked: count, window, threshold)
        }

        private init(unchecked count: Int, _ window: Int, _ threshold: Double) {
            self.count = count
            self.window = window
            self.threshold = threshold
        }

        /// Western Electric rule 1: one point beyond 3 sigma.
        public static let westernElectric1 = RunRule(unchecked: 1, 1, 3)
        /// Western Electric rule 2: two of three successive points beyond 2 sigma, same side.
        public static let westernElectric2 = RunRule(unchecked: 2, 3, 2)
        /// Western Electric rule 3: four of five successive points beyond 1 sigma, same side.
        public static let westernElectric3 = RunRule(unchecked: 4, 5, 1)
        /// Western Electric rule 4: eight successive points on the same side of the centre line.
        public static let westernElectric4 = RunRule(unchecked: 8, 8, 0)
        /// The four Western Electric rules together.
        public static let westernElectric: [RunRule] = [westernElectric1, westernElectric2, westernElectric3, westernElectric4]

        /// One point beyond `limitWidth` sigma (rule 1 with L-sigma limits).
        /// - Throws: `.invalidParameter` unless `limitWidth` is finite and > 0.
        public static func beyondLimits(_ limitWidth: Double) throws(ARLError) -> RunRule {
            guard limitWidth.isFinite, limitWidth > 0 else {
                throw .invalidParameter("the control limit width L must be finite and > 0, got \(limitWidth)")
            }
            return RunRule(unchecked: 1, 1, limitWidth)
        }

        /// `length` successive points on the same side of the centre line (Nelson/Minitab test 2
        /// with K = `length`). - Throws: `.invalidParameter` unless 1 <= length <= 30.
        public static func sameSideRun(_ length: Int) throws(ARLError) -> RunRule {
            try RunRule(count: length, of: length, beyond: 0)
        }
    }
}
