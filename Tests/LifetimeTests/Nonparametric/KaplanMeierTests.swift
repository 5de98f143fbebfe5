import Lifetime
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// z_{0.975} = 1.959963984540054 (standard normal quantile; Abramowitz and Stegun 26.2, to 16 digits).
let z975 = 1.959963984540054

/// Failures 3 (x1), 7 (x2, one row with count 2), 11 (x1); suspensions 5, 7, 9, 12: N = 8 units.
/// The suspension at 7 ties with the failures at 7 and, failures first, is at risk there.
func smallCase() throws -> LifetimeData {
    var d = LifetimeData()
    try d.addFailure(at: 3)
    try d.addSuspension(at: 5)
    try d.addFailure(at: 7, count: 2)
    try d.addSuspension(at: 7)
    try d.addSuspension(at: 9)
    try d.addFailure(at: 11)
    try d.addSuspension(at: 12)
    return d
}

@Suite struct KaplanMeierTests {
    // By hand:
    //   t = 3:  n = 8 (everyone),                 d = 1, S = 7/8
    //   t = 7:  n = 6 (7, 7, 7+, 9+, 11, 12+),    d = 2, S = 7/8 * 4/6 = 7/12
    //   t = 11: n = 2 (11, 12+),                  d = 1, S = 7/12 * 1/2 = 7/24
    // Greenwood sums g = sum d / (n (n - d)):
    //   1/(8*7) = 1/56;  1/56 + 2/(6*4) = 1/56 + 1/12 = 17/168;  17/168 + 1/(2*1) = 101/168.
    @Test func productLimitByHand() throws {
        let km = try KaplanMeier(smallCase())
        #expect(km.unitCount == 8)
        #expect(km.steps.map(\.time) == [3, 7, 11])
        #expect(km.steps.map(\.atRisk) == [8, 6, 2])
        #expect(km.steps.map(\.failures) == [1, 2, 1])
        let s = [7.0 / 8, 7.0 / 12, 7.0 / 24]
        let g = [1.0 / 56, 17.0 / 168, 101.0 / 168]
        for j in 0..<3 {
            let step = km.steps[j]
            #expect(relativelyClose(step.survival, s[j], 1e-15))
            #expect(relativelyClose(step.greenwoodSum, g[j], 1e-15))
            // Var S = S^2 g.
            let se = s[j] * g[j].squareRoot()
            #expect(relativelyClose(try #require(step.standardError), se, 1e-14))
            // Plain: S -/+ z SE, clipped to [0, 1].
            #expect(relativelyClose(try #require(step.plainBounds.lower), max(0, s[j] - z975 * se), 1e-12))
            #expect(relativelyClose(try #require(step.plainBounds.upper), min(1, s[j] + z975 * se), 1e-12))
            // Log-log: S^exp(+-z sqrt(g) / |ln S|).
            let w = z975 * g[j].squareRoot() / -log(s[j])
            #expect(relativelyClose(try #require(step.logLogBounds.lower), pow(s[j], exp(w)), 1e-12))
            #expect(relativelyClose(try #require(step.logLogBounds.upper), pow(s[j], exp(-w)), 1e-12))
        }
        // Plain lower bound at t = 11 is clipped: 7/24 - 1.96 * 7/24 * sqrt(101/168) = -0.152 < 0.
        #expect(km.steps[2].plainBounds.lower == 0)
        // Step function: 1 before the first failure, right-continuous.
        #expect(km.survival(at: 2.9) == 1)
        #expect(km.survival(at: 3) == 7.0 / 8)
        #expect(relativelyClose(km.survival(at: 10), s[1], 1e-15))
        #expect(relativelyClose(km.survival(at: 100), s[2], 1e-15))
    }

    // Log-log bounds at t = 3 written out: S = 0.875, sqrt(g) = sqrt(1/56) = 0.133631, |ln S| = 0.133531;
    // w = 1.959964 * 0.1336306 / 0.1335314 = 1.961420; lower = 0.875^exp(1.961420) = 0.875^7.109418 = 0.387000,
    // upper = 0.875^exp(-1.961420) = 0.875^0.1406585 = 0.981393 (R: survfit(conf.type = "log-log") formula).
    @Test func logLogBoundsAtFirstFailure() throws {
        let step = try KaplanMeier(smallCase()).steps[0]
        #expect(close(try #require(step.logLogBounds.lower), 0.387000, 5e-7))
        #expect(close(try #require(step.logLogBounds.upper), 0.981393, 5e-7))
    }

    @Test func confidenceLevelMovesTheBounds() throws {
        // z_{0.95} = 1.6448536269514722 for a 90% two-sided interval.
        let step = try KaplanMeier(smallCase(), confidence: 0.90).steps[1]
        let se = 7.0 / 12 * (17.0 / 168).squareRoot()
        #expect(relativelyClose(try #require(step.plainBounds.lower), 7.0 / 12 - 1.6448536269514722 * se, 1e-12))
    }

    // When the last unit at risk fails, S = 0 and Greenwood's d/(n(n - d)) is infinite: no standard
    // error and no bounds, rather than a degenerate [0, 0].
    @Test func survivalZeroHasNoStandardError() throws {
        var d = LifetimeData()
        try d.addFailure(at: 1)
        try d.addFailure(at: 2)
        let km = try KaplanMeier(d)
        #expect(km.steps.map(\.survival) == [0.5, 0])
        #expect(km.steps[1].standardError == nil)
        #expect(km.steps[1].plainBounds == ConfidenceInterval(lower: nil, upper: nil))
        #expect(km.steps[1].logLogBounds == ConfidenceInterval(lower: nil, upper: nil))
        #expect(km.steps[1].greenwoodSum == .infinity)
    }

    @Test func noFailuresGiveNoSteps() throws {
        var d = LifetimeData()
        try d.addSuspension(at: 5, count: 3)
        let km = try KaplanMeier(d)
        #expect(km.steps.isEmpty)
        #expect(km.survival(at: 10) == 1)
    }

    @Test func leftAndIntervalCensoredDataAreRejected() throws {
        var d = try smallCase()
        try d.addLeftCensored(before: 4, count: 2)
        try d.addInterval(from: 4, to: 6)
        #expect(throws: NonparametricError.censoringNotSupported(method: "Kaplan-Meier", leftCensored: 2, intervalCensored: 1)) {
            try KaplanMeier(d)
        }
        let message = NonparametricError.censoringNotSupported(method: "Kaplan-Meier", leftCensored: 2, intervalCensored: 1).description
        #expect(message.contains("2 left-censored and 1 interval-censored"))
        #expect(message.contains("Turnbull"))
        #expect(throws: NonparametricError.noUnits) { try KaplanMeier(LifetimeData()) }
        #expect(throws: NonparametricError.invalidConfidence(1)) { try KaplanMeier(smallCase(), confidence: 1) }
    }

    // NIST 8.4.1.3 data: 10 failures before the 10 suspensions at 500, so S(t_i) = (20 - i) / 20.
    @Test func nistExample() throws {
        let km = try KaplanMeier(lifetimeDataset("nist_8_4_1_3_weibull_example.csv"))
        #expect(km.steps.count == 10)
        for (i, step) in km.steps.enumerated() {
            #expect(relativelyClose(step.survival, Double(19 - i) / 20, 1e-15))
            #expect(step.atRisk == Double(20 - i))
        }
    }
}
