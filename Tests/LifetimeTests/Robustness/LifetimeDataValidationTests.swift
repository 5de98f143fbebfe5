import Testing
@testable import Lifetime

/// Every way of adding an observation rejects what would break the data's invariants with a typed
/// error, and leaves the data as they were (issue 10: no public entry point traps on caller input).
@Suite struct LifetimeDataValidationTests {
    static let badTimes: [Double] = [-1, -0.0001, .nan, .infinity, -.infinity]
    static let badCounts: [Double] = [0, -1, .nan, .infinity]

    @Test func failuresAndSuspensionsRejectBadTimes() {
        for t in Self.badTimes {
            var data = LifetimeData()
            #expect(throws: LifetimeDataError.self) { try data.addFailure(at: t) }
            #expect(throws: LifetimeDataError.self) { try data.addSuspension(at: t) }
            #expect(data == LifetimeData())
        }
        var data = LifetimeData()
        #expect(throws: LifetimeDataError.invalidTime(.failure, -1)) { try data.addFailure(at: -1) }
        #expect(throws: LifetimeDataError.invalidTime(.suspension, -1)) { try data.addSuspension(at: -1) }
    }

    @Test func leftCensoringNeedsAPositiveTime() {
        var data = LifetimeData()
        for t in [0.0] + Self.badTimes {
            #expect(throws: LifetimeDataError.self) { try data.addLeftCensored(before: t) }
        }
        #expect(data.failureCount == 0)
    }

    @Test func intervalsMustBeOrderedAndFinite() {
        var data = LifetimeData()
        for (a, b) in [(5.0, 5.0), (6, 5), (-1, 5), (1, .infinity), (.nan, 2), (1, .nan)] {
            #expect(throws: LifetimeDataError.self) { try data.addInterval(from: a, to: b) }
        }
        #expect(data == LifetimeData())
    }

    @Test func countsMustBeFinitePositive() {
        var data = LifetimeData()
        for c in Self.badCounts {
            #expect(throws: LifetimeDataError.self) { try data.addFailure(at: 1, count: c) }
            #expect(throws: LifetimeDataError.self) { try data.addSuspension(at: 1, count: c) }
            #expect(throws: LifetimeDataError.self) { try data.addLeftCensored(before: 1, count: c) }
            #expect(throws: LifetimeDataError.self) { try data.addInterval(from: 1, to: 2, count: c) }
        }
        #expect(data == LifetimeData())
        #expect(data.unitCount == 0)
    }

    @Test func validObservationsAreKeptWithTheirTotals() throws {
        var data = LifetimeData()
        try data.addFailure(at: 0, count: 2)
        try data.addSuspension(at: 10, count: 3)
        try data.addInterval(from: 0, to: 5)          // stored as left censoring
        try data.addInterval(from: 5, to: 8, count: 4)
        #expect(data.failureCount == 7 && data.suspensionCount == 3 && data.unitCount == 10)
        #expect(data.leftCensoredTimes == [5] && data.intervalLowerTimes == [5])
    }

    @Test func messagesSayWhatWasExpected() {
        #expect(LifetimeDataError.invalidTime(.leftCensored, 0).description == "left-censoring time must be finite and > 0, got 0.0")
        #expect(LifetimeDataError.invalidCount(0).description == "a count must be finite and > 0, got 0.0")
    }

    @Test func appendingDataKeepsEveryObservation() throws {
        var a = LifetimeData(), b = LifetimeData()
        try a.addFailure(at: 1)
        try b.addSuspension(at: 2, count: 2)
        try b.addInterval(from: 3, to: 4)
        a.append(contentsOf: b)
        #expect(a.unitCount == 4 && a.failureCount == 2 && a.suspensionCount == 2)
        #expect(a.exactFailuresOnly.unitCount == 1)
    }

    /// The quantile is total: the ends of the support at 0 and 1, NaN outside.
    @Test func quantileIsTotal() {
        let weibull = LifetimeModel(family: .weibull3p, mu: 5, sigma: 0.5, threshold: 2)
        #expect(weibull.quantile(0) == 2)
        #expect(weibull.quantile(1) == .infinity)
        #expect(weibull.quantile(-0.1).isNaN && weibull.quantile(1.5).isNaN && weibull.quantile(.nan).isNaN)
        let normal = LifetimeModel(family: .normal, mu: 5, sigma: 1)
        #expect(normal.quantile(0) == -.infinity)
    }
}
