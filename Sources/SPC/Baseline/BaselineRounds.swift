/// Phase I baseline studies: trial limits, exclusion of assignable-cause subgroups one round at a
/// time, normality and autocorrelation checks, and the limits to freeze.
///
/// Round k estimates the limits from the subgroups retained so far (round 1: all of them), exactly
/// as the chart itself does with those subgroups as phase I, and evaluates the rules on the
/// retained points only, as one sequence in time order (excluded points are gaps, so a run rule
/// sees the retained neighbours). Then:
/// - no signal: the study is stable and the limits of round k are frozen;
/// - otherwise every flagged subgroup is excluded and round k + 1 starts, unless k = `maxRounds`:
///   then the study stops *not stable*, the frozen limits are round k's and the flagged subgroups
///   are reported as unresolved (a warning, never silently dropped);
/// - if fewer than `minimumSubgroups` (default 10) would remain, the study fails with
///   `insufficientData` naming the round and the subgroups: limits from so few subgroups are
///   not a baseline (Montgomery recommends 20-25 subgroups; AIAG at least 25).
///
/// Exclusion policy (Montgomery, Introduction to SQC, sec. 6.2.2; Minitab): a subgroup flagged on
/// either chart of a pair (x̄ or R/S; I or MR) is removed from the estimation of both, since the
/// x̄ limits use the within-subgroup sigma and the R limits use the same subgroups. For I-MR, a
/// moving-range signal points at the later point of its window, unless the I chart excludes a point
/// of that window in the same round (one outlier makes two large moving ranges: only the outlier
/// goes). Moving ranges whose window contains an excluded point leave the sigma estimate.
/// Subgroups in `keep` are never excluded (their signals are recorded as `kept`).
///
/// - Complexity: O(rounds · (subgroups · rules · K + observations)), plus the exact d3 integral once
///   per distinct subgroup size and round.
enum BaselineStudy {
    static func run(_ data: BaselineData, options: BaselineOptions) throws(SPCError) -> BaselineResult {
        try validate(data, options)
        let count = data.count
        guard count >= options.minimumSubgroups else {
            throw .insufficientData("\(count) subgroups; a baseline needs at least \(options.minimumSubgroups)")
        }
        var retained = [Bool](repeating: true, count: count)
        var rounds: [BaselineRound] = []
        var stop = BaselineStop.maxRounds(options.maxRounds)
        for number in 1...options.maxRounds {
            let charts = try roundCharts(data, options: options, retained: retained)
            let limits = frozen(charts, data: data, options: options, retained: retained)
            var signals = roundSignals(charts, data: data, options: options, retained: retained)
            let flagged = Set(signals.filter { $0.action == .excluded }.map(\.index))
            let retainedCount = retained.filter { $0 }.count
            if flagged.isEmpty {
                rounds.append(BaselineRound(number: number, subgroups: retainedCount, limits: limits, signals: signals))
                stop = .stable(round: number)
                break
            }
            if number == options.maxRounds {
                for i in signals.indices where signals[i].action == .excluded { signals[i].action = .unresolved }
                rounds.append(BaselineRound(number: number, subgroups: retainedCount, limits: limits, signals: signals))
                break
            }
            let round = BaselineRound(number: number, subgroups: retainedCount, limits: limits, signals: signals)
            rounds.append(round)
            for index in flagged { retained[index] = false }
            let left = retained.filter { $0 }.count
            if left < options.minimumSubgroups {
                throw .insufficientData("round \(number) flags subgroup\(flagged.count == 1 ? "" : "s") \(round.excluded.joined(separator: ", ")); "
                                        + "\(left) subgroups would remain and a baseline needs at least \(options.minimumSubgroups)")
            }
        }
        let last = rounds[rounds.count - 1]
        let checks = self.checks(data, options: options, retained: retained)
        var warnings: [BaselineWarning] = []
        if case let .maxRounds(k) = stop {
            warnings.append(.notStable(rounds: k, unresolved: uniqueLabels(last.signals.filter { $0.action == .unresolved })))
        }
        let kept = uniqueLabels(last.signals.filter { $0.action == .kept })
        if !kept.isEmpty { warnings.append(.keptSignals(kept)) }
        if let ad = checks.normality, ad.pValue < options.alpha {
            warnings.append(.nonNormal(ad, alpha: options.alpha, of: checks.normalityOf ?? ""))
        } else if let note = checks.normalityNote, checks.normalityOf != nil {
            warnings.append(.checkUnavailable(check: "normality", reason: note))
        }
        if let r = checks.autocorrelation, r.significant {
            warnings.append(.autocorrelated(r, of: checks.autocorrelationOf))
        } else if let note = checks.autocorrelationNote {
            warnings.append(.checkUnavailable(check: "autocorrelation", reason: note))
        }
        return BaselineResult(options: options.summary, rounds: rounds, limits: last.limits, stop: stop, checks: checks,
                              warnings: warnings, retained: data.labels.indices.filter { retained[$0] }.map { data.labels[$0] })
    }

    static func validate(_ data: BaselineData, _ options: BaselineOptions) throws(SPCError) {
        switch (options.chart, data) {
        case (.xbarR, .subgroups), (.xbarS, .subgroups), (.imr, .individuals), (.p, .attributes), (.np, .attributes),
             (.c, .attributes), (.u, .attributes):
            break
        default:
            throw .invalidParameter("the \(options.chart.rawValue) chart needs \(options.chart.isVariables ? "measurements" : "counts")")
        }
        guard options.maxRounds >= 1 else { throw .invalidParameter("max rounds must be at least 1, got \(options.maxRounds)") }
        guard options.minimumSubgroups >= 2 else {
            throw .invalidParameter("minimum subgroups must be at least 2, got \(options.minimumSubgroups)")
        }
        guard options.span >= 2 else { throw .invalidParameter("moving range span must be at least 2, got \(options.span)") }
        guard options.alpha > 0, options.alpha < 1 else { throw .invalidParameter("alpha must be in (0, 1)") }
        let labels = data.labels
        if Set(labels).count != labels.count { throw .invalidParameter("subgroup labels are not unique") }
        let unknown = options.keep.subtracting(labels).sorted()
        if !unknown.isEmpty { throw .invalidParameter("kept subgroup\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")) not in the data") }
    }

    /// The chart(s) with the retained subgroups as phase I and no rules (rules are evaluated on the
    /// retained points only, by `roundSignals`).
    static func roundCharts(_ data: BaselineData, options: BaselineOptions, retained: [Bool]) throws(SPCError) -> [ControlChart] {
        let chartOptions = ChartOptions(constants: options.constants, sigmaMultiplier: options.sigmaMultiplier,
                                        rules: .none, phaseI: retained)
        switch data {
        case let .subgroups(d):
            let method = options.effectiveSigmaMethod ?? .rBar
            return options.chart == .xbarR
                ? try ChartPair.xbarR(d, sigmaMethod: method, options: chartOptions).charts
                : try ChartPair.xbarS(d, sigmaMethod: method, options: chartOptions).charts
        case let .individuals(values, labels):
            return try ChartPair.individuals(values, labels: labels, span: options.span, options: chartOptions).charts
        case let .attributes(d):
            switch options.chart {
            case .p: return [try ControlChart.p(d, options: chartOptions)]
            case .np: return [try ControlChart.np(d, options: chartOptions)]
            case .c: return [try ControlChart.c(d, options: chartOptions)]
            default: return [try ControlChart.u(d, options: chartOptions)]
            }
        }
    }

    /// Data index of each point of a chart (the MR chart starts at point span - 1).
    static func dataIndex(_ chart: ControlChart, point: Int, span: Int) -> Int {
        chart.type == .mr ? point + span - 1 : point
    }

    /// Whether a point belongs to the retained sequence (an MR point: its whole window).
    static func isRetained(_ chart: ControlChart, point: Int, span: Int, retained: [Bool]) -> Bool {
        let index = dataIndex(chart, point: point, span: span)
        if chart.type == .mr { return ((index - span + 1)...index).allSatisfy { retained[$0] } }
        return retained[index]
    }

    static func roundSignals(_ charts: [ControlChart], data: BaselineData, options: BaselineOptions,
                             retained: [Bool]) -> [BaselineSignal] {
        var signals: [BaselineSignal] = []
        var excludedByLocation = Set<Int>()
        for chart in charts {
            let kept = chart.points.indices.filter { isRetained(chart, point: $0, span: options.span, retained: retained) }
            var points = kept.map { chart.points[$0] }
            for i in points.indices { points[i].signals = [] }
            let flags = RuleEngine.signals(points, rules: options.rules(for: chart.type))
            for (offset, rules) in flags.enumerated() where !rules.isEmpty {
                let p = points[offset]
                let index = dataIndex(chart, point: kept[offset], span: options.span)
                var action: SignalAction = options.keep.contains(p.subgroup) ? .kept : .excluded
                if chart.type == .mr, ((index - options.span + 1)...index).contains(where: excludedByLocation.contains) {
                    action = .explained
                }
                if chart.type == .i, action == .excluded { excludedByLocation.insert(index) }
                signals.append(BaselineSignal(subgroup: p.subgroup, index: index, chart: chart.type, rules: rules,
                                              value: p.value, center: p.center, lcl: p.lcl, ucl: p.ucl, action: action))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: options.chart.chartTypes.enumerated().map { ($1, $0) })
        return signals.sorted { ($0.index, order[$0.chart]!) < ($1.index, order[$1.chart]!) }
    }

    /// The limits of a round at the common size of the retained subgroups.
    static func frozen(_ charts: [ControlChart], data: BaselineData, options: BaselineOptions, retained: [Bool]) -> FrozenLimits {
        let indices = retained.indices.filter { retained[$0] }
        let sizes: [Double]
        let center: Double
        switch data {
        case let .subgroups(d):
            sizes = indices.map { Double(d.values[$0].count) }
            center = charts[0].center
        case .individuals:
            sizes = indices.map { _ in 1 }
            center = charts[0].center
        case let .attributes(d):
            sizes = indices.map { d.sizes[$0] }
            let total = indices.reduce(0) { $0 + d.counts[$1] }
            center = options.chart == .c ? total / Double(indices.count) : total / indices.reduce(0) { $0 + d.sizes[$1] }
        }
        let common: Double? = sizes.allSatisfy { $0 == sizes[0] } ? sizes[0] : nil
        let constantLimits = common != nil || options.chart == .c
        let frozenCharts = charts.map { chart -> FrozenChartLimits in
            let first = chart.points.indices.first { isRetained(chart, point: $0, span: options.span, retained: retained) }
            guard constantLimits, let first else {
                // x̄, p and u center lines do not depend on the size; the rest step with it.
                return FrozenChartLimits(type: chart.type, center: [.xbar, .p, .u].contains(chart.type) ? center : nil,
                                         lcl: nil, ucl: nil, sigma: nil)
            }
            let p = chart.points[first]
            return FrozenChartLimits(type: chart.type, center: p.center, lcl: p.lcl, ucl: p.ucl, sigma: p.sigma)
        }
        return FrozenLimits(chart: options.chart, constants: options.constants, sigmaMultiplier: options.sigmaMultiplier,
                            sigmaMethod: options.effectiveSigmaMethod, span: options.chart == .imr ? options.span : nil,
                            subgroupSize: common, processCenter: center,
                            processSigma: options.chart.isVariables ? charts[0].sigma : nil,
                            charts: frozenCharts, subgroups: indices.count)
    }

    static func checks(_ data: BaselineData, options: BaselineOptions, retained: [Bool]) -> BaselineChecks {
        let indices = retained.indices.filter { retained[$0] }
        var normalityOf: String?
        var normalityValues: [Double] = []
        let series: [Double]
        let seriesName: String
        switch data {
        case let .subgroups(d):
            normalityOf = "individual values"
            normalityValues = indices.flatMap { d.values[$0] }
            series = indices.map { Statistics.mean(d.values[$0]) }
            seriesName = "subgroup means"
        case let .individuals(values, _):
            normalityOf = "individual values"
            normalityValues = indices.map { values[$0] }
            series = normalityValues
            seriesName = "individual values"
        case let .attributes(d):
            switch options.chart {
            case .np, .c:
                series = indices.map { d.counts[$0] }
                seriesName = "counts"
            case .p:
                series = indices.map { d.counts[$0] / d.sizes[$0] }
                seriesName = "proportions"
            default:
                series = indices.map { d.counts[$0] / d.sizes[$0] }
                seriesName = "rates"
            }
        }
        var checks = BaselineChecks(normalityOf: normalityOf, normality: nil,
                                    normalityNote: normalityOf == nil ? "not applicable: attribute data are binomial or Poisson counts" : nil,
                                    autocorrelationOf: seriesName, autocorrelation: nil, autocorrelationNote: nil)
        if normalityOf != nil {
            do { checks.normality = try AndersonDarlingNormality(normalityValues) } catch { checks.normalityNote = error.description }
        }
        do { checks.autocorrelation = try LagOneAutocorrelation(series) } catch { checks.autocorrelationNote = error.description }
        return checks
    }

    static func uniqueLabels(_ signals: [BaselineSignal]) -> [String] {
        var seen = Set<String>()
        return signals.compactMap { seen.insert($0.subgroup).inserted ? $0.subgroup : nil }
    }
}

extension BaselineResult {
    /// Runs the phase I study of `data` (the rounds, checks and frozen limits are described in <doc:BaselineStudies>).
    /// - Throws: `SPCError` for too few subgroups, an unknown chart for the data, or a chart that
    ///   cannot be computed in some round.
    /// - Complexity: O(rounds · (subgroups · rules · K + observations)).
    public init(_ data: BaselineData, options: BaselineOptions) throws(SPCError) {
        self = try BaselineStudy.run(data, options: options)
    }
}
