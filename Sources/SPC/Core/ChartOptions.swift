/// Options shared by every chart: constants, limit width, run rules, phase I and stages.
public struct ChartOptions: Sendable {
    /// Where d2, d3, c4 and the limit factors come from.
    public var constants: ConstantSource
    /// Limit half-width in standard deviations of the plotted statistic (L; 3 by default).
    public var sigmaMultiplier: Double
    /// The rules evaluated on each chart (those a chart type supports; see `ChartType.supportsZoneTests`).
    public var rules: RuleSet
    /// When set, the rules as specified, resolved per chart: `all` is Minitab's set of each chart
    /// type (tests 1-8 on x-bar and individuals, 1-4 on R, S, MR and attribute charts), so the two
    /// charts of a pair get their own. It takes the place of `rules`.
    public var ruleSpecification: RuleSpecification?
    /// Per subgroup: true when it is in phase I (used to estimate the limits). nil: all subgroups.
    /// Subgroups outside phase I are plotted against the frozen phase I limits (phase II).
    public var phaseI: [Bool]?
    /// Per subgroup: a stage label. Each maximal run of equal consecutive labels is a stage with its
    /// own limits, estimated from that stage's phase I subgroups. nil: one stage.
    public var stages: [String]?

    public init(constants: ConstantSource = .exact, sigmaMultiplier: Double = 3, rules: RuleSet = .minitabDefault,
                phaseI: [Bool]? = nil, stages: [String]? = nil) {
        self.constants = constants
        self.sigmaMultiplier = sigmaMultiplier
        self.rules = rules
        self.phaseI = phaseI
        self.stages = stages
    }

    /// The rules evaluated on a chart of `type`.
    public func rules(for type: ChartType) -> RuleSet {
        (ruleSpecification?.ruleSet(for: type) ?? rules).applicable(to: type)
    }

    /// Phase I mask from a 1-based inclusive range of subgroup positions.
    public static func phaseI(range: ClosedRange<Int>, count: Int) -> [Bool] {
        (1...max(count, 1)).prefix(count).map { range.contains($0) }
    }
}

/// The stage blocks and phase I membership of a chart, validated against the number of subgroups.
struct ChartLayout {
    /// Consecutive index ranges, one per stage, with the stage label (nil when unstaged).
    let blocks: [(label: String?, range: Range<Int>)]
    let phaseI: [Bool]

    init(count: Int, options: ChartOptions) throws(SPCError) {
        guard count > 0 else { throw .insufficientData("no subgroups") }
        if let mask = options.phaseI, mask.count != count {
            throw .invalidParameter("phase I mask has \(mask.count) entries for \(count) subgroups")
        }
        if let stages = options.stages, stages.count != count {
            throw .invalidParameter("stage column has \(stages.count) entries for \(count) subgroups")
        }
        guard options.sigmaMultiplier > 0, options.sigmaMultiplier.isFinite else {
            throw .invalidParameter("sigma multiplier must be positive")
        }
        phaseI = options.phaseI ?? Array(repeating: true, count: count)
        if let stages = options.stages {
            var blocks: [(String?, Range<Int>)] = []
            var start = 0
            for index in 1...count where index == count || stages[index] != stages[start] {
                blocks.append((stages[start], start..<index))
                start = index
            }
            self.blocks = blocks.map { (label: $0.0, range: $0.1) }
        } else {
            blocks = [(label: nil, range: 0..<count)]
        }
    }

    /// The phase I indices of a block; throws when a block has none.
    func estimationIndices(_ block: (label: String?, range: Range<Int>), minimum: Int = 1) throws(SPCError) -> [Int] {
        let indices = block.range.filter { phaseI[$0] }
        if indices.count < minimum {
            let which = block.label.map { "stage \($0)" } ?? "the chart"
            throw .insufficientData("\(which) has \(indices.count) phase I subgroup\(indices.count == 1 ? "" : "s"), \(minimum) needed")
        }
        return indices
    }

    func phase(_ index: Int) -> ChartPhase { phaseI[index] ? .estimation : .monitoring }
}
