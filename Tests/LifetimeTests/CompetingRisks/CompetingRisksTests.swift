import Foundation
import Ingest
import Testing
@testable import Lifetime

/// Loads a `time,event,count,mode` file from datasets/lifetime with a simple parser independent of Ingest.
private func modeDataset(_ name: String) -> FailureModeData {
    var data = FailureModeData()
    for line in readText(packageRoot + "/datasets/lifetime/" + name).split(whereSeparator: \.isNewline).dropFirst() {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let t = Double(f[0])!, count = Double(f[2])!
        if f[1] == "1" { try! data.addFailure(at: t, count: count, mode: f[3]) } else { try! data.addSuspension(at: t, count: count) }
    }
    return data
}

private func parameters(_ analysis: CompetingRisksAnalysis, _ mode: String) -> (fit: LifetimeFit, eta: Double, beta: Double)? {
    guard let m = analysis.modes.first(where: { $0.name == mode }), case let .standard(.fitted(s)) = m.model else { return nil }
    return (s.fit, s.fit.parameters[0], s.fit.parameters[1])
}

/// Competing risks with known modes against the oracle REF values (two maximum-likelihood codes) and
/// the Fisher bounds of scripts/reference/competing_risks_bounds.py (SciPy/mpmath, natural parameters).
@Suite struct CompetingRisksTests {
    @Test func shockAbsorberModesAndSeriesSystem() throws {
        let data = modeDataset("shock_absorber.csv")
        #expect(data.modes == ["Mode1", "Mode2"])
        let options = LifetimeAnalysisOptions(bLives: [10], times: [10000, 20000])
        let analysis = CompetingRisksAnalysis(data: data, rows: 38, options: options)
        #expect(analysis.units == 38 && analysis.failures == 11 && analysis.suspensions == 27)
        #expect(analysis.failuresByMode == [7, 4])
        let m1 = try #require(parameters(analysis, "Mode1")), m2 = try #require(parameters(analysis, "Mode2"))
        #expect(relativelyClose(m1.eta, 31205.797937, 1e-9) && close(m1.beta, 3.383946, 5e-7))
        #expect(close(m1.fit.logLikelihood, -81.497976, 5e-7))
        #expect(relativelyClose(m2.eta, 40865.861222, 1e-9) && close(m2.beta, 2.822211, 5e-7))
        #expect(close(m2.fit.logLikelihood, -49.636145, 5e-7))

        let combined = try #require(analysis.combined)
        #expect(analysis.combinedUnavailable == nil)
        let r10 = combined.reliabilities[0].estimate, r20 = combined.reliabilities[1].estimate
        #expect(close(r10.value, 0.960714, 5e-7) && close(r20.value, 0.701156, 5e-7))
        // R(t) is the product of the modes' reliabilities.
        #expect(relativelyClose(r20.value, m1.fit.model.reliability(20000) * m2.fit.model.reliability(20000), 1e-14))
        // Fisher bounds on ln(-ln R), block-diagonal covariance: the SciPy reference.
        #expect(relativelyClose(try #require(r20.bounds.lower), 0.521436060135, 1e-6))
        #expect(relativelyClose(try #require(r20.bounds.upper), 0.824017422481, 1e-6))
        #expect(relativelyClose(try #require(r10.bounds.lower), 0.867138027261, 1e-6))
        #expect(relativelyClose(try #require(r10.bounds.upper), 0.988795730352, 1e-6))
        let b10 = combined.bLives[0].estimate
        #expect(relativelyClose(b10.value, 13614.9406317, 1e-9))
        #expect(relativelyClose(try #require(b10.bounds.lower), 10220.1747455, 1e-6))
        #expect(relativelyClose(try #require(b10.bounds.upper), 18137.3227974, 1e-6))
        // F(t) of the system and of each mode, as the plot draws them: F = 1 - R, and the system's F at its
        // B10 is 0.10.
        #expect(abs(combined.system.unreliability(b10.value) - 0.1) < 1e-12)
        #expect(abs(combined.system.unreliability(20000) - (1 - r20.value)) < 1e-14)
        for fit in combined.system.fits {
            #expect(abs(fit.unreliability(20000) - (1 - Foundation.exp(fit.logReliability(20000)))) < 1e-15)
            #expect(fit.probabilityScale == .weibull)
        }
        let h20 = combined.hazards[1].estimate
        #expect(relativelyClose(h20.value, 5.63308502895e-5, 1e-8))
        #expect(relativelyClose(try #require(h20.bounds.lower), 2.87587299507e-5, 1e-6))
        #expect(relativelyClose(try #require(h20.bounds.upper), 0.000110337441875, 1e-6))
    }

    /// The same modes through the general core (`WeibullHazard`, parametrised in ln eta and ln beta
    /// rather than mu and ln sigma): the same estimates, and, the delta method being invariant under
    /// reparametrisation, the same Fisher bounds of the series system (the SciPy reference above).
    @Test func shockAbsorberThroughTheGeneralCore() throws {
        let data = modeDataset("shock_absorber.csv")
        let options = LifetimeAnalysisOptions(bLives: [10], times: [10000, 20000])
        let analysis = CompetingRisksAnalysis(data: data, rows: 38, general: WeibullHazard(), options: options)
        #expect(analysis.familyName == WeibullHazard().name)
        guard case let .general(.fitted(m1))? = analysis.modes.first?.model else { Issue.record("mode 1 not fitted"); return }
        #expect(relativelyClose(m1.fit.parameters[0], 31205.797937, 1e-7) && close(m1.fit.parameters[1], 3.383946, 5e-6))
        let combined = try #require(analysis.combined)
        let r20 = combined.reliabilities[1].estimate, b10 = combined.bLives[0].estimate, h20 = combined.hazards[1].estimate
        #expect(close(r20.value, 0.701156, 5e-7))
        #expect(relativelyClose(try #require(r20.bounds.lower), 0.521436060135, 1e-5))
        #expect(relativelyClose(try #require(r20.bounds.upper), 0.824017422481, 1e-5))
        #expect(relativelyClose(b10.value, 13614.9406317, 1e-7))
        #expect(relativelyClose(try #require(b10.bounds.lower), 10220.1747455, 1e-5))
        #expect(relativelyClose(try #require(b10.bounds.upper), 18137.3227974, 1e-5))
        #expect(relativelyClose(try #require(h20.bounds.upper), 0.000110337441875, 1e-5))
    }

    /// A special model per mode (a defective subpopulation): each mode's fit is the general core's fit
    /// of that mode's data, and the series system multiplies their reliabilities.
    @Test func defectiveSubpopulationPerMode() throws {
        let data = modeDataset("doganaksoy_voltage_two_modes.csv")
        let family = DefectiveSubpopulationFamily.weibull
        let analysis = CompetingRisksAnalysis(data: data, rows: 58, general: family,
                                              options: LifetimeAnalysisOptions(bLives: [10], times: [300]))
        var direct: [ParametricFit] = []
        for (k, mode) in analysis.modes.enumerated() {
            let fit = try ParametricEstimation.fit(family, to: data.data(forMode: data.modes[k]))
            direct.append(fit)
            guard case let .general(.fitted(s)) = mode.model else { Issue.record("mode \(mode.name) not fitted"); continue }
            #expect(s.fit.parameters == fit.parameters && s.fit.logLikelihood == fit.logLikelihood)
        }
        if let combined = analysis.combined {
            let r = combined.reliabilities[0].estimate.value
            #expect(relativelyClose(r, direct.map { $0.reliability(300) }.reduce(1, *), 1e-12))
        } else {
            // A mode whose defective fraction runs to 1 has no interior maximum: said, not combined.
            #expect(analysis.combinedUnavailable != nil)
        }
    }

    @Test func doganaksoyModes() throws {
        let data = modeDataset("doganaksoy_voltage_two_modes.csv")
        let analysis = CompetingRisksAnalysis(data: data, rows: 58, options: LifetimeAnalysisOptions(bLives: [10]))
        let e = try #require(parameters(analysis, "E")), d = try #require(parameters(analysis, "D"))
        #expect(close(e.eta, 1170.18, 0.005) && close(e.beta, 0.63537, 5e-6))
        #expect(close(d.eta, 344.297, 5e-4) && close(d.beta, 5.60201, 5e-6))
        let b10 = try #require(analysis.combined).bLives[0].estimate
        #expect(relativelyClose(b10.value, 33.8878085689, 1e-8))
        #expect(relativelyClose(try #require(b10.bounds.lower), 11.3472820987, 1e-6))
        #expect(relativelyClose(try #require(b10.bounds.upper), 101.203403565, 1e-6))
    }

    /// Each mode's data: its own failures, the other modes' failures and the survivors as suspensions.
    @Test func modeDataTreatOtherModesAsSuspensions() throws {
        var data = FailureModeData()
        try data.addFailure(at: 5, mode: "A")
        try data.addFailure(at: 7, count: 2, mode: "B")
        try data.addSuspension(at: 9, count: 3)
        let a = data.data(forMode: "A")
        #expect(a.failureTimes == [5] && a.suspensionTimes == [7, 9] && a.suspensionCounts == [2, 3])
        #expect(data.data(forMode: "B").failureCount == 2)
        #expect(data.allModes.failureCount == 3 && data.allModes.suspensionCount == 3)
        #expect(throws: LifetimeDataError.self) { try data.addFailure(at: -1, mode: "A") }
    }

    @Test func aModeThatCannotBeFittedLeavesNoCombinedQuantities() throws {
        var data = FailureModeData()
        for t in [3.0, 5, 8, 13] { try data.addFailure(at: t, mode: "A") }
        try data.addFailure(at: 6, mode: "B")
        try data.addSuspension(at: 20, count: 4)
        let analysis = CompetingRisksAnalysis(data: data, rows: 6, options: LifetimeAnalysisOptions(times: [5]))
        #expect(analysis.combined == nil)
        #expect(analysis.combinedUnavailable?.contains("mode B could not be fitted") == true)
    }

    @Test func readerTakesModesFromTheirColumn() throws {
        let table = try CSVTable.parse(bytes: Array("time,event,mode\n5,1,A\n7,1, B \n9,0,\n".utf8), name: "m.csv")
        let input = try LifetimeReader.readFailureModes(table, mode: "mode")
        #expect(input.data.modes == ["A", "B"])
        #expect(input.rows == 3)
        #expect(input.usedColumns.map(\.role) == ["time", "event", "mode"])
    }

    @Test(arguments: [
        ("time,event,mode\n5,1,A\n7,1,\n", "m.csv:3: column 'mode' (3): expected the failure mode of a failure, found an empty field"),
        ("time,event,mode\n5,1,A\n7,0,A\n", "m.csv:3: column 'mode' (3): expected an empty field for a suspension (it has not failed of any mode), found \"A\""),
        ("time,event\n5,1\n", "no 'mode' column with the failure modes; the header has: time, event"),
        ("start,end,mode\n1,5,A\n", "m.csv:2: column 'start' (1): competing risks with known modes need exact failure times"),
    ])
    func readerErrors(text: String, message: String) throws {
        let table = try CSVTable.parse(bytes: Array(text.utf8), name: "m.csv")
        do {
            _ = try LifetimeReader.readFailureModes(table, mode: "mode")
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
            #expect(error.kind == .data)
        }
    }
}
