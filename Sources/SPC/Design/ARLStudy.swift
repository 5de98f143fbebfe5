import RelmodelJSON
import RelmodelNumerics

extension ARL.RunRule: JSONRepresentable, CustomStringConvertible {
    /// `{"count": m, "window": w, "beyond": z}`.
    public var json: JSONValue {
        .object([("count", .number(Double(count))), ("window", .number(Double(window))), ("beyond", .number(threshold))])
    }

    /// "1 point beyond 3 sigma", "9 in a row on one side", "2 of 3 beyond 2 sigma on one side".
    public var description: String {
        let beyond = NumberFormatting.significant(threshold)
        if count == 1, window == 1 { return "1 point beyond \(beyond) sigma" }
        if count == window, threshold == 0 { return "\(count) in a row on one side" }
        return "\(count) of \(window) beyond \(beyond) sigma on one side"
    }
}

/// Average run lengths of one chart design at a list of shifts, as `relmodel spc arl` reports them:
/// the design's critical value solved first when a target in-control ARL is given.
public struct ARLStudy: JSONRepresentable, Sendable {
    public enum Chart: String, Sendable, CaseIterable { case shewhart, ewma, cusum }
    public enum CUSUMMethod: String, Sendable, CaseIterable {
        /// Integral equation per side, combined as 1/ARL = 1/ARL+ + 1/ARL-.
        case exact
        /// Siegmund's approximation (zero state).
        case siegmund
    }

    /// What is studied.
    public enum Design: Sendable {
        /// Shewhart chart with run rules, exact Markov chain; `limitWidth` nil: 3 (or solved for a target).
        case shewhart(rules: RuleSpecification, runLength: Int?, limitWidth: Double?)
        /// Shewhart chart with any rules, by simulation with the chart rule engine.
        case shewhartSimulated(rules: RuleSpecification, limitWidth: Double, replicates: Int, seed: UInt64)
        /// EWMA with asymptotic limits; `limitWidth` nil: solved for the target.
        case ewma(lambda: Double, limitWidth: Double?)
        /// Two-sided tabular CUSUM; `decisionInterval` nil: solved for the target.
        case cusum(reference: Double, decisionInterval: Double?, headStart: Double, method: CUSUMMethod)
    }

    /// One shift: in process sigma, of the plotted statistic (shift times the square root of n), and its ARL.
    public struct Row: Sendable, Equatable {
        public var shift: Double
        public var statisticShift: Double
        public var averageRunLength: Double
        /// Simulation only: the standard error and the runs cut at the maximum length.
        public var standardError: Double?
        public var censored: Int?
    }

    public let chart: Chart
    /// The design's settings as the document records them, in order (L, rules, lambda, limit, k, h, ...).
    public let settings: [(name: String, value: JSONValue)]
    /// The design in words, for reports.
    public let title: String
    public let targetARL: Double?
    public let subgroupSize: Int
    public let rows: [Row]

    /// - Parameters:
    ///   - design: the chart and its settings.
    ///   - shifts: mean shifts in process standard deviations.
    ///   - subgroupSize: n; the plotted statistic is the mean of n.
    ///   - targetARL: solve for L (EWMA; Shewhart with test 1 alone) or h (CUSUM) first.
    ///   - progress: reports simulated replicates (simulation only).
    /// - Throws: `ARLError` (impossible settings, a rule without an exact chain, no critical value,
    ///   numerical failure, a spent simulation budget).
    /// - Complexity: one chain or integral equation per shift (simulation: `replicates` runs per shift).
    public init(_ design: Design, shifts: [Double], subgroupSize: Int = 1, targetARL: Double? = nil,
                progress: ProgressReporter? = nil) throws(ARLError) {
        guard subgroupSize >= 1 else { throw .invalidParameter("the subgroup size must be >= 1, got \(subgroupSize)") }
        let root = Double(subgroupSize).squareRoot()
        var rows: [Row] = []
        func row(_ shift: Double, _ arl: Double, _ se: Double? = nil, _ censored: Int? = nil) {
            rows.append(Row(shift: shift, statisticShift: shift * root, averageRunLength: arl, standardError: se, censored: censored))
        }
        switch design {
        case let .shewhartSimulated(rules, width, replicates, seed):
            let ruleSet = rules.ruleSet(for: .i)
            let simulation = try ARL.Simulation(rules: ruleSet, limitWidth: width, replicates: replicates, seed: seed)
            for shift in shifts {
                let result = try simulation.averageRunLength(shift: shift * root, progress: progress)
                row(shift, result.averageRunLength, result.standardError, result.censored)
            }
            chart = .shewhart
            settings = [("tests", .array(ruleSet.rules.map { .string("\($0.test):\($0.k)") })), ("L", .number(width)),
                        ("method", .string("simulation")), ("replicates", .number(Double(replicates))), ("seed", .number(Double(seed)))]
            title = "Shewhart chart, tests \(ruleSet.rules.map { "\($0.test)" }.joined(separator: ", ")), simulated with \(NumberFormatting.counted(replicates, "replicate")) (seed \(seed))"
        case let .shewhart(rules, runLength, limitWidth):
            let width = try targetARL.map { target throws(ARLError) in try ARL.shewhartLimitWidth(targetARL: target) } ?? limitWidth ?? 3
            let zoneRules = try rules.markovChainRules(runLength: runLength, limitWidth: width)
            let chain = try ARL.RunRuleChain(rules: zoneRules)
            for shift in shifts { row(shift, try chain.averageRunLength(shift: shift * root)) }
            chart = .shewhart
            settings = [("rules", .array(zoneRules.map(\.json))), ("L", .number(width))]
            title = "Shewhart chart, rules: " + zoneRules.map(\.description).joined(separator: "; ")
        case let .ewma(lambda, limitWidth):
            guard let width = try targetARL.map({ target throws(ARLError) in try ARL.ewmaLimitWidth(lambda: lambda, targetARL: target) })
                ?? limitWidth else { throw .invalidParameter("the EWMA design needs a limit width L or a target ARL") }
            let design = try ARL.EWMADesign(lambda: lambda, limitWidth: width)
            for shift in shifts { row(shift, try design.averageRunLength(shift: shift * root).averageRunLength) }
            chart = .ewma
            settings = [("lambda", .number(lambda)), ("L", .number(width)), ("limit", .number(design.limit))]
            title = "EWMA chart, lambda \(NumberFormatting.significant(lambda)), L \(NumberFormatting.significant(width, 6)), limits +-\(NumberFormatting.significant(design.limit, 6)) sigma"
        case let .cusum(k, h, headStart, method):
            guard let interval = try targetARL.map({ target throws(ARLError) in
                try ARL.cusumDecisionInterval(reference: k, targetARL: target, headStartFraction: 0)
            }) ?? h else { throw .invalidParameter("the CUSUM design needs a decision interval h or a target ARL") }
            let design = try ARL.CUSUMDesign(reference: k, decisionInterval: interval, headStart: headStart)
            for shift in shifts {
                row(shift, method == .exact
                    ? try design.averageRunLength(shift: shift * root).averageRunLength
                    : design.siegmundApproximation(shift: shift * root).twoSided)
            }
            chart = .cusum
            settings = [("k", .number(k)), ("h", .number(interval)), ("headStart", .number(headStart)), ("method", .string(method.rawValue))]
            title = "Two-sided tabular CUSUM, k \(NumberFormatting.significant(k)), h \(NumberFormatting.significant(interval, 6))"
                + (headStart > 0 ? ", head start \(NumberFormatting.significant(headStart))" : "")
                + (method == .siegmund ? " (Siegmund's approximation)" : "")
        }
        self.targetARL = targetARL
        self.subgroupSize = subgroupSize
        self.rows = rows
    }

    /// The document of `relmodel spc arl --json` (docs/CLI.md).
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("chart", .string(chart.rawValue))] + settings.map { ($0.name, $0.value) }
        if let targetARL { members.append(("targetARL", .number(targetARL))) }
        members.append(("n", .number(Double(subgroupSize))))
        members.append(("arl", .array(rows.map { r in
            var fields: [(String, JSONValue)] = [("shift", .number(r.shift)), ("statisticShift", .number(r.statisticShift)),
                                                 ("arl", .number(r.averageRunLength))]
            if let se = r.standardError, let censored = r.censored {
                fields += [("standardError", .number(se)), ("censored", .number(Double(censored)))]
            }
            return .object(fields)
        })))
        return .object(members)
    }
}

extension SubgroupSizeStudy: JSONRepresentable {
    /// The document of `relmodel study subgroup-size --json`.
    public var json: JSONValue {
        .object([
            ("study", .string("subgroup-size")), ("shift", .number(shift)),
            ("rules", .array(rules.map(\.json))),
            ("rows", .array(rows.map { row in
                .object([
                    ("n", .number(Double(row.subgroupSize))), ("interval", .number(row.interval)),
                    ("unitsPerHour", .number(row.unitsPerTime)), ("statisticShift", .number(row.statisticShift)),
                    ("inControlARL", .number(row.inControlARL)), ("arl", .number(row.averageRunLength)),
                    ("inControlATS", .number(row.inControlATS)), ("ats", .number(row.averageTimeToSignal)),
                ])
            })),
        ])
    }
}
