#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// Attribute data: a count per subgroup (nonconforming units, nonconformities) and the subgroup's
/// size (units inspected, inspection area).
public struct AttributeData: Sendable, Equatable {
    public var labels: [String]
    public var counts: [Double]
    public var sizes: [Double]

    /// - Throws: `SPCError.invalidParameter` unless there is one label and one size per count.
    public init(labels: [String]? = nil, counts: [Double], sizes: [Double]? = nil) throws(SPCError) {
        if let sizes, sizes.count != counts.count {
            throw .invalidParameter("one size per count: \(sizes.count) sizes for \(counts.count) counts")
        }
        if let labels, labels.count != counts.count {
            throw .invalidParameter("one label per count: \(labels.count) labels for \(counts.count) counts")
        }
        self.labels = labels ?? counts.indices.map { String($0 + 1) }
        self.counts = counts
        self.sizes = sizes ?? Array(repeating: 1, count: counts.count)
    }

    public var count: Int { counts.count }

    func validate(proportions: Bool) throws(SPCError) {
        // The properties are public and mutable: check the lengths again where they are used.
        guard sizes.count == counts.count, labels.count == counts.count else {
            throw .invalidParameter("one label and one size per count: \(labels.count) labels, \(sizes.count) sizes, \(counts.count) counts")
        }
        for (i, (c, n)) in zip(counts, sizes).enumerated() {
            guard n > 0, n.isFinite else { throw .invalidParameter("subgroup \(labels[i]): size \(n) must be positive") }
            guard c >= 0, c.isFinite else { throw .invalidParameter("subgroup \(labels[i]): count \(c) must be non-negative") }
            if proportions && c > n { throw .invalidParameter("subgroup \(labels[i]): \(c) nonconforming out of \(n)") }
        }
    }
}

/// How the g chart's limits are set.
public enum GChartLimits: String, Sendable, Hashable {
    /// Minitab's probability limits from the geometric distribution on {0, 1, 2, ...} with
    /// p̂ = 1/(ḡ + 1): CL = ln(0.5)/ln(1 - p̂) - 1, UCL = ln(α/2)/ln(1 - p̂) - 1,
    /// LCL = max(0, ln(1 - α/2)/ln(1 - p̂) - 1), α = 2(1 - Φ(L)) (0.0027 at L = 3).
    case probability
    /// Benneyan's 3-sigma limits: CL = ḡ, ḡ ± L √(ḡ(ḡ + 1)), LCL clamped at 0.
    case threeSigma = "sigma"
}

/// Shewhart charts for counts, with stepped limits under varying sizes.
///
/// Per stage, from phase I subgroups (L = `sigmaMultiplier`; LCLs clamped at 0, p UCL at 1):
/// - p: p̄ = Σd/Σn; p̄ ± L √(p̄(1 - p̄)/n_i).
/// - np: center n_i p̄; n_i p̄ ± L √(n_i p̄(1 - p̄)).
/// - c: c̄ = mean count; c̄ ± L √c̄ (sizes ignored: equal areas of opportunity).
/// - u: ū = Σc/Σn; ū ± L √(ū/n_i).
/// - Laney p' (u'): z_i = (x_i - x̄)/σ_i with the p (u) chart's σ_i; σ_z = MR̄(z)/d2(2) over phase
///   I moving ranges; limits x̄ ± L σ_i σ_z (Laney 2002, as Minitab).
/// - g: see `GChartLimits`.
extension ControlChart {
    /// - Complexity: O(subgroups) for all of them.
    public static func p(_ data: AttributeData, options: ChartOptions = ChartOptions()) throws(SPCError) -> ControlChart {
        try proportionChart(data, type: .p, options: options)
    }

    public static func np(_ data: AttributeData, options: ChartOptions = ChartOptions()) throws(SPCError) -> ControlChart {
        try proportionChart(data, type: .np, options: options)
    }

    public static func c(_ data: AttributeData, options: ChartOptions = ChartOptions()) throws(SPCError) -> ControlChart {
        try proportionChart(data, type: .c, options: options)
    }

    public static func u(_ data: AttributeData, options: ChartOptions = ChartOptions()) throws(SPCError) -> ControlChart {
        try proportionChart(data, type: .u, options: options)
    }

    public static func laneyP(_ data: AttributeData, options: ChartOptions = ChartOptions()) throws(SPCError) -> ControlChart {
        try proportionChart(data, type: .laneyP, options: options)
    }

    public static func laneyU(_ data: AttributeData, options: ChartOptions = ChartOptions()) throws(SPCError) -> ControlChart {
        try proportionChart(data, type: .laneyU, options: options)
    }

    static func proportionChart(_ data: AttributeData, type: ChartType, options: ChartOptions) throws(SPCError) -> ControlChart {
        let binomial = [.p, .np, .laneyP].contains(type)
        try data.validate(proportions: binomial)
        let layout = try ChartLayout(count: data.count, options: options)
        let L = options.sigmaMultiplier
        let d2 = ChartConstants(n: 2, source: options.constants).d2
        var points: [ChartPoint] = []
        var stages: [StageLimits] = []
        var notes: [String] = []
        var parameters: [(String, Double)] = [("sigmaMultiplier", L)]
        for block in layout.blocks {
            let estimation = try layout.estimationIndices(block, minimum: type == .laneyP || type == .laneyU ? 3 : 1)
            let totalCount = estimation.reduce(0) { $0 + data.counts[$1] }
            let totalSize = estimation.reduce(0) { $0 + data.sizes[$1] }
            let rate = type == .c ? totalCount / Double(estimation.count) : totalCount / totalSize
            let which = block.label.map { " in stage \($0)" } ?? ""
            if binomial && (rate <= 0 || rate >= 1) {
                throw .degenerate("p̄ = \(rate)\(which): binomial limits need 0 < p̄ < 1")
            }
            if !binomial && rate <= 0 { throw .degenerate("no defects in phase I\(which): Poisson limits need a positive rate") }
            // σ of the plotted statistic under the binomial/Poisson model, per subgroup.
            func modelSigma(_ i: Int) -> Double {
                let n = data.sizes[i]
                switch type {
                case .p, .laneyP: return (rate * (1 - rate) / n).squareRoot()
                case .np: return (n * rate * (1 - rate)).squareRoot()
                case .c: return rate.squareRoot()
                default: return (rate / n).squareRoot()
                }
            }
            func statistic(_ i: Int) -> Double {
                switch type {
                case .np, .c: return data.counts[i]
                default: return data.counts[i] / data.sizes[i]
                }
            }
            var sigmaZ = 1.0
            if type == .laneyP || type == .laneyU {
                let z = block.range.map { (statistic($0) - rate) / modelSigma($0) }
                let base = block.range.lowerBound
                let inPhaseI = Set(estimation)
                let mrs = block.range.dropFirst().filter { inPhaseI.contains($0) && inPhaseI.contains($0 - 1) }
                    .map { abs(z[$0 - base] - z[$0 - 1 - base]) }
                guard !mrs.isEmpty else { throw .insufficientData("Laney charts need two consecutive phase I subgroups\(which)") }
                sigmaZ = Statistics.mean(mrs) / d2
                parameters.append(("sigmaZ", sigmaZ))
            }
            var stepped = false
            var clamped = false
            for i in block.range {
                let s = modelSigma(i) * sigmaZ
                let center = type == .np ? data.sizes[i] * rate : rate
                var lcl = center - L * s
                var ucl = center + L * s
                if lcl < 0 { lcl = 0; clamped = true }
                if type == .p || type == .laneyP, ucl > 1 { ucl = 1 }
                if type == .np, ucl > data.sizes[i] { ucl = data.sizes[i] }
                if type != .c, data.sizes[i] != data.sizes[block.range.lowerBound] { stepped = true }
                points.append(ChartPoint(subgroup: data.labels[i], value: statistic(i), center: center, lcl: lcl, ucl: ucl,
                                         sigma: s, phase: layout.phase(i), stage: block.label, size: data.sizes[i]))
            }
            let first = points[points.count - block.range.count]
            stages.append(StageLimits(stage: block.label, center: stepped && type == .np ? rate : first.center,
                                      lcl: stepped ? nil : first.lcl, ucl: stepped ? nil : first.ucl,
                                      sigma: stepped ? nil : first.sigma, estimationCount: estimation.count))
            if clamped { notes.append("LCL\(which) is clamped at 0") }
        }
        RuleEngine.apply(options.rules(for: type), to: &points)
        return ControlChart(type: type, points: points, stages: stages, parameters: parameters, notes: notes)
    }

    /// g chart of the number of opportunities (days, units) between events.
    /// - Complexity: O(subgroups).
    public static func g(_ counts: [Double], labels: [String]? = nil, limits: GChartLimits = .probability,
                         options: ChartOptions = ChartOptions()) throws(SPCError) -> ControlChart {
        let labels = labels ?? counts.indices.map { String($0 + 1) }
        let layout = try ChartLayout(count: counts.count, options: options)
        if let bad = counts.firstIndex(where: { $0 < 0 || !$0.isFinite }) {
            throw .invalidParameter("subgroup \(labels[bad]): \(counts[bad]) events between cannot be negative")
        }
        let L = options.sigmaMultiplier
        let alpha = 2 * StandardNormal.survival(L)
        var points: [ChartPoint] = []
        var stages: [StageLimits] = []
        for block in layout.blocks {
            let estimation = try layout.estimationIndices(block)
            let mean = Statistics.mean(estimation.map { counts[$0] })
            guard mean > 0 else { throw .degenerate("mean of events between is 0: the g chart needs a positive mean") }
            let center: Double, lcl: Double, ucl: Double
            switch limits {
            case .probability:
                let logQ = log1p(-1 / (mean + 1))   // ln(1 - p̂)
                center = log(0.5) / logQ - 1
                ucl = log(alpha / 2) / logQ - 1
                lcl = max(0, log1p(-alpha / 2) / logQ - 1)
            case .threeSigma:
                let s = (mean * (mean + 1)).squareRoot()
                center = mean
                ucl = mean + L * s
                lcl = max(0, mean - L * s)
            }
            for i in block.range {
                points.append(ChartPoint(subgroup: labels[i], value: counts[i], center: center, lcl: lcl, ucl: ucl,
                                         sigma: nil, phase: layout.phase(i), stage: block.label))
            }
            stages.append(StageLimits(stage: block.label, center: center, lcl: lcl, ucl: ucl,
                                      sigma: (mean * (mean + 1)).squareRoot(), estimationCount: estimation.count))
        }
        RuleEngine.apply(options.rules(for: .g), to: &points)
        return ControlChart(type: .g, points: points, stages: stages, parameters: [("sigmaMultiplier", L), ("alpha", alpha)],
                            notes: ["limits: \(limits == .probability ? "geometric probability limits (Minitab)" : "Benneyan 3-sigma limits")"])
    }
}
