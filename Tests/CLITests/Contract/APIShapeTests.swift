import Foundation
import Ingest
import Lifetime
import Qualification
import RelmodelJSON
import SPC
import Testing

/// docs/API.md's conventions, called as the page shows them: a change of shape fails to compile here.
/// Fits are `Estimator.fit(model, to: data)` and conform to `ModelFit`; other results are made by
/// their initializer from data and options, or by a static recipe where a type has several; every
/// result is `Sendable` and the printed ones are `JSONRepresentable`.
@Suite struct APIShapeTests {
    static func lifetime(_ name: String) throws -> LifetimeData {
        let path = LibraryCLIAgreementTests.root + "/datasets/lifetime/\(name).csv"
        return try LifetimeReader.read(try CSVTable.read(path: path), file: path).data
    }

    static func sendable<T: Sendable>(_ value: T) -> T { value }
    static func printed<T: JSONRepresentable & Sendable>(_ value: T) -> JSONValue { value.json }

    @Test func fitsShareOneShape() throws {
        let shock = try Self.lifetime("shock_absorber")
        let ic = try Self.lifetime("ic_lfp1370")
        let fits: [any ModelFit] = [
            try MaximumLikelihood.fit(.weibull2p, to: shock),
            try RankRegression.fit(.weibull2p, to: shock, method: .rrx).fit,
            try ParametricEstimation.fit(ChenDistribution(), to: shock),
            try DefectiveSubpopulation.fit(.weibull2p, to: ic),
            try NestedREML.fit(try NestedSample(values: [1, 2, 2, 4, 3, 5, 4, 7], labels: [["a", "a", "b", "b", "c", "c", "d", "d"],
                                                                                        ["1", "2", "1", "2", "1", "2", "1", "2"]],
                                                levels: ["lot", "reading"]), intervals: false),
        ]
        for fit in fits {
            #expect(fit.parameterNames.count == fit.parameters.count)
            #expect(fit.logLikelihood.isFinite && fit.diagnostics.converged)
            if let se = fit.standardErrors { #expect(se.count == fit.parameters.count) }
        }
    }

    @Test func resultsAreMadeByTheirTypes() throws {
        let shock = try Self.lifetime("shock_absorber")
        _ = Self.printed(LifetimeAnalysis(data: shock, rows: 38))
        _ = Self.printed(try KaplanMeier(shock))
        _ = Self.printed(try NelsonAalen(shock))
        let plan = try BurnInPlan(BurnInModel(life: .weibull(eta: 5000, beta: 0.5)), target: .hazardFIT(500), accelerationFactor: 20)
        #expect(Self.sendable(plan).stressHours.value > 0)
        var rows: [[Double]] = []
        for i in 0..<12 {
            var row: [Double] = []
            for j in 0..<3 { row.append(10 + 0.1 * Double((7 * i + 3 * j) % 5 - 2)) }
            rows.append(row)
        }
        let subgroups = try SubgroupData(labels: rows.indices.map { String($0 + 1) }, values: rows)
        let pair = try ChartPair.xbarR(subgroups)
        _ = Self.sendable(pair)
        _ = Self.printed(try ControlChart.ewma(subgroups.values.flatMap { $0 }, lambda: 0.2))
        _ = Self.printed(try BetweenWithinChart(subgroups))
        _ = Self.printed(try NormalCapability(subgroups.values.flatMap { $0 }, withinSigma: 0.15,
                                              specification: Specification(lsl: 9, usl: 11)))
        let baseline = try BaselineResult(.subgroups(subgroups), options: BaselineOptions(chart: .xbarR))
        _ = Self.printed(ChartSet(try ControlChart.phaseII(.subgroups(subgroups), limits: baseline.limits)))
    }
}
