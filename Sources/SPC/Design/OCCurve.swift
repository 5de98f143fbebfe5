import RelmodelJSON
import RelmodelNumerics

/// One point of an operating-characteristic (OC) curve of a Shewhart chart.
public struct OCPoint: Sendable, Equatable {
    /// Probability that a sample signals (falls outside the limits), 1 - beta.
    public let signalProbability: Double
    /// beta: probability that a sample does not signal (the type II error for a shift).
    public var beta: Double { 1 - signalProbability }
    /// ARL = 1 / (1 - beta) of the chart with rule 1 alone.
    public var averageRunLength: Double { 1 / signalProbability }
}

/// Operating-characteristic curves of Shewhart charts with limits at +-L standard deviations of the
/// plotted statistic around the in-control (standard-given) centre; a point on a limit does not
/// signal (beta = P(LCL <= statistic <= UCL)). Negative lower limits are truncated at 0 for R, S,
/// p and c charts, as in Montgomery (Introduction to SQC, Sections 6.2.5, 6.3, 7.2.4, 7.3.1).
public enum OCCurve {
    /// Xbar chart: a shift of `shift` process standard deviations with subgroups of
    /// `subgroupSize`: beta = Phi(L - delta sqrt(n)) - Phi(-L - delta sqrt(n)).
    /// n 5, L 3: shift 1 gives ARL 4.50, shift 0.5 gives 33.40 (qcc `oc.curves`, Montgomery).
    /// - Throws: `.invalidParameter` unless n >= 1, L > 0 and the shift is finite.
    /// - Complexity: O(1).
    public static func xbar(shift: Double, subgroupSize: Int, limitWidth: Double = 3) throws(ARLError) -> OCPoint {
        guard subgroupSize >= 1 else { throw .invalidParameter("the subgroup size n must be >= 1, got \(subgroupSize)") }
        try checkWidth(limitWidth)
        guard shift.isFinite else { throw .invalidParameter("the shift must be finite, got \(shift)") }
        let d = shift * Double(subgroupSize).squareRoot()
        return OCPoint(signalProbability: StandardNormal.survival(limitWidth - d) + StandardNormal.cdf(-limitWidth - d))
    }

    /// R chart with standard given, limits (max(0, d2 - L d3) sigma0, (d2 + L d3) sigma0), when the
    /// process standard deviation becomes `ratio` × sigma0: beta = F_W(UCL / ratio) - F_W(LCL / ratio)
    /// with F_W the relative-range distribution (`OCRelativeRange`), d2 and d3 from
    /// `UnbiasingConstants`.
    /// - Throws: `.invalidParameter` unless n >= 2, L > 0 and ratio > 0.
    /// - Complexity: that of `UnbiasingConstants.d3` (about 1.5e5 normal CDFs), then O(384 n).
    public static func range(ratio: Double, subgroupSize: Int, limitWidth: Double = 3) throws(ARLError) -> OCPoint {
        let w = try OCRelativeRange(subgroupSize: subgroupSize)
        try checkWidth(limitWidth)
        try checkRatio(ratio)
        let d2 = UnbiasingConstants.d2(subgroupSize), d3 = UnbiasingConstants.d3(subgroupSize)
        let lower = max(0, d2 - limitWidth * d3), upper = d2 + limitWidth * d3
        let inside = w.cdf(upper / ratio) - (lower > 0 ? w.cdf(lower / ratio) : 0)
        return OCPoint(signalProbability: 1 - inside)
    }

    /// S chart with standard given, limits (max(0, c4 - L sqrt(1 - c4²)) sigma0,
    /// (c4 + L sqrt(1 - c4²)) sigma0), when sigma becomes `ratio` × sigma0:
    /// beta = P((n-1) LCL² / ratio² <= chi²_(n-1) <= (n-1) UCL² / ratio²).
    /// - Throws: `.invalidParameter` unless n >= 2, L > 0 and ratio > 0.
    /// - Complexity: O(1) (two chi-square probabilities).
    public static func standardDeviation(ratio: Double, subgroupSize: Int, limitWidth: Double = 3) throws(ARLError) -> OCPoint {
        guard subgroupSize >= 2 else { throw .invalidParameter("an S chart needs a subgroup size n >= 2, got \(subgroupSize)") }
        try checkWidth(limitWidth)
        try checkRatio(ratio)
        let c4 = UnbiasingConstants.c4(subgroupSize)
        let spread = limitWidth * (1 - c4 * c4).squareRoot()
        let lower = max(0, c4 - spread), upper = c4 + spread
        let df = Double(subgroupSize - 1)
        let atUpper = df * upper * upper / (ratio * ratio), atLower = df * lower * lower / (ratio * ratio)
        let signal = ChiSquared.survival(atUpper, degreesOfFreedom: df)
            + (lower > 0 ? ChiSquared.cdf(atLower, degreesOfFreedom: df) : 0)
        return OCPoint(signalProbability: signal)
    }

    /// p chart with centre `center` (p0), samples of `sampleSize`, limits p0 +- L sqrt(p0(1-p0)/n)
    /// (lower truncated at 0), for a true fraction nonconforming `proportion`:
    /// beta = P(n LCL <= D <= n UCL), D ~ Binomial(n, p).
    /// - Throws: `.invalidParameter` unless n >= 1, 0 < p0 < 1, 0 <= p <= 1, L > 0.
    /// - Complexity: that of two binomial CDFs.
    public static func proportion(_ proportion: Double, center: Double, sampleSize: Int, limitWidth: Double = 3) throws(ARLError) -> OCPoint {
        guard sampleSize >= 1 else { throw .invalidParameter("the sample size n must be >= 1, got \(sampleSize)") }
        guard center > 0, center < 1 else { throw .invalidParameter("the centre p0 must be in (0, 1), got \(center)") }
        guard proportion >= 0, proportion <= 1 else { throw .invalidParameter("the proportion must be in [0, 1], got \(proportion)") }
        try checkWidth(limitWidth)
        let n = Double(sampleSize)
        let spread = limitWidth * (center * (1 - center) / n).squareRoot()
        let (low, high) = countRange(lower: n * max(0, center - spread), upper: n * (center + spread))
        func cdf(_ k: Int) -> Double {
            k < 0 ? 0 : BinomialDistribution.cdf(k, trials: sampleSize, probability: proportion)
        }
        return OCPoint(signalProbability: 1 - max(0, cdf(min(high, sampleSize)) - cdf(low - 1)))
    }

    /// c chart with centre `center` (c0), limits c0 +- L sqrt(c0) (lower truncated at 0), for a
    /// true mean count `mean`: beta = P(LCL <= C <= UCL), C ~ Poisson(mean).
    /// - Throws: `.invalidParameter` unless c0 > 0, mean >= 0 and L > 0.
    /// - Complexity: that of two Poisson CDFs.
    public static func count(mean: Double, center: Double, limitWidth: Double = 3) throws(ARLError) -> OCPoint {
        guard center > 0, center.isFinite else { throw .invalidParameter("the centre c0 must be finite and > 0, got \(center)") }
        guard mean >= 0, mean.isFinite else { throw .invalidParameter("the mean count must be finite and >= 0, got \(mean)") }
        try checkWidth(limitWidth)
        let spread = limitWidth * center.squareRoot()
        let (low, high) = countRange(lower: max(0, center - spread), upper: center + spread)
        func cdf(_ k: Int) -> Double { k < 0 ? 0 : PoissonDistribution.cdf(k, mean: mean) }
        return OCPoint(signalProbability: 1 - max(0, cdf(high) - cdf(low - 1)))
    }

    /// The integer counts inside [lower, upper]: ceil(lower) ... floor(upper), with a relative
    /// slack of 1e-9 so that a limit equal to an integer in exact arithmetic (e.g. 0.1 × 50 = 5)
    /// counts that integer as inside.
    static func countRange(lower: Double, upper: Double) -> (Int, Int) {
        let slack = 1e-9 * max(1, abs(upper))
        return (Int((lower - slack).rounded(.up)), Int((upper + slack).rounded(.down)))
    }

    static func checkWidth(_ limitWidth: Double) throws(ARLError) {
        guard limitWidth.isFinite, limitWidth > 0 else {
            throw .invalidParameter("the limit width L must be finite and > 0, got \(limitWidth)")
        }
    }

    static func checkRatio(_ ratio: Double) throws(ARLError) {
        guard ratio.isFinite, ratio > 0 else {
            throw .invalidParameter("the ratio of standard deviations must be finite and > 0, got \(ratio)")
        }
    }
}

/// An operating-characteristic curve at a list of points, as `relmodel spc oc` reports it.
public struct OCStudy: JSONRepresentable, Sendable {
    public enum Chart: String, Sendable, CaseIterable {
        case xbar, r, s, p, c

        /// What the curve's points are: a mean shift, a sigma ratio, a proportion or a mean count.
        public var pointName: String {
            switch self {
            case .xbar: "shift"
            case .r, .s: "ratio"
            case .p: "proportion"
            case .c: "mean"
            }
        }
    }

    public let chart: Chart
    public let subgroupSize: Int
    public let limitWidth: Double
    /// p0 or c0 (p and c charts).
    public let center: Double?
    public let points: [(at: Double, point: OCPoint)]

    /// - Throws: `ARLError.invalidParameter` for impossible sizes, limits, centres or points.
    /// - Complexity: O(points) probability evaluations.
    public init(_ chart: Chart, at values: [Double], subgroupSize: Int, limitWidth: Double = 3, center: Double? = nil) throws(ARLError) {
        if (chart == .p || chart == .c) && center == nil { throw .invalidParameter("the \(chart.rawValue) chart needs a centre line") }
        var points: [(at: Double, point: OCPoint)] = []
        for x in values {
            let point: OCPoint = switch chart {
            case .xbar: try OCCurve.xbar(shift: x, subgroupSize: subgroupSize, limitWidth: limitWidth)
            case .r: try OCCurve.range(ratio: x, subgroupSize: subgroupSize, limitWidth: limitWidth)
            case .s: try OCCurve.standardDeviation(ratio: x, subgroupSize: subgroupSize, limitWidth: limitWidth)
            case .p: try OCCurve.proportion(x, center: center ?? 0, sampleSize: subgroupSize, limitWidth: limitWidth)
            case .c: try OCCurve.count(mean: x, center: center ?? 0, limitWidth: limitWidth)
            }
            points.append((x, point))
        }
        self.chart = chart
        self.subgroupSize = subgroupSize
        self.limitWidth = limitWidth
        self.center = center
        self.points = points
    }

    /// The document of `relmodel spc oc --json`.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("chart", .string(chart.rawValue)), ("n", .number(Double(subgroupSize))),
                                              ("L", .number(limitWidth))]
        if let center { members.append(("center", .number(center))) }
        members.append(("oc", .array(points.map { entry in
            .object([(chart.pointName, .number(entry.at)), ("beta", .number(entry.point.beta)),
                     ("signalProbability", .number(entry.point.signalProbability)),
                     ("arl", .number(entry.point.averageRunLength))])
        })))
        return .object(members)
    }
}
