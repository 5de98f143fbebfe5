import Foundation
import Lifetime
import RelmodelNumerics
import Testing
@testable import RelmodelCLI

/// The general-core Weibull under a catalog-like name.
private struct CatalogWeibull: HazardFamily {
    var name: String { "test-weibull" }
    var parameters: [FamilyParameter] { WeibullHazard().parameters }
    var requiredDistinctFailures: Int { 2 }
    func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { WeibullHazard().logHazard(t, p) }
    func cumulativeHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { WeibullHazard().cumulativeHazard(t, p) }
    func startingValues(for sample: CensoredSample) -> [[Double]] { WeibullHazard().startingValues(for: sample) }
}

private struct CollapsingWeibull: HazardFamily {
    var name: String { "test-collapsing" }
    var parameters: [FamilyParameter] { WeibullHazard().parameters }
    var requiredDistinctFailures: Int { 2 }
    func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { WeibullHazard().logHazard(t, p) }
    func cumulativeHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T { WeibullHazard().cumulativeHazard(t, p) }
    func startingValues(for sample: CensoredSample) -> [[Double]] { WeibullHazard().startingValues(for: sample) }
    func degeneracy(_ p: [Double], sample: CensoredSample) -> String? { "a component collapsed onto one time (test)" }
}

/// `relmodel fit --dist NAME` for the special models of `FamilyCatalog`.
@Suite struct FitCatalogTests {
    private func comparison(_ families: [LifetimeFamily]) throws -> ModelComparison {
        var data = LifetimeData()
        for t in [54.0, 187, 216, 240, 244, 335, 361, 373, 375, 386] { try data.addFailure(at: t) }
        try data.addSuspension(at: 500, count: 10)
        let options = LifetimeAnalysisOptions(families: families, bLives: [10], times: [500])
        return ModelComparison(data: data, rows: 11, general: [CatalogWeibull(), CollapsingWeibull()], options: options)
    }

    /// The model object of a catalog family has the keys of the standard one.
    @Test func catalogModelObjectKeys() throws {
        let text = try comparison([.weibull2p]).json.serialized()
        let doc = try CLIRunner.json(text)
        let models = try #require(doc["models"] as? [[String: Any]])
        #expect(models.map { $0["distribution"] as? String } == ["weibull2p", "test-weibull", "test-collapsing"])
        #expect(doc["best"] as? String == "weibull2p")
        let general = models[1]
        for key in ["distribution", "method", "parameters", "standardErrors", "covariance", "bounds", "logLikelihood",
                    "aic", "aicc", "bic", "quantities", "converged", "diagnostics"] {
            #expect(general[key] != nil, "missing key \(key)")
        }
        let p = try #require(general["parameters"] as? [String: Double])
        #expect(abs(p["eta"]! - 606.52757) < 606.52757e-6 && abs(p["beta"]! - 1.7208) < 0.00005)
        let bounds = try #require(general["bounds"] as? [String: Any])
        #expect(bounds["method"] as? String == "fisher")
        #expect((bounds["eta"] as? [Double])?.count == 2)
        let q = try #require(general["quantities"] as? [String: Any])
        #expect((q["b10"] as? [String: Any])?["bounds"] is [Double])
        #expect(((q["reliability"] as? [String: Any])?["500"] as? [String: Any])?["value"] is Double)
        #expect(((q["hazard"] as? [String: Any])?["500"] as? [String: Any])?["value"] is Double)
        let diagnostics = try #require(general["diagnostics"] as? [String: Any])
        #expect(diagnostics["degenerate"] as? Bool == false)
        #expect(diagnostics["notes"] is [Any])
        // A degenerate fit: no parameter numbers, the reason in its notes, ranked last.
        let degenerate = models[2]
        #expect(degenerate["parameters"] is NSNull)
        #expect(degenerate["converged"] as? Bool == false)
        let d = try #require(degenerate["diagnostics"] as? [String: Any])
        #expect(d["degenerate"] as? Bool == true)
        #expect((d["notes"] as? [String])?.contains { $0.contains("collapsed onto one time") } == true)
        #expect((degenerate["quantities"] as? [String: Any])?.isEmpty == true)
    }

    @Test func catalogTextShowsNoNumbersForADegenerateFit() throws {
        let keys = LifetimeKeys(bLives: ["10"], times: ["500"], conditional: [], residualLifeAges: [])
        let text = ComparisonOutput.report(try comparison([]), keys: keys)
        #expect(text.contains("Best: test-weibull, Fisher-matrix bounds"))
        let line = try #require(text.split(separator: "\n").first { $0.contains("test-collapsing") && $0.contains("degenerate") })
        #expect(!line.contains("eta="))
        #expect(text.contains("test-collapsing: no interior maximum: a component collapsed onto one time (test)"))
    }

    @Test func componentsCSV() throws {
        let text = ComponentsCSV.text([ComponentAssignment(posteriors: [0.2, 0.8]), ComponentAssignment(posteriors: [0.9, 0.1])],
                                      observations: [.failure(time: 5, count: 1), .interval(lower: 2, upper: 7, count: 1)])
        #expect(text == "row,event,time,component,p1,p2\n1,failure,5,2,0.2,0.8\n2,interval,7,1,0.9,0.1\n")
    }

    @Test func unknownDistributionListsTheNames() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/shock_absorber.csv", "--dist", "weibul"])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("unknown distribution 'weibul'; available: weibull2p, weibull3p"))
        for name in FamilyCatalog.names { #expect(r.stderr.contains(name)) }
    }

    @Test func componentsNeedAMixture() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/shock_absorber.csv", "--dist", "weibull2p", "--components", "/tmp/c.csv"])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("--components needs a mixture model"))
    }

    /// End to end: chen on SYS2 (the oracle's reliaR values).
    @Test func chenEndToEnd() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/reliar_sys2_software_failures.csv", "--dist", "chen", "--dist", "weibull2p",
                                   "--b-life", "10", "--at", "100", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        let models = try #require(doc["models"] as? [[String: Any]])
        let chen = try #require(models.first { $0["distribution"] as? String == "chen" })
        let p = try #require(chen["parameters"] as? [String: Double])
        #expect(abs(p["beta"]! - 0.262282404) < 5e-9 && abs(p["lambda"]! - 0.007282371) < 5e-9)
        #expect(abs((chen["logLikelihood"] as! Double) + 594.486824) < 5e-6)
        #expect((chen["quantities"] as? [String: Any])?["b10"] != nil)
    }
}
