import Ingest
/// The kinds of control chart, by the names of the JSON contract (`type`).
public enum ChartType: String, Sendable, Hashable, CaseIterable {
    case xbar, r, s, i, mr, p, np, c, u
    case laneyP = "laney-p"
    case laneyU = "laney-u"
    case g, ewma, cusum, t2

    /// Whether the plotted statistic has a center line and a per-point standard deviation, so that
    /// the zone and run tests (2-8) mean something. EWMA, CUSUM, T² and the g chart (probability
    /// limits) get test 1 only, as in Minitab.
    public var supportsZoneTests: Bool {
        switch self {
        case .ewma, .cusum, .t2, .g: false
        default: true
        }
    }
}

/// Whether a point took part in estimating the limits (phase I) or is monitored against frozen
/// limits (phase II).
public enum ChartPhase: String, Sendable, Hashable {
    case estimation = "I"
    case monitoring = "II"
}

/// One plotted point with its own limits (stepped limits under varying subgroup sizes, EWMA's
/// time-varying limits, a stage's limits).
public struct ChartPoint: Sendable, Equatable {
    /// The subgroup's label as read (sample number, date, ...).
    public var subgroup: String
    public var value: Double
    public var center: Double
    public var lcl: Double
    public var ucl: Double
    /// Standard deviation of the plotted statistic at this point (zones are center ± 1, 2, 3 of it);
    /// nil for charts without zones.
    public var sigma: Double?
    public var phase: ChartPhase
    public var stage: String?
    /// Subgroup size (n, or the attribute inspection size), when the chart has one.
    public var size: Double?
    /// The lower CUSUM (as a negative number, as Minitab plots it), for CUSUM charts only.
    public var lowerValue: Double?
    /// Numbers of the rules this point triggers (the point completing each pattern), ascending.
    public var signals: [Int] = []

    public init(subgroup: String, value: Double, center: Double, lcl: Double, ucl: Double, sigma: Double?,
                phase: ChartPhase = .estimation, stage: String? = nil, size: Double? = nil, lowerValue: Double? = nil) {
        self.subgroup = subgroup
        self.value = value
        self.center = center
        self.lcl = lcl
        self.ucl = ucl
        self.sigma = sigma
        self.phase = phase
        self.stage = stage
        self.size = size
        self.lowerValue = lowerValue
    }
}

/// The limits of one stage (or of the whole chart when there are no stages).
public struct StageLimits: Sendable, Equatable {
    public var stage: String?
    public var center: Double
    /// nil when the limits step with the subgroup size (then each point carries its own).
    public var lcl: Double?
    public var ucl: Double?
    /// The sigma the limits were built from (process sigma for variables charts; see each chart).
    public var sigma: Double?
    /// Number of subgroups (points) used to estimate the limits.
    public var estimationCount: Int
}

/// A control chart: its points and the limits in force.
public struct ControlChart: Sendable, Equatable {
    public var type: ChartType
    public var points: [ChartPoint]
    /// One entry per stage, in order of first appearance; the chart-level center, limits and sigma
    /// are those of the last stage (the limits currently in force).
    public var stages: [StageLimits]
    /// Chart-specific parameters worth reporting (lambda, k, h, alpha, ...), in a stable order.
    public var parameters: [(String, Double)]
    /// Facts a reader should know (clamped limits, excluded points, fallbacks).
    public var notes: [String]

    public init(type: ChartType, points: [ChartPoint], stages: [StageLimits],
                parameters: [(String, Double)] = [], notes: [String] = []) {
        self.type = type
        self.points = points
        self.stages = stages
        self.parameters = parameters
        self.notes = notes
    }

    public var center: Double { stages.last?.center ?? .nan }
    public var lcl: Double? { stages.last?.lcl }
    public var ucl: Double? { stages.last?.ucl }
    public var sigma: Double? { stages.last?.sigma }

    /// Indices of points with at least one signal.
    public var signalledIndices: [Int] { points.indices.filter { !points[$0].signals.isEmpty } }

    public static func == (lhs: ControlChart, rhs: ControlChart) -> Bool {
        lhs.type == rhs.type && lhs.points == rhs.points && lhs.stages == rhs.stages && lhs.notes == rhs.notes
            && lhs.parameters.map(\.0) == rhs.parameters.map(\.0) && lhs.parameters.map(\.1) == rhs.parameters.map(\.1)
    }
}

/// Why a chart or capability analysis could not be computed; never a number that looks fine.
public enum SPCError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Too little data to estimate (e.g. one subgroup, subgroups of size 1 for an R chart).
    case insufficientData(String)
    /// A parameter outside its domain (lambda not in (0, 1], negative size, ...).
    case invalidParameter(String)
    /// Data from which the quantity does not exist (zero variation, p̄ = 0, singular covariance).
    case degenerate(String)
    /// A distribution fit for non-normal capability failed.
    case fitFailed(String)
    /// The input table: a missing column, a field that is not a number (file, line and column).
    case input(IngestError)

    public var description: String {
        switch self {
        case let .input(error): error.description
        case let .insufficientData(m): "insufficient data: \(m)"
        case let .invalidParameter(m): "invalid parameter: \(m)"
        case let .degenerate(m): "degenerate data: \(m)"
        case let .fitFailed(m): "distribution fit failed: \(m)"
        }
    }
}
