/// One run rule: a Minitab/Nelson test with its K. A point's `signals` are always these test
/// numbers, whichever set the rule came from (the Western Electric set reports 1, 5, 6 and 2).
///
/// The eight tests (Minitab's "Tests for special causes", Nelson 1984), with Minitab's default K:
/// 1. one point beyond the control limits (K = 3: the chart's `sigmaMultiplier` sets the limits; K
///    is recorded but the test compares with the point's own LCL/UCL, which also covers clamped,
///    probability and time-varying limits);
/// 2. K = 9 points in a row on the same side of the center line;
/// 3. K = 6 points in a row all increasing or all decreasing;
/// 4. K = 14 points in a row alternating up and down;
/// 5. K = 2 out of K + 1 points more than 2 sigma from the center line, same side;
/// 6. K = 4 out of K + 1 points more than 1 sigma from the center line, same side;
/// 7. K = 15 points in a row within 1 sigma of the center line, either side;
/// 8. K = 8 points in a row more than 1 sigma from the center line, either side.
///
/// Exact semantics (pinned by tests):
/// - The flagged point is the one completing the pattern; while a run continues, every further
///   point is flagged too (Minitab). For tests 5 and 6 the flagged point must itself be beyond the
///   zone on the pattern's side; the window is the last K + 1 points (fewer at the start).
/// - "Beyond" is strict: a point exactly ON a control limit or zone boundary is not beyond it;
///   "within 1 sigma" (test 7) is the complement, |x - center| <= sigma.
/// - Same side (test 2): a point exactly on the center line breaks the run.
/// - Trends (test 3) and alternation (test 4): two equal consecutive points break the run; K points
///   means K - 1 consecutive differences.
/// - Zones are computed per point from that point's own center and sigma, so they step with the
///   subgroup size like the limits do.
/// - Runs do not cross a stage boundary (each stage has its own center line).
public struct RunRule: Sendable, Hashable {
    /// The Minitab/Nelson test, 1...8: also the number reported in a point's `signals`.
    public let test: Int
    public let k: Int

    /// The test numbered `test` with its K (Minitab's default when nil).
    /// - Throws: `SPCError.invalidParameter` unless `test` is in 1...8 and K is at least 1.
    public init(test: Int, k: Int? = nil) throws(SPCError) {
        guard (1...8).contains(test) else { throw .invalidParameter("run-rule tests are numbered 1 to 8, got \(test)") }
        if let k, k < 1 { throw .invalidParameter("test \(test) needs K >= 1, got \(k)") }
        self.init(checkedTest: test, k: k)
    }

    /// A test already known to be in 1...8 (the presets below).
    init(checkedTest test: Int, k: Int? = nil) {
        self.test = test
        self.k = k ?? RunRule.defaultK[test - 1]
    }

    /// Minitab's default K for tests 1...8.
    public static let defaultK = [3, 9, 6, 14, 2, 4, 15, 8]
}

/// A set of run rules.
public struct RuleSet: Sendable, Hashable {
    public var rules: [RunRule]

    public init(_ rules: [RunRule]) { self.rules = rules }

    /// No rules at all (not even points beyond the limits).
    public static let none = RuleSet([])
    /// Minitab's default: test 1 only.
    public static let minitabDefault = RuleSet([RunRule(checkedTest: 1)])
    /// Nelson's eight tests with Minitab's K, numbered 1...8.
    public static let nelson = RuleSet((1...8).map { RunRule(checkedTest: $0) })
    /// The Western Electric rules (handbook rules 1-4: a point beyond 3 sigma, 2 of 3 beyond 2 sigma,
    /// 4 of 5 beyond 1 sigma, 8 in a row on one side) as the Nelson tests they are: 1, 5, 6 and 2
    /// with K = 3, 2, 4, 8, reported under those test numbers like every other rule.
    public static let westernElectric = RuleSet([
        RunRule(checkedTest: 1, k: 3), RunRule(checkedTest: 5, k: 2), RunRule(checkedTest: 6, k: 4), RunRule(checkedTest: 2, k: 8),
    ])

    /// Nelson tests by number, with Minitab's K unless `k` overrides some.
    /// - Throws: `SPCError.invalidParameter` for a number outside 1...8 or a K below 1.
    public static func tests(_ numbers: [Int], k: [Int: Int] = [:]) throws(SPCError) -> RuleSet {
        var rules: [RunRule] = []
        for number in numbers { rules.append(try RunRule(test: number, k: k[number])) }
        return RuleSet(rules)
    }

    /// Minitab's "perform all tests" set for a chart type: tests 1-8 for x̄ and individuals charts,
    /// tests 1-4 for R, S, MR and attribute charts, test 1 only for the rest.
    public static func minitabAll(for type: ChartType) -> RuleSet {
        switch type {
        case .xbar, .i: nelson
        case .r, .s, .mr, .p, .np, .c, .u, .laneyP, .laneyU: RuleSet((1...4).map { RunRule(checkedTest: $0) })
        default: minitabDefault
        }
    }

    /// The rules that apply to a chart type (test 1 only where zones mean nothing).
    public func applicable(to type: ChartType) -> RuleSet {
        type.supportsZoneTests ? self : RuleSet(rules.filter { $0.test == 1 })
    }
}
