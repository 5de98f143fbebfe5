/// The chart (or chart pair) a baseline study freezes limits for, by the CLI's command names.
public enum BaselineChart: String, Sendable, Hashable, CaseIterable {
    case xbarR = "xbar-r"
    case xbarS = "xbar-s"
    case imr
    case p, np, c, u

    /// The plotted charts, location first.
    public var chartTypes: [ChartType] {
        switch self {
        case .xbarR: [.xbar, .r]
        case .xbarS: [.xbar, .s]
        case .imr: [.i, .mr]
        case .p: [.p]
        case .np: [.np]
        case .c: [.c]
        case .u: [.u]
        }
    }

    public var isVariables: Bool { [.xbarR, .xbarS, .imr].contains(self) }
}

/// The data of a baseline study, in time order.
public enum BaselineData: Sendable, Equatable {
    /// Subgrouped measurements (x̄-R, x̄-S).
    case subgroups(SubgroupData)
    /// One measurement per subgroup (I-MR).
    case individuals(values: [Double], labels: [String])
    /// Counts and sizes (p, np, c, u).
    case attributes(AttributeData)

    public var count: Int {
        switch self {
        case let .subgroups(d): d.count
        case let .individuals(values, _): values.count
        case let .attributes(d): d.count
        }
    }

    public var labels: [String] {
        switch self {
        case let .subgroups(d): d.labels
        case let .individuals(_, labels): labels
        case let .attributes(d): d.labels
        }
    }
}

/// How a baseline study is run.
public struct BaselineOptions: Sendable {
    public var chart: BaselineChart
    public var constants: ConstantSource
    public var sigmaMultiplier: Double
    /// Rules evaluated on the location chart (and attribute charts), each round.
    public var rules: RuleSet
    /// Rules on the dispersion chart (R, S, MR); nil: `rules`.
    public var dispersionRules: RuleSet?
    /// Within-subgroup sigma of x̄ charts; nil: R̄/d2 for x̄-R, S̄/c4 for x̄-S.
    public var sigmaMethod: SigmaMethod?
    /// Moving-range span of I-MR.
    public var span: Int
    /// At most this many rounds of limits (round 1 uses every subgroup).
    public var maxRounds: Int
    /// The study fails when fewer subgroups than this remain.
    public var minimumSubgroups: Int
    /// Labels of subgroups that are never excluded (an engineer found no assignable cause); their
    /// signals are recorded with the action `kept`.
    public var keep: Set<String>
    /// Significance level of the normality and autocorrelation warnings.
    public var alpha: Double

    /// Default minimum number of subgroups left after exclusions (see <doc:BaselineStudies>).
    public static let defaultMinimumSubgroups = 10

    public init(chart: BaselineChart, constants: ConstantSource = .exact, sigmaMultiplier: Double = 3,
                rules: RuleSet = .minitabDefault, dispersionRules: RuleSet? = nil, sigmaMethod: SigmaMethod? = nil,
                span: Int = 2, maxRounds: Int = 5, minimumSubgroups: Int = BaselineOptions.defaultMinimumSubgroups,
                keep: Set<String> = [], alpha: Double = 0.05) {
        self.chart = chart
        self.constants = constants
        self.sigmaMultiplier = sigmaMultiplier
        self.rules = rules
        self.dispersionRules = dispersionRules
        self.sigmaMethod = sigmaMethod
        self.span = span
        self.maxRounds = maxRounds
        self.minimumSubgroups = minimumSubgroups
        self.keep = keep
        self.alpha = alpha
    }

    /// The sigma method actually used by x̄ charts.
    public var effectiveSigmaMethod: SigmaMethod? {
        switch chart {
        case .xbarR: sigmaMethod ?? .rBar
        case .xbarS: sigmaMethod ?? .sBar
        default: nil
        }
    }

    func rules(for type: ChartType) -> RuleSet {
        let set = [.r, .s, .mr].contains(type) ? (dispersionRules ?? rules) : rules
        return set.applicable(to: type)
    }
}

/// The limits of one chart at the baseline's subgroup size. Each value is nil when it steps with
/// the subgroup size (subgroups of unequal size); phase II then recomputes it from the process
/// parameters of `FrozenLimits`.
public struct FrozenChartLimits: Sendable, Equatable {
    public var type: ChartType
    public var center: Double?
    public var lcl: Double?
    public var ucl: Double?
    /// Standard deviation of the plotted statistic (the zone width).
    public var sigma: Double?

    public init(type: ChartType, center: Double?, lcl: Double?, ucl: Double?, sigma: Double?) {
        self.type = type
        self.center = center
        self.lcl = lcl
        self.ucl = ucl
        self.sigma = sigma
    }
}

/// Control limits frozen at the end of a baseline study, and everything needed to chart new
/// subgroups against them (including subgroups of another size).
public struct FrozenLimits: Sendable, Equatable {
    public var chart: BaselineChart
    public var constants: ConstantSource
    public var sigmaMultiplier: Double
    /// x̄ charts only.
    public var sigmaMethod: SigmaMethod?
    /// I-MR only.
    public var span: Int?
    /// The common size of the baseline subgroups (1 for I-MR); nil when they differ.
    public var subgroupSize: Double?
    /// Process center: grand mean (variables), p̄ (p, np), c̄ (c), ū (u).
    public var processCenter: Double
    /// Process (within) sigma of variables charts; nil for attribute charts.
    public var processSigma: Double?
    /// One entry per chart, location first (`chart.chartTypes`).
    public var charts: [FrozenChartLimits]
    /// Number of subgroups the limits were estimated from.
    public var subgroups: Int

    public init(chart: BaselineChart, constants: ConstantSource, sigmaMultiplier: Double, sigmaMethod: SigmaMethod?,
                span: Int?, subgroupSize: Double?, processCenter: Double, processSigma: Double?,
                charts: [FrozenChartLimits], subgroups: Int) {
        self.chart = chart
        self.constants = constants
        self.sigmaMultiplier = sigmaMultiplier
        self.sigmaMethod = sigmaMethod
        self.span = span
        self.subgroupSize = subgroupSize
        self.processCenter = processCenter
        self.processSigma = processSigma
        self.charts = charts
        self.subgroups = subgroups
    }
}

/// What a study did with a signalling subgroup.
public enum SignalAction: String, Sendable, Hashable {
    /// Removed from the estimation of every chart of the pair from the next round on.
    case excluded
    /// An MR signal whose window holds a point the I chart excludes in the same round: the large
    /// moving range is that outlier's, not this point's.
    case explained
    /// Listed in `BaselineOptions.keep`: retained by decision.
    case kept
    /// Seen in the last allowed round: the study stopped without removing it (not stable).
    case unresolved
}

/// One point that triggered rules in a round.
public struct BaselineSignal: Sendable, Equatable {
    public var subgroup: String
    /// Position of the subgroup in the study data (0-based).
    public var index: Int
    public var chart: ChartType
    /// Rule numbers triggered (as in `ChartPoint.signals`).
    public var rules: [Int]
    public var value: Double
    public var center: Double
    public var lcl: Double
    public var ucl: Double
    public var action: SignalAction
}

/// One round: limits from the retained subgroups, and the signals among them.
public struct BaselineRound: Sendable, Equatable {
    /// 1-based.
    public var number: Int
    /// Subgroups the limits were estimated from (retained at the start of the round).
    public var subgroups: Int
    public var limits: FrozenLimits
    public var signals: [BaselineSignal]
    /// Labels of the subgroups excluded at the end of this round, in time order.
    public var excluded: [String] {
        var seen = Set<String>()
        return signals.filter { $0.action == .excluded }.sorted { $0.index < $1.index }
            .compactMap { seen.insert($0.subgroup).inserted ? $0.subgroup : nil }
    }
}

/// Why the rounds stopped.
public enum BaselineStop: Sendable, Equatable {
    /// A round with no signal that leads to exclusion (the limits are frozen from it).
    case stable(round: Int)
    /// `maxRounds` rounds and the last still had signals: limits are the last round's.
    case maxRounds(Int)

    public var isStable: Bool { if case .stable = self { true } else { false } }
}

/// Normality and autocorrelation checks on the retained data; each nil with a reason when it
/// cannot be computed (attribute data, too few values).
public struct BaselineChecks: Sendable, Equatable {
    /// What normality was tested on ("individual values").
    public var normalityOf: String?
    public var normality: AndersonDarlingNormality?
    public var normalityNote: String?
    /// What the autocorrelation was computed on ("subgroup means", "individual values", ...).
    public var autocorrelationOf: String
    public var autocorrelation: LagOneAutocorrelation?
    public var autocorrelationNote: String?
}

/// The result of a baseline study: the audit trail and the frozen limits.
public struct BaselineResult: Sendable, Equatable {
    public var options: BaselineOptions.Summary
    public var rounds: [BaselineRound]
    /// The limits in force: those of the last round.
    public var limits: FrozenLimits
    public var stop: BaselineStop
    public var checks: BaselineChecks
    /// Facts a reader must see: not stable, non-normal, autocorrelated, kept signals.
    public var warnings: [BaselineWarning]
    /// Every exclusion, in round then time order, with the signals that caused it.
    public var exclusions: [(round: Int, subgroup: String, signals: [BaselineSignal])] {
        var result: [(round: Int, subgroup: String, signals: [BaselineSignal])] = []
        for round in rounds {
            for label in round.excluded {
                result.append((round.number, label, round.signals.filter { $0.subgroup == label }))
            }
        }
        return result
    }
    /// Labels of the subgroups the final limits were estimated from.
    public var retained: [String]

    public static func == (lhs: BaselineResult, rhs: BaselineResult) -> Bool {
        lhs.options == rhs.options && lhs.rounds == rhs.rounds && lhs.limits == rhs.limits && lhs.stop == rhs.stop
            && lhs.checks == rhs.checks && lhs.warnings == rhs.warnings && lhs.retained == rhs.retained
    }
}

extension BaselineOptions {
    /// The options as recorded with a result (comparable, for the audit trail).
    public struct Summary: Sendable, Equatable {
        public var rules: [(ChartType, RuleSet)]
        public var maxRounds: Int
        public var minimumSubgroups: Int
        public var keep: [String]
        public var alpha: Double

        public static func == (lhs: Summary, rhs: Summary) -> Bool {
            lhs.rules.map(\.0) == rhs.rules.map(\.0) && lhs.rules.map(\.1) == rhs.rules.map(\.1)
                && lhs.maxRounds == rhs.maxRounds && lhs.minimumSubgroups == rhs.minimumSubgroups
                && lhs.keep == rhs.keep && lhs.alpha == rhs.alpha
        }
    }

    var summary: Summary {
        Summary(rules: chart.chartTypes.map { ($0, rules(for: $0)) }, maxRounds: maxRounds,
                minimumSubgroups: minimumSubgroups, keep: keep.sorted(), alpha: alpha)
    }
}

/// Something about a baseline a reader must see; none of them stops the study.
public enum BaselineWarning: Sendable, Equatable {
    /// The last allowed round still had signals; these subgroups were not removed.
    case notStable(rounds: Int, unresolved: [String])
    /// Subgroups that signal in the final round but are retained by decision (`keep`).
    case keptSignals([String])
    /// The Anderson-Darling p-value is below alpha.
    case nonNormal(AndersonDarlingNormality, alpha: Double, of: String)
    /// |r1| exceeds 1.96/√n.
    case autocorrelated(LagOneAutocorrelation, of: String)
    /// A check could not be computed (too few values, constant data).
    case checkUnavailable(check: String, reason: String)
}
