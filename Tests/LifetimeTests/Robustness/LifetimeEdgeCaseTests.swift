import Testing
@testable import Lifetime
import RelmodelNumerics

/// Public lifetime entry points given inputs a caller can build but that make no sense, and the
/// budgets of the other iterative computations (issue 10, items 2 and 10).
@Suite struct LifetimeEdgeCaseTests {
    let nist = lifetimeDataset("nist_8_4_1_3_weibull_example.csv")

    @Test func bootstrapWithTooFewReplicatesOrNoTime() throws {
        let fit = try MaximumLikelihood.fit(.weibull2p, to: nist)
        let one = try #require(ParametricBootstrap(replicates: 1).run(fit, data: nist) { $0.parameters })
        #expect(one.notComputed == "a bootstrap needs at least 2 replicates, got 1")
        #expect(one.interval(0, confidence: 0.9).lower == nil)
        let timed = try #require(ParametricBootstrap(replicates: 50, seconds: 0).run(fit, data: nist) { $0.parameters })
        #expect(timed.notComputed?.hasPrefix("the time budget of 0.0 s was spent before the 50 replicates were done") == true)
        #expect(timed.interval(1, confidence: 0.9).notes == ["not computed: " + timed.notComputed!])
        // Counts that would make the replicates draw more than 10^10 units are refused before drawing.
        var huge = LifetimeData()
        try huge.addFailure(at: 1, count: 1e8)
        try huge.addFailure(at: 2, count: 1e8)
        let big = try MaximumLikelihood.fit(.exponential1p, to: huge)
        let refused = try #require(ParametricBootstrap(replicates: 1000).run(big, data: huge) { $0.parameters })
        #expect(refused.notComputed?.contains("would draw more than 10^10 units") == true)
    }

    @Test func bootstrapRefusesWhatItCannotDo() throws {
        let fit = try MaximumLikelihood.fit(.weibull2p, to: nist)
        let many = try #require(ParametricBootstrap(replicates: 2_000_000_000).run(fit, data: nist) { $0.parameters })
        #expect(many.notComputed == "at most 1000000 replicates, got 2000000000")
        var fractional = LifetimeData()
        for t in [10.0, 20, 30] { try fractional.addFailure(at: t, count: 2.5) }
        let partial = try MaximumLikelihood.fit(.weibull2p, to: fractional)
        let refused = try #require(ParametricBootstrap(replicates: 10).run(partial, data: fractional) { $0.parameters })
        #expect(refused.notComputed == "the bootstrap draws whole units, but a count is 2.5")
    }

    @Test func rankedUnitsAreCapped() throws {
        var data = LifetimeData()
        try data.addFailure(at: 10, count: 1e15)
        try data.addFailure(at: 20, count: 3)
        #expect(throws: NonparametricError.tooManyUnits(1e15 + 3)) { _ = try PlottingPositions.adjustedRanks(data) }
        #expect(throws: RankRegressionError.tooManyUnits(1e15 + 3)) { _ = try RankRegression.fit(.weibull2p, to: data, method: .rrx) }
    }

    @Test func progressCountsReplicates() throws {
        let fit = try MaximumLikelihood.fit(.weibull2p, to: nist)
        let reporter = ProgressReporter(label: "test") { _, _, _ in }
        _ = ParametricBootstrap(replicates: 64).run(fit, data: nist, progress: reporter) { $0.parameters }
        #expect(reporter.state == (64, 64))
    }

    @Test func turnbullStopsAndSaysWhy() throws {
        var data = LifetimeData()
        for (a, b) in [(1.0, 4.0), (2, 6), (3, 8), (5, 9), (0, 7), (6, 10)] { try data.addInterval(from: a, to: b) }
        try data.addSuspension(at: 7)
        let stopped = try Turnbull(data, seconds: 0)
        #expect(!stopped.converged && stopped.stoppedBy == "the time budget of 0.0 s was spent")
        let capped = try Turnbull(data, maxIterations: 1)
        #expect(!capped.converged && capped.stoppedBy == "the cap of 1 iterations was reached")
        #expect(try Turnbull(data).stoppedBy == nil)
        #expect(throws: NonparametricError.self) { _ = try Turnbull(data, tolerance: 0) }
        #expect(throws: NonparametricError.self) { _ = try Turnbull(data, maxIterations: 0) }
    }

    @Test func weibayesAndRankRegressionArguments() {
        for shape in [0.0, -1, .nan, .infinity] {
            #expect(throws: FitFailure.self) { _ = try Weibayes.fit(nist, shape: shape) }
        }
        #expect(throws: RankRegressionError.unsupportedMethod(.mle)) { _ = try RankRegression.fit(.weibull2p, to: nist, method: .mle) }
    }

    @Test func numericsArguments() {
        let search = Minimization.nelderMead(start: [1, 2], step: [0.1]) { $0.reduce(0, +) }
        #expect(!search.converged && search.value.isNaN && search.evaluations == 0)
        #expect(GaussLegendre.rule(order: 0).nodes.isEmpty)
    }
}

extension LifetimeEdgeCaseTests {
    /// One time limit for all bounds of an analysis: with none left, slow bounds are reported as not
    /// computed (and why), and the estimates themselves are unaffected.
    @Test func analysisTimeLimitCutsSlowBounds() throws {
        var options = LifetimeAnalysisOptions(families: [.gamma2p, .weibull2p], boundsMethod: .lr)
        options.boundsSeconds = 0
        let analysis = LifetimeAnalysis(data: nist, rows: 11, options: options)
        let gamma = try #require(analysis.outcomes.compactMap { outcome -> ModelSummary? in
            if case let .fitted(s) = outcome, s.fit.family == .gamma2p { return s }
            return nil
        }.first)
        #expect(gamma.parameterBounds.allSatisfy { $0.lower == nil && $0.upper == nil })
        #expect(gamma.fit.diagnostics.notes.contains { $0.contains("time limit for all bounds of this analysis (0 s) was reached") })
        let free = LifetimeAnalysis(data: nist, rows: 11, options: LifetimeAnalysisOptions(families: [.gamma2p], boundsMethod: .lr))
        guard case let .fitted(s) = free.outcomes[0] else { Issue.record("gamma2p not fitted"); return }
        #expect(s.parameterBounds.allSatisfy { $0.lower != nil && $0.upper != nil })
        #expect(s.fit.parameters == gamma.fit.parameters)
    }
}
