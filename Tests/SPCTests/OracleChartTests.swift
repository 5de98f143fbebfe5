import Testing
@testable import SPC

/// Published SPC values (the project's oracle list); tolerances are half a unit of the last printed digit.
@Suite("Oracle charts")
struct OracleChartTests {
    static func pistonRings() throws -> (SubgroupData, [Bool]) {
        let csv = TestCSV("piston_rings.csv")
        let data = try SubgroupData(longForm: csv.doubles("diameter"), subgroups: csv.strings("sample"))
        var phase: [String: Bool] = [:]
        for (s, p) in zip(csv.strings("sample"), csv.strings("phase")) { phase[s] = p == "I" }
        return (data, data.labels.map { phase[$0]! })
    }

    /// qcc `pistonrings` (Montgomery Table 6.3), phase I = subgroups 1-25, qcc's constants.
    @Test("piston rings: x̄-R and x̄-S phase I limits as qcc")
    func pistonRingLimits() throws {
        let (data, phaseI) = try Self.pistonRings()
        #expect(data.count == 40 && data.sizes.allSatisfy { $0 == 5 })
        let options = ChartOptions(constants: .table, phaseI: phaseI)
        let pair = try ChartPair.xbarR(data, options: options)
        #expect(close(pair.location.center, 74.001176, 5e-7))
        #expect(close(pair.dispersion.center, 0.02276, 5e-6))
        #expect(close(pair.location.sigma, 0.009785039, 5e-10))
        #expect(close(pair.location.lcl, 73.98805, 5e-6))
        #expect(close(pair.location.ucl, 74.01430, 5e-6))
        #expect(pair.dispersion.lcl == 0)
        #expect(close(pair.dispersion.ucl, 0.04812533, 5e-9))
        #expect(pair.location.points.filter { $0.phase == .estimation }.count == 25)
        #expect(pair.location.stages[0].estimationCount == 25)

        let s = try ChartPair.xbarS(data, options: options)
        #expect(close(s.dispersion.center, 0.009240037, 5e-10))
        #expect(close(s.location.sigma, 0.009829977, 5e-10))
        #expect(close(s.dispersion.ucl, 0.01930242, 5e-9))
    }

    /// qcc `process.capability` on the phase I x̄-R chart: spec 73.95-74.05, n = 125.
    @Test("piston rings: capability with chi-square (Cp) and Bissell (Cpk) intervals")
    func pistonRingCapability() throws {
        let (data, phaseI) = try Self.pistonRings()
        let pair = try ChartPair.xbarR(data, options: ChartOptions(constants: .table, phaseI: phaseI))
        let values = zip(data.values, phaseI).filter(\.1).flatMap(\.0)
        #expect(values.count == 125)
        let cap = try NormalCapability(values, withinSigma: pair.location.sigma!,
                                               specification: Specification(lsl: 73.95, usl: 74.05))
        #expect(close(cap.cp?.value, 1.703, 5e-4))
        #expect(close(cap.cp?.lower, 1.491, 5e-4))
        #expect(close(cap.cp?.upper, 1.915, 5e-4))
        #expect(close(cap.cpk.value, 1.663, 5e-4))
        #expect(close(cap.cpk.lower, 1.448, 5e-4))
        #expect(close(cap.cpk.upper, 1.878, 5e-4))
    }

    /// Montgomery Example 6.1 with the Appendix VI factors (A2 = 0.577, D4 = 2.114).
    @Test("hard-bake flow width: Montgomery Example 6.1")
    func hardbake() throws {
        let csv = TestCSV("hardbake_flow_width.csv")
        let data = try SubgroupData(longForm: csv.doubles("flow_width"), subgroups: csv.strings("sample"))
        let pair = try ChartPair.xbarR(data, options: ChartOptions(constants: .textbookFactors))
        #expect(close(pair.location.center, 1.5056, 5e-5))
        #expect(close(pair.dispersion.center, 0.32521, 5e-6))
        #expect(close(pair.location.ucl, 1.6933, 5e-5))
        #expect(close(pair.location.lcl, 1.3180, 5e-5))
        #expect(close(pair.dispersion.ucl, 0.68749, 5e-6))
        #expect(close(pair.location.sigma, 0.1398, 5e-5))
        let cap = try NormalCapability(data.values.flatMap { $0 }, withinSigma: pair.location.sigma!,
                                               specification: Specification(lsl: 1.0, usl: 2.0))
        #expect(close(cap.cp?.value, 1.192, 5e-4))
    }

    /// qcc `viscosity` individuals chart, phase I = batches 1-20 (d2(2) = 1.128).
    @Test("paint viscosity: individuals chart as qcc")
    func viscosity() throws {
        let csv = TestCSV("paint_viscosity.csv")
        let pair = try ChartPair.individuals(csv.doubles("viscosity"), labels: csv.strings("batch"),
                                                   options: ChartOptions(constants: .table, phaseI: csv.strings("phase").map { $0 == "I" }))
        #expect(close(pair.location.center, 34.088, 5e-4))
        #expect(close(pair.dispersion.center, 0.572632, 5e-7))
        #expect(close(pair.location.sigma, 0.5076521, 5e-8))
        #expect(close(pair.location.lcl, 32.56504, 5e-6))
        #expect(close(pair.location.ucl, 35.61096, 5e-6))
        #expect(pair.location.points.count == 35 && pair.dispersion.points.count == 34)
    }

    /// NIST/SEMATECH e-Handbook 6.3.2.2.
    @Test("NIST flow rate: individuals chart")
    func nistIndividuals() throws {
        let csv = TestCSV("nist_individuals_flow_rate.csv")
        let pair = try ChartPair.individuals(csv.doubles("flow_rate"), options: ChartOptions(constants: .table))
        #expect(close(pair.location.center, 50.81, 5e-3))
        #expect(close(pair.dispersion.center, 1.8778, 5e-5))
        #expect(close(pair.location.ucl, 55.8041, 5e-5))
        #expect(close(pair.location.lcl, 45.8159, 5e-5))
    }

    /// Montgomery Example 7.1 (p and np charts, n = 50, trial samples 1-30) and its revision without
    /// samples 15 and 23.
    @Test("orange juice: p and np charts, and the revised p chart")
    func orangeJuice() throws {
        let csv = TestCSV("orange_juice.csv")
        let data = try AttributeData(labels: csv.strings("sample"), counts: csv.doubles("nonconforming"), sizes: csv.doubles("size"))
        let phaseI = csv.strings("phase").map { $0 == "I" }
        let p = try ControlChart.p(data, options: ChartOptions(phaseI: phaseI))
        #expect(close(p.center, 0.2313333, 5e-8))
        #expect(close(p.lcl, 0.05242755, 5e-9))
        #expect(close(p.ucl, 0.4102391, 5e-8))
        let np = try ControlChart.np(data, options: ChartOptions(phaseI: phaseI))
        #expect(close(np.lcl, 2.621377, 5e-7))
        #expect(close(np.center, 11.56667, 5e-6))
        #expect(close(np.ucl, 20.51196, 5e-6))
        // Samples 15 and 23 (assignable causes) removed from the estimation.
        let revisedMask = zip(phaseI, csv.strings("sample")).map { $0 && $1 != "15" && $1 != "23" }
        let revised = try ControlChart.p(data, options: ChartOptions(phaseI: revisedMask))
        #expect(close(revised.center, 0.215, 5e-4))
        #expect(close(revised.lcl, 0.04070284, 5e-9))
        #expect(close(revised.ucl, 0.3892972, 5e-8))
        // The removed samples are still plotted (as phase II points) and are beyond the revised UCL.
        #expect(revised.points[14].phase == .monitoring && revised.points[14].signals == [1])
    }

    /// Montgomery Example 7.3, trial samples 1-26.
    @Test("circuit boards: c chart")
    func circuitBoards() throws {
        let csv = TestCSV("circuit_boards.csv")
        let data = try AttributeData(labels: csv.strings("sample"), counts: csv.doubles("defects"), sizes: csv.doubles("size"))
        let c = try ControlChart.c(data, options: ChartOptions(phaseI: csv.strings("phase").map { $0 == "I" }))
        #expect(close(c.center, 19.84615, 5e-6))
        #expect(close(c.lcl, 6.481447, 5e-7))
        #expect(close(c.ucl, 33.21086, 5e-6))
        #expect(c.stages[0].estimationCount == 26)
    }

    /// NIST/SEMATECH e-Handbook 6.3.2.4: λ = 0.3, target 50, s = 2.0539.
    @Test("NIST EWMA example")
    func nistEWMA() throws {
        let csv = TestCSV("nist_ewma_example.csv")
        let published = [50.60, 49.52, 50.56, 50.18, 50.16, 49.21, 49.75, 49.85, 50.26, 50.33,
                         50.11, 49.36, 49.52, 50.05, 49.38, 49.92, 50.73, 51.23, 51.94, 51.99]
        for exact in [false, true] {
            let chart = try ControlChart.ewma(csv.doubles("value"), lambda: 0.3, target: 50, sigma: 2.0539, exactLimits: exact)
            #expect(close(chart.ucl, 52.5884, 5e-5))
            #expect(close(chart.lcl, 47.41157, 5e-6))
            for (point, value) in zip(chart.points, published) { #expect(close(point.value, value, 5e-3)) }
            #expect(chart.signalledIndices.isEmpty)
        }
    }

    /// NIST/SEMATECH e-Handbook 6.3.2.3: target 325, k = 0.3175, h = 4.1959 in data units.
    @Test("NIST CUSUM example")
    func nistCUSUM() throws {
        let csv = TestCSV("nist_cusum_example.csv")
        let chart = try ControlChart.cusum(csv.doubles("mean_of_4"), target: 325, k: 0.3175, h: 4.1959, units: .data)
        let upper = [0, 0, 0, 0, 0.03, 0, 0, 0, 0, 0, 0, 0, 3.01, 4.94, 7.45, 10.63, 11.99, 14.445, 16.00, 19.035]
        let tolerance = [Double](repeating: 5e-3, count: 17) + [5e-4, 5e-3, 5e-4]
        for (i, (point, value)) in zip(chart.points, upper).enumerated() { #expect(close(point.value, value, tolerance[i]), "group \(i + 1)") }
        #expect(chart.signalledIndices == Array(13...19))
        #expect(chart.points.allSatisfy { ($0.lowerValue ?? 0) >= -4.1959 })
    }

    /// Montgomery Table 9.1: μ0 = 10, σ = 1, K = 0.5, H = 5 (sigma units).
    @Test("Montgomery Table 9.1 tabular CUSUM")
    func montgomeryCUSUM() throws {
        let csv = TestCSV("montgomery_cusum_table_9_1.csv")
        let chart = try ControlChart.cusum(csv.doubles("value"), target: 10, sigma: 1, k: 0.5, h: 5)
        for (period, value) in [(4, 1.16), (5, 2.82), (29, 5.28), (30, 5.30)] {
            #expect(close(chart.points[period - 1].value, value, 5e-3), "period \(period)")
        }
        #expect(chart.signalledIndices.first == 28)
    }
}
