/// How the within-subgroup sigma of a variables chart is estimated from phase I subgroups.
///
/// With subgroup sizes n_i, ranges R_i and standard deviations S_i:
/// - `rBar`: the unweighted average of R_i/d2(n_i); R̄/d2 for equal sizes (qcc "UWAVE-R").
/// - `sBar`: the unweighted average of S_i/c4(n_i); S̄/c4 for equal sizes (qcc "UWAVE-SD").
/// - `pooled`: s_p / c4(d + 1), s_p² = Σ(n_i - 1)S_i² / d, d = Σ(n_i - 1) (Minitab's default, with
///   its unbiasing constant; c4 of the non-integer d + 1 through the gamma function).
/// - `mvlueR`: Σ f_i R_i/d2_i / Σ f_i, f_i = d2_i²/d3_i² (Burr; Minitab's R̄ for unequal sizes; qcc "MVLUE-R").
/// - `mvlueS`: Σ h_i S_i/c4_i / Σ h_i, h_i = c4_i²/(1 - c4_i²) (qcc "MVLUE-SD").
/// All five coincide for equal sizes except `pooled`.
public enum SigmaMethod: String, Sendable, Hashable, CaseIterable {
    case rBar = "rbar"
    case sBar = "sbar"
    case pooled
    case mvlueR = "mvlue-r"
    case mvlueS = "mvlue-s"
}

/// Sigma estimators of variables charts.
public enum SigmaEstimators {
    /// The within-subgroup sigma of `subgroups` (each of size >= 2) by `method`.
    /// - Complexity: O(total observations), plus one d3 integral per distinct size for MVLUE-R.
    public static func withinSigma(_ subgroups: [[Double]], method: SigmaMethod,
                                   constants source: ConstantSource = .exact) throws(SPCError) -> Double {
        var constants = ConstantsCache(source: source)
        return try withinSigma(subgroups, method: method, constants: &constants)
    }

    static func withinSigma(_ subgroups: [[Double]], method: SigmaMethod, constants: inout ConstantsCache) throws(SPCError) -> Double {
        guard !subgroups.isEmpty else { throw .insufficientData("no subgroups to estimate sigma from") }
        if let small = subgroups.first(where: { $0.count < 2 }) {
            throw .insufficientData("a subgroup of size \(small.count): sigma within subgroups needs sizes of at least 2")
        }
        let ranges = subgroups.map { ($0.max() ?? 0) - ($0.min() ?? 0) }
        let sds = subgroups.map(Statistics.standardDeviation)
        let sizes = subgroups.map(\.count)
        var sigma: Double
        switch method {
        case .rBar:
            sigma = 0
            for (r, n) in zip(ranges, sizes) { sigma += r / constants(n).d2 }
            sigma /= Double(subgroups.count)
        case .sBar:
            sigma = 0
            for (s, n) in zip(sds, sizes) { sigma += s / constants(n).c4 }
            sigma /= Double(subgroups.count)
        case .pooled:
            var sum = 0.0, df = 0.0
            for (s, n) in zip(sds, sizes) { sum += Double(n - 1) * s * s; df += Double(n - 1) }
            sigma = (sum / df).squareRoot() / UnbiasingConstants.c4(degreesOfFreedomPlusOne: df + 1)
        case .mvlueR:
            var num = 0.0, den = 0.0
            for (r, n) in zip(ranges, sizes) {
                let c = constants(n)
                let f = c.d2 * c.d2 / (c.d3 * c.d3)
                num += f * r / c.d2
                den += f
            }
            sigma = num / den
        case .mvlueS:
            var num = 0.0, den = 0.0
            for (s, n) in zip(sds, sizes) {
                let c4 = constants(n).c4
                let h = c4 * c4 / (1 - c4 * c4)
                num += h * s / c4
                den += h
            }
            sigma = num / den
        }
        guard sigma > 0, sigma.isFinite else { throw .degenerate("no variation within subgroups: sigma is 0") }
        return sigma
    }

    /// Moving ranges of span w: MR_i = max - min of values i-w+1...i (i >= w-1); count - w + 1 of them.
    /// - Complexity: O(n·w).
    public static func movingRanges(_ values: [Double], span: Int) -> [Double] {
        guard span >= 2, values.count >= span else { return [] }
        return (span - 1..<values.count).map { i in
            let window = values[(i - span + 1)...i]
            return window.max()! - window.min()!
        }
    }

    /// Sigma from the average moving range: MR̄ / d2(w).
    /// - Complexity: O(n·w) plus one d2 integral.
    public static func movingRangeSigma(_ values: [Double], span: Int = 2,
                                        constants source: ConstantSource = .exact) throws(SPCError) -> Double {
        let ranges = movingRanges(values, span: span)
        guard !ranges.isEmpty else { throw .insufficientData("\(values.count) values: a moving range of span \(span) needs at least \(span)") }
        let sigma = Statistics.mean(ranges) / ChartConstants(n: span, source: source).d2
        guard sigma > 0 else { throw .degenerate("all moving ranges are 0: sigma is 0") }
        return sigma
    }
}
