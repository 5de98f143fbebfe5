import Testing
#if canImport(Glibc)
import Glibc
#endif
import LinearAlgebra
import RelmodelNumerics
@testable import Lifetime

/// Every bathtub and competing-risk family: registered under its contract name, exact derivatives, and
/// tied readout data that end in an estimate, a flagged degenerate fit or a typed failure, never a crash.
@Suite struct BathtubRobustnessTests {
    static let names = ["chen", "modified-weibull", "weibull-extension", "exponential-power", "hjorth",
                        "additive-weibull", "weibull-exponential-weibull"]

    @Test func catalogHasTheContractNamesAndParameters() throws {
        for name in Self.names { #expect(FamilyCatalog.family(named: name)?.name == name) }
        #expect(try #require(FamilyCatalog.family(named: "modified-weibull")).parameterNames == ["a", "b", "lambda"])
        #expect(try #require(FamilyCatalog.family(named: "weibull-extension")).parameterNames == ["lambda", "alpha", "beta"])
        #expect(try #require(FamilyCatalog.family(named: "hjorth")).parameterNames == ["delta", "theta", "beta"])
        #expect(try #require(FamilyCatalog.family(named: "weibull-exponential-weibull")).parameterNames
                == ["eta1", "beta1", "lambda", "eta2", "beta2"])
        for family in FamilyCatalog.entries where Self.names.contains(family.name) { #expect(family is any BathtubHazard) }
    }

    /// The core's exact gradient and Hessian against central differences of the value, for every family,
    /// on data with every kind of censoring, at its first starting point.
    @Test(arguments: names)
    func derivativesMatchDifferencesOfTheValue(_ name: String) throws {
        let family = try #require(FamilyCatalog.family(named: name))
        try check(family)
    }

    func check<F: ParametricFamily>(_ family: F) throws {
        let sample = CensoredSample(try CoreEqualsFastPathTests.mixedCensoring())
        let likelihood = CensoredLogLikelihood(family: family, sample: sample)
        let start = try #require(family.startingValues(for: sample).first)
        let u = zip(family.parameters, start).map { $0.transform.unconstrained($1)! }
        let d = likelihood.derivatives(u)
        #expect(d.isFinite && d.value.isFinite)
        #expect(abs(d.value - likelihood.value(u)) < 1e-12 * abs(d.value))
        let h = 1e-5
        for i in u.indices {
            var plus = u, minus = u
            plus[i] += h
            minus[i] -= h
            let g = (likelihood.value(plus) - likelihood.value(minus)) / (2 * h)
            #expect(abs(d.gradient[i] - g) < 1e-6 * max(1, abs(g)), "\(family.name) gradient \(i): \(d.gradient[i]) vs \(g)")
            let gp = likelihood.derivatives(plus).gradient, gm = likelihood.derivatives(minus).gradient
            for j in u.indices {
                let difference = (gp[j] - gm[j]) / (2 * h)
                #expect(abs(d.hessian[i, j] - difference) < 1e-5 * max(1, abs(d.hessian[i, j])),
                        "\(family.name) Hessian \(i),\(j): \(d.hessian[i, j]) vs \(difference)")
            }
        }
    }

    /// Readout data: 20 failures found at each of 5 readouts, 200 survivors at the last one.
    static func readout(failuresAt times: [Double] = [24, 48, 96, 168, 500], survivorsAt last: Double = 500) throws -> LifetimeData {
        var data = LifetimeData()
        for t in times { try data.addFailure(at: t, count: 20) }
        try data.addSuspension(at: last, count: 200)
        return data
    }

    /// Every family on tied readout data: a typed `FitFailure`, or a fit that is either a verified
    /// maximum or flagged degenerate with its reason.
    @Test(arguments: names)
    func tiedReadoutDataGiveAnEstimateOrAFlaggedDegenerateFit(_ name: String) throws {
        let family = try #require(FamilyCatalog.family(named: name))
        for data in [try Self.readout(), try Self.readout(survivorsAt: 1000), try Self.readout(failuresAt: [24, 48, 96])] {
            do {
                let fit = try ParametricEstimation.fit(family, to: data)
                #expect(fit.logLikelihood.isFinite && fit.parameters.allSatisfy(\.isFinite), "\(name): \(fit.parameters)")
                if fit.diagnostics.degenerate {
                    #expect(!fit.diagnostics.converged)
                    #expect(fit.diagnostics.notes.contains { $0.contains("no interior maximum") })
                } else if fit.diagnostics.converged {
                    #expect(fit.diagnostics.hessianNegativeDefinite)
                }
            } catch {
                #expect(data.failureTimes.count < family.requiredDistinctFailures, "\(name): \(error)")
            }
        }
    }

    /// Where the survivors are censored at the last readout, the wear-out component of the competing-risk
    /// families can collapse onto the failures found there (beta -> infinity, the likelihood unbounded):
    /// flagged, not reported as an estimate.
    @Test(arguments: ["additive-weibull", "weibull-exponential-weibull"])
    func collapseOntoTheLastReadoutIsFlagged(_ name: String) throws {
        let family = try #require(FamilyCatalog.family(named: name))
        let fit = try ParametricEstimation.fit(family, to: try Self.readout())
        #expect(fit.diagnostics.degenerate, "\(name): \(fit.parameters) \(fit.diagnostics.notes)")
    }

    /// Too few distinct failure times for the family: the typed failure.
    @Test func tooFewDistinctTimesThrow() throws {
        let data = try Self.readout(failuresAt: [24, 48])
        #expect(throws: FitFailure.tooFewDistinctFailures(found: 2, required: 3)) {
            try ParametricEstimation.fit(HjorthDistribution(), to: data)
        }
        #expect(throws: FitFailure.tooFewDistinctFailures(found: 2, required: 5)) {
            try ParametricEstimation.fit(WeibullExponentialWeibullDistribution(), to: data)
        }
    }
}
