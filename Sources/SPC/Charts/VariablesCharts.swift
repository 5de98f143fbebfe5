/// A location chart and its dispersion chart (x̄ with R or S; individuals with moving range).
public struct ChartPair: Sendable, Equatable {
    public var location: ControlChart
    public var dispersion: ControlChart
    public var charts: [ControlChart] { [location, dispersion] }
}

/// Shewhart charts for subgrouped measurements.
///
/// Per stage: the grand mean is the mean of all phase I observations (the size-weighted mean of the
/// subgroup means); sigma is the within-subgroup estimate of `SigmaMethod`. Limits per point i with
/// size n_i (stepped when sizes vary), L = `sigmaMultiplier`:
/// - x̄: x̿ ± L σ/√n_i (or x̿ ± A2 R̄ / A3 S̄ with `textbookFactors` and L = 3);
/// - R: center d2 σ, limits d2 σ ± L d3 σ, LCL clamped at 0 (or D3, D4 · d2 σ with textbook factors);
/// - S: center c4 σ, limits c4 σ ± L σ √(1 - c4²), LCL clamped at 0 (or B3, B4 · c4 σ).
/// A point's `sigma` is the standard deviation of its statistic (σ/√n, d3 σ, σ√(1 - c4²)).
extension ChartPair {
    /// x̄ and R charts. Default sigma: R̄/d2. - Complexity: O(observations) plus one d3 integral
    /// per distinct subgroup size (exact constants).
    public static func xbarR(_ data: SubgroupData, sigmaMethod: SigmaMethod = .rBar,
                             options: ChartOptions = ChartOptions()) throws(SPCError) -> ChartPair {
        try subgroupCharts(data, dispersion: .r, sigmaMethod: sigmaMethod, options: options)
    }

    /// x̄ and S charts. Default sigma: S̄/c4. - Complexity: as `xbarR`.
    public static func xbarS(_ data: SubgroupData, sigmaMethod: SigmaMethod = .sBar,
                             options: ChartOptions = ChartOptions()) throws(SPCError) -> ChartPair {
        try subgroupCharts(data, dispersion: .s, sigmaMethod: sigmaMethod, options: options)
    }

    static func subgroupCharts(_ data: SubgroupData, dispersion: ChartType, sigmaMethod: SigmaMethod,
                               options: ChartOptions) throws(SPCError) -> ChartPair {
        let layout = try ChartLayout(count: data.count, options: options)
        var constants = ConstantsCache(source: options.constants)
        let L = options.sigmaMultiplier
        let means = data.means
        let dispersionValues = dispersion == .r ? data.ranges : data.standardDeviations
        var xPoints: [ChartPoint] = [], dPoints: [ChartPoint] = []
        var xStages: [StageLimits] = [], dStages: [StageLimits] = []
        var notes: [String] = []
        for block in layout.blocks {
            let estimation = try layout.estimationIndices(block, minimum: 2)
            let phaseI = estimation.map { data.values[$0] }
            let sigma = try SigmaEstimators.withinSigma(phaseI, method: sigmaMethod, constants: &constants)
            let total = phaseI.reduce(0) { $0 + $1.reduce(0, +) }
            let grand = total / Double(phaseI.reduce(0) { $0 + $1.count })
            var stepped = false
            var clamped = false
            for index in block.range {
                let n = data.values[index].count
                guard n >= 2 else { throw .insufficientData("subgroup \(data.labels[index]) has \(n) value\(n == 1 ? "" : "s"); x̄-\(dispersion == .r ? "R" : "S") charts need at least 2") }
                if n != data.values[estimation[0]].count { stepped = true }
                let c = constants(n)
                let useTable = c.usesFactorTable && L == 3
                let xSigma = sigma / Double(n).squareRoot()
                let xHalf: Double
                if useTable {
                    xHalf = dispersion == .r ? c.a2 * c.d2 * sigma : c.a3 * c.c4 * sigma
                } else {
                    xHalf = L * xSigma
                }
                xPoints.append(ChartPoint(subgroup: data.labels[index], value: means[index], center: grand,
                                          lcl: grand - xHalf, ucl: grand + xHalf, sigma: xSigma,
                                          phase: layout.phase(index), stage: block.label, size: Double(n)))
                let center: Double, lcl: Double, ucl: Double, dSigma: Double
                if dispersion == .r {
                    center = c.d2 * sigma
                    dSigma = c.d3 * sigma
                    if useTable {
                        lcl = c.d3Factor * center
                        ucl = c.d4Factor * center
                    } else {
                        lcl = max(0, center - L * dSigma)
                        ucl = center + L * dSigma
                    }
                } else {
                    center = c.c4 * sigma
                    dSigma = sigma * (1 - c.c4 * c.c4).squareRoot()
                    if useTable {
                        lcl = c.b3 * center
                        ucl = c.b4 * center
                    } else {
                        lcl = max(0, center - L * dSigma)
                        ucl = center + L * dSigma
                    }
                }
                if center - L * dSigma < 0 { clamped = true }
                dPoints.append(ChartPoint(subgroup: data.labels[index], value: dispersionValues[index], center: center,
                                          lcl: lcl, ucl: ucl, sigma: dSigma, phase: layout.phase(index),
                                          stage: block.label, size: Double(n)))
            }
            let first = xPoints[xPoints.count - block.range.count]
            let firstD = dPoints[dPoints.count - block.range.count]
            xStages.append(StageLimits(stage: block.label, center: grand, lcl: stepped ? nil : first.lcl,
                                       ucl: stepped ? nil : first.ucl, sigma: sigma, estimationCount: estimation.count))
            dStages.append(StageLimits(stage: block.label, center: stepped ? Statistics.mean(estimation.map { dispersionValues[$0] }) : firstD.center,
                                       lcl: stepped ? nil : firstD.lcl, ucl: stepped ? nil : firstD.ucl,
                                       sigma: sigma, estimationCount: estimation.count))
            if clamped { notes.append("\(dispersion == .r ? "R" : "S") chart LCL\(block.label.map { " (stage \($0))" } ?? "") is clamped at 0") }
        }
        if options.constants != .exact { notes.append("constants: \(options.constants.rawValue)") }
        RuleEngine.apply(options.rules(for: .xbar), to: &xPoints)
        RuleEngine.apply(options.rules(for: dispersion), to: &dPoints)
        let parameters: [(String, Double)] = [("sigmaMultiplier", L)]
        return ChartPair(
            location: ControlChart(type: .xbar, points: xPoints, stages: xStages, parameters: parameters,
                                   notes: options.constants != .exact ? ["constants: \(options.constants.rawValue)"] : []),
            dispersion: ControlChart(type: dispersion, points: dPoints, stages: dStages, parameters: parameters, notes: notes))
    }

    /// Individuals and moving-range charts. Sigma = MR̄/d2(w) over phase I (moving ranges whose
    /// window lies wholly in phase I and in the stage); center = mean of the phase I values.
    /// I limits: x̄ ± L σ. MR chart (from point w on): center d2(w) σ, limits d2 σ ± L d3 σ, LCL
    /// clamped at 0. Points 1...w-1 have no moving range and are not on the MR chart.
    /// - Complexity: O(n·w) plus one d3 integral.
    public static func individuals(_ values: [Double], labels: [String]? = nil, span: Int = 2,
                                   options: ChartOptions = ChartOptions()) throws(SPCError) -> ChartPair {
        guard span >= 2 else { throw .invalidParameter("moving range span must be at least 2, got \(span)") }
        let labels = labels ?? values.indices.map { String($0 + 1) }
        let layout = try ChartLayout(count: values.count, options: options)
        let c = ChartConstants(n: span, source: options.constants)
        let L = options.sigmaMultiplier
        var iPoints: [ChartPoint] = [], mrPoints: [ChartPoint] = []
        var iStages: [StageLimits] = [], mrStages: [StageLimits] = []
        var notes: [String] = []
        for block in layout.blocks {
            let estimation = try layout.estimationIndices(block, minimum: span)
            let estimationSet = Set(estimation)
            // Moving ranges within the block, indexed by their last point.
            var ranges: [Int: Double] = [:]
            for i in block.range where i - span + 1 >= block.range.lowerBound {
                let window = values[(i - span + 1)...i]
                ranges[i] = window.max()! - window.min()!
            }
            let phaseIRanges = ranges.keys.sorted().filter { i in ((i - span + 1)...i).allSatisfy { estimationSet.contains($0) } }
            guard !phaseIRanges.isEmpty else {
                throw .insufficientData("no moving range of span \(span) lies within phase I\(block.label.map { " of stage \($0)" } ?? "")")
            }
            let mrBar = Statistics.mean(phaseIRanges.map { ranges[$0]! })
            let sigma = mrBar / c.d2
            guard sigma > 0 else { throw .degenerate("all phase I moving ranges are 0: sigma is 0") }
            let mean = Statistics.mean(estimation.map { values[$0] })
            for i in block.range {
                iPoints.append(ChartPoint(subgroup: labels[i], value: values[i], center: mean, lcl: mean - L * sigma,
                                          ucl: mean + L * sigma, sigma: sigma, phase: layout.phase(i), stage: block.label, size: 1))
                if let r = ranges[i] {
                    let center = c.d2 * sigma
                    mrPoints.append(ChartPoint(subgroup: labels[i], value: r, center: center,
                                               lcl: max(0, center - L * c.d3 * sigma), ucl: center + L * c.d3 * sigma,
                                               sigma: c.d3 * sigma, phase: layout.phase(i), stage: block.label))
                }
            }
            iStages.append(StageLimits(stage: block.label, center: mean, lcl: mean - L * sigma, ucl: mean + L * sigma,
                                       sigma: sigma, estimationCount: estimation.count))
            let center = c.d2 * sigma
            mrStages.append(StageLimits(stage: block.label, center: center, lcl: max(0, center - L * c.d3 * sigma),
                                        ucl: center + L * c.d3 * sigma, sigma: sigma, estimationCount: phaseIRanges.count))
            if center - L * c.d3 * sigma < 0 { notes.append("MR chart LCL\(block.label.map { " (stage \($0))" } ?? "") is clamped at 0") }
        }
        RuleEngine.apply(options.rules(for: .i), to: &iPoints)
        RuleEngine.apply(options.rules(for: .mr), to: &mrPoints)
        let parameters: [(String, Double)] = [("sigmaMultiplier", L), ("span", Double(span))]
        return ChartPair(location: ControlChart(type: .i, points: iPoints, stages: iStages, parameters: parameters),
                         dispersion: ControlChart(type: .mr, points: mrPoints, stages: mrStages, parameters: parameters, notes: notes))
    }
}
