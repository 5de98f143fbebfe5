#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import Lifetime
import RelmodelNumerics

/// The general-core Weibull under another name, as a catalog family would be.
struct RenamedWeibull: HazardFamily {
    var name: String { "test-weibull" }
    var parameters: [FamilyParameter] { WeibullHazard().parameters }
    var requiredDistinctFailures: Int { 2 }
    func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { WeibullHazard().logHazard(t, p) }
    func cumulativeHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { WeibullHazard().cumulativeHazard(t, p) }
    func startingValues(for sample: CensoredSample) -> [[Double]] { WeibullHazard().startingValues(for: sample) }
}

/// A family that always reports a degenerate estimate (stands in for a mixture collapsing on a time).
struct AlwaysDegenerate: HazardFamily {
    var name: String { "test-degenerate" }
    var parameters: [FamilyParameter] { WeibullHazard().parameters }
    var requiredDistinctFailures: Int { 2 }
    func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { WeibullHazard().logHazard(t, p) }
    func cumulativeHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { WeibullHazard().cumulativeHazard(t, p) }
    func startingValues(for sample: CensoredSample) -> [[Double]] { WeibullHazard().startingValues(for: sample) }
    func degeneracy(_ p: [Double], sample: CensoredSample) -> String? { "a component collapsed onto one time (test)" }
}

/// A two-component exponential mixture, S = w e^(-t/a) + (1 - w) e^(-t/b), adopting `ComponentPosteriors`
/// as the mixture families will.
struct ExponentialMixture2: ParametricFamily, ComponentPosteriors {
    var name: String { "test-exponential-mixture2" }
    var parameters: [FamilyParameter] { [FamilyParameter("p1", .logit), FamilyParameter("theta1", .log), FamilyParameter("theta2", .log)] }
    var componentCount: Int { 2 }
    private func logAdd<T: LikelihoodScalar>(_ a: T, _ b: T) -> T {
        a.value > b.value ? a + T.log1p(T.exp(b - a)) : b + T.log1p(T.exp(a - b))
    }
    func logDensity<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        logAdd(T.log(p[0]) - T.log(p[1]) - t / p[1], T.log1p(-p[0]) - T.log(p[2]) - t / p[2])
    }
    func logSurvival<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { logAdd(T.log(p[0]) - t / p[1], T.log1p(-p[0]) - t / p[2]) }
    func startingValues(for sample: CensoredSample) -> [[Double]] { [[0.5, 1, 10]] }
    func posteriors(_ observation: LifetimeObservation, _ p: [Double]) -> [Double] {
        let w = [p[0], 1 - p[0]], theta = [p[1], p[2]]
        func term(_ j: Int) -> Double {
            let scale: Double = theta[j]
            switch observation {
            case let .failure(t, _): return w[j] * Double.exp(-t / scale) / scale
            case let .suspension(t, _): return w[j] * Double.exp(-t / scale)
            case let .leftCensored(t, _): return w[j] * -Double.expm1(-t / scale)
            case let .interval(a, b, _): return w[j] * (Double.exp(-a / scale) - Double.exp(-b / scale))
            }
        }
        let terms: [Double] = [term(0), term(1)]
        let total = terms.reduce(0, +)
        return terms.map { $0 / total }
    }
}

@Suite struct ModelComparisonTests {
    /// A general-core family ranked with the standard ones: the general Weibull equals the fast path,
    /// so it takes the standard Weibull's place (NIST 8.4.1.3: Weibull AIC 154.27 before lognormal 154.39).
    @Test func generalAndStandardFamiliesRankTogether() throws {
        let data = lifetimeDataset("nist_8_4_1_3_weibull_example.csv")
        var options = LifetimeAnalysisOptions(families: [.lognormal2p, .weibull2p], bLives: [10], times: [500])
        options.conditional = [(age: 100, duration: 200)]
        let comparison = ModelComparison(data: data, rows: 11, general: [RenamedWeibull(), AlwaysDegenerate()], options: options)
        #expect(comparison.ranked.map(\.name) == ["weibull2p", "test-weibull", "lognormal2p", "test-degenerate"])
        #expect(comparison.best?.name == "weibull2p")
        guard case let .general(.fitted(general)) = comparison.ranked[1], case let .standard(.fitted(standard)) = comparison.ranked[0] else {
            Issue.record("unexpected ranking")
            return
        }
        #expect(relativelyClose(general.fit.parameters[0], 606.52757, 1e-6))
        #expect(close(general.fit.aic, standard.fit.aic, 1e-8))
        // The same Fisher bounds as the fast path (the same scales: ln eta, ln beta, ln(-ln R), ln t).
        for (a, b) in zip(general.parameterBounds, standard.parameterBounds) {
            #expect(relativelyClose(a.lower!, b.lower!, 1e-6) && relativelyClose(a.upper!, b.upper!, 1e-6))
        }
        let pairs = [(general.bLives[0].estimate, standard.bLives[0].estimate), (general.reliabilities[0].estimate, standard.reliabilities[0].estimate),
                     (general.hazards[0].estimate, standard.hazards[0].estimate)]
        for (a, b) in pairs {
            #expect(relativelyClose(a.value, b.value, 1e-7))
            #expect(relativelyClose(a.bounds.lower!, b.bounds.lower!, 1e-5) && relativelyClose(a.bounds.upper!, b.bounds.upper!, 1e-5))
        }
        let c = general.conditionalReliabilities[0].estimate, cs = standard.conditionalReliabilities[0].estimate
        #expect(relativelyClose(c.value, cs.value, 1e-8))
        #expect(relativelyClose(c.bounds.lower!, cs.bounds.lower!, 1e-5) && relativelyClose(c.bounds.upper!, cs.bounds.upper!, 1e-5))
        // A degenerate fit is never ranked above a proper one, and says why.
        guard case let .general(.fitted(degenerate)) = comparison.ranked[3] else { Issue.record("no degenerate entry"); return }
        #expect(degenerate.fit.diagnostics.degenerate && !degenerate.fit.diagnostics.converged)
        #expect(degenerate.fit.diagnostics.notes.contains { $0.contains("collapsed onto one time") })
    }

    /// With `--bounds lr` a catalog family's parameters, B-lives and reliability get likelihood-ratio
    /// bounds, equal to the standard Weibull's profiles (NIST, 90 %).
    @Test func likelihoodRatioBoundsForGeneralFamilies() throws {
        let data = lifetimeDataset("nist_8_4_1_3_weibull_example.csv")
        let options = LifetimeAnalysisOptions(families: [.weibull2p], boundsMethod: .lr, confidence: 0.9, bLives: [10], times: [400])
        let comparison = ModelComparison(data: data, rows: 2, general: [RenamedWeibull()], options: options)
        guard case let .fitted(general)? = comparison.general.first,
              case let .fitted(standard)? = comparison.standard?.outcomes.first else { Issue.record("not fitted"); return }
        let a = general.bLives[0].estimate.bounds, b = standard.bLives[0].estimate.bounds
        #expect(relativelyClose(try #require(a.lower), try #require(b.lower), 1e-6))
        #expect(relativelyClose(try #require(a.upper), try #require(b.upper), 1e-6))
        let r = general.reliabilities[0].estimate.bounds, rs = standard.reliabilities[0].estimate.bounds
        #expect(relativelyClose(try #require(r.lower), try #require(rs.lower), 1e-6))
        #expect(relativelyClose(try #require(r.upper), try #require(rs.upper), 1e-6))
        #expect(general.fit.diagnostics.notes.contains { $0.contains("hazard and conditional reliability") })
    }

    @Test func generalFamiliesAloneAndFailures() throws {
        var data = LifetimeData()
        try data.addFailure(at: 5)
        try data.addSuspension(at: 9)
        let comparison = ModelComparison(data: data, rows: 2, general: [RenamedWeibull()], options: LifetimeAnalysisOptions(families: []))
        #expect(comparison.standard == nil)
        #expect(comparison.best == nil)
        guard case let .general(.failed(name, failure)) = comparison.ranked[0] else { Issue.record("expected a failure"); return }
        #expect(name == "test-weibull" && failure == .tooFewDistinctFailures(found: 1, required: 2))
    }

    @Test func componentAssignmentsFromPosteriors() throws {
        var data = LifetimeData()
        for t in [0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.2] { try data.addFailure(at: t) }
        for t in [15.0, 22, 31, 40, 55, 70] { try data.addFailure(at: t) }
        let fit = try ParametricEstimation.fit(ExponentialMixture2(), to: data, starts: [[0.5, 0.5, 40]])
        let rows: [LifetimeObservation] = [.failure(time: 0.2, count: 1), .failure(time: 50, count: 1), .suspension(time: 100, count: 1)]
        let assigned = try #require(ComponentAssignment.assign(fit, to: rows))
        let short = fit.parameters[1] < fit.parameters[2] ? 0 : 1
        #expect(assigned.map(\.component) == [short, 1 - short, 1 - short])
        for a in assigned { #expect(close(a.posteriors.reduce(0, +), 1, 1e-12)) }
        let plain = try ParametricEstimation.fit(RenamedWeibull(), to: data)
        #expect(ComponentAssignment.assign(plain, to: rows) == nil)
        #expect(ComponentAssignment(posteriors: [.nan, .nan]).component == nil)
    }
}
