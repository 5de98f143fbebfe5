/// The scaled total-time-on-test (TTT) plot (Barlow and Campo 1975; Aarset 1987), shape evidence
/// without a model: the points (F_n(t_j), T(t_j) / T(tau)) with T(t) = integral of the Kaplan-Meier
/// survival from 0 to t (total time on test per unit) and tau the longest time observed. For complete
/// data this is the classical i/n, (sum_{k<=i} t_(k) + (n - i) t_(i)) / sum t.
///
/// Reading it: on the diagonal the hazard is constant; a concave curve (above the diagonal) means an
/// increasing hazard, convex (below) a decreasing one; convex then concave (crossing the diagonal from
/// below) is the signature of a bathtub.
/// - Complexity: O(n log n).
public struct TotalTimeOnTest: Sendable {
    public struct Point: Sendable, Equatable {
        /// Kaplan-Meier fraction failed at the failure time.
        public var fraction: Double
        /// Scaled total time on test at the failure time.
        public var scaledTime: Double
        public var time: Double
    }

    public let points: [Point]

    /// - Throws: `NonparametricError` for data Kaplan-Meier does not take, or without failures.
    public init(_ data: LifetimeData) throws(NonparametricError) {
        let km = try KaplanMeier(data)
        guard !km.steps.isEmpty else { throw .invalidParameter("a total-time-on-test plot needs at least one failure") }
        let longest = max(data.failureTimes.max() ?? 0, data.suspensionTimes.max() ?? 0)
        // Integral of the step function S from 0 to each failure time, and to the longest time.
        var area = 0.0, previousTime = 0.0, survival = 1.0
        var cumulative: [(time: Double, area: Double, fraction: Double)] = []
        for s in km.steps {
            area += survival * (s.time - previousTime)
            previousTime = s.time
            survival = s.survival
            cumulative.append((s.time, area, 1 - s.survival))
        }
        let total = area + survival * (longest - previousTime)
        points = cumulative.map { Point(fraction: $0.fraction, scaledTime: total > 0 ? $0.area / total : 0, time: $0.time) }
    }
}
