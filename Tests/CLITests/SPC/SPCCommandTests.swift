import Foundation
import Testing

/// `relmodel spc ...` end to end: the JSON contract, oracle numbers, and bad input with exit codes.
@Suite struct SPCCommandTests {
    static func charts(_ arguments: [String]) throws -> [[String: Any]] {
        let r = try CLIRunner.run(arguments + ["--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        return try #require(doc["charts"] as? [[String: Any]])
    }

    /// qcc `pistonrings`, phase I = subgroups 1-25 (Montgomery Table 6.3).
    @Test func pistonRingsPhaseI() throws {
        let base = ["spc", "xbar-r", "datasets/spc/piston_rings.csv", "--value", "diameter", "--subgroup", "sample", "--phase", "phase"]
        let charts = try Self.charts(base)
        #expect(charts.map { $0["type"] as? String } == ["xbar", "r"])
        let xbar = charts[0]
        for key in ["type", "center", "lcl", "ucl", "sigma", "points"] { #expect(xbar[key] != nil, "missing \(key)") }
        #expect(abs((xbar["center"] as! Double) - 74.001176) < 5e-7)
        #expect(abs((xbar["lcl"] as! Double) - 73.98805) < 5e-6)
        #expect(abs((xbar["ucl"] as! Double) - 74.01430) < 5e-6)
        let points = try #require(xbar["points"] as? [[String: Any]])
        #expect(points.count == 40)
        for key in ["subgroup", "value", "lcl", "ucl", "signals"] { #expect(points[0][key] != nil, "missing point key \(key)") }
        #expect(points[0]["subgroup"] as? String == "1")
        #expect(points[30]["phase"] as? String == "II")
        // qcc's constants (d2(5) = 2.326) reproduce its sigma and R chart to every printed digit.
        let qcc = try Self.charts(base + ["--constants", "table"])
        #expect(abs((qcc[0]["sigma"] as! Double) - 0.009785039) < 5e-10)
        #expect(abs((qcc[1]["center"] as! Double) - 0.02276) < 5e-6)
        #expect(qcc[1]["lcl"] as? Double == 0)
        #expect(abs((qcc[1]["ucl"] as! Double) - 0.04812533) < 5e-9)
    }

    @Test func phaseRangeEqualsPhaseColumn() throws {
        let a = try Self.charts(["spc", "imr", "datasets/spc/paint_viscosity.csv", "--value", "viscosity", "--phase1", "1-20", "--constants", "table"])
        #expect(abs((a[0]["center"] as! Double) - 34.088) < 5e-4)
        #expect(abs((a[0]["lcl"] as! Double) - 32.56504) < 5e-6)
        #expect(abs((a[0]["ucl"] as! Double) - 35.61096) < 5e-6)
        #expect(a[1]["type"] as? String == "mr")
    }

    @Test func attributeAndTimeWeightedCharts() throws {
        let p = try Self.charts(["spc", "p", "datasets/spc/orange_juice.csv", "--value", "nonconforming", "--size", "size",
                                 "--subgroup", "sample", "--phase", "phase"])
        #expect(abs((p[0]["ucl"] as! Double) - 0.4102391) < 5e-8)
        let c = try Self.charts(["spc", "c", "datasets/spc/circuit_boards.csv", "--value", "defects", "--phase", "phase"])
        #expect(abs((c[0]["center"] as! Double) - 19.84615) < 5e-6)
        let cusum = try Self.charts(["spc", "cusum", "datasets/spc/nist_cusum_example.csv", "--value", "mean_of_4",
                                     "--target", "325", "--k", "0.3175", "--h", "4.1959", "--units", "data"])
        let points = try #require(cusum[0]["points"] as? [[String: Any]])
        let signalled = points.indices.filter { !((points[$0]["signals"] as? [Int]) ?? []).isEmpty }
        #expect(signalled == Array(13...19))
        #expect(points[0]["lower"] != nil)
        let ewma = try Self.charts(["spc", "ewma", "datasets/spc/nist_ewma_example.csv", "--value", "value",
                                    "--lambda", "0.3", "--target", "50", "--sigma", "2.0539"])
        #expect(abs((ewma[0]["ucl"] as! Double) - 52.5884) < 5e-5)
    }

    @Test func rulesOption() throws {
        let r = try CLIRunner.run(["spc", "imr", "datasets/spc/paint_viscosity.csv", "--value", "viscosity", "--phase", "phase",
                                   "--rules", "nelson", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let bad = try CLIRunner.run(["spc", "imr", "datasets/spc/paint_viscosity.csv", "--value", "viscosity", "--rules", "9"])
        #expect(bad.status == 64)
    }

    @Test func capabilityJSON() throws {
        let r = try CLIRunner.run(["spc", "capability", "datasets/spc/piston_rings.csv", "--value", "diameter", "--subgroup", "sample",
                                   "--phase", "phase", "--constants", "table", "--lsl", "73.95", "--usl", "74.05", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        let cp = try #require(doc["cp"] as? [String: Double])
        #expect(abs(cp["value"]! - 1.703) < 5e-4 && abs(cp["lower"]! - 1.491) < 5e-4 && abs(cp["upper"]! - 1.915) < 5e-4)
        let cpk = try #require(doc["cpk"] as? [String: Double])
        #expect(abs(cpk["value"]! - 1.663) < 5e-4 && abs(cpk["lower"]! - 1.448) < 5e-4 && abs(cpk["upper"]! - 1.878) < 5e-4)
        #expect(doc["n"] as? Int == 125)
    }

    @Test func nonNumericValueIsDataError() throws {
        let path = try CLIRunner.temporaryFile("sample,diameter\n1,74.0\n1,74.1\n2,abc\n2,74.2\n")
        let r = try CLIRunner.run(["spc", "xbar-r", path, "--value", "diameter", "--subgroup", "sample"])
        #expect(r.status == 65)
        #expect(r.stderr.contains(":4:"), "\(r.stderr)")
        #expect(r.stderr.contains("diameter"), "\(r.stderr)")
        #expect(r.stderr.contains("abc"), "\(r.stderr)")
    }

    @Test func missingColumnAndFileAndOptions() throws {
        let noColumn = try CLIRunner.run(["spc", "imr", "datasets/spc/paint_viscosity.csv", "--value", "nope"])
        #expect(noColumn.status == 65)
        #expect(noColumn.stderr.contains("nope"))
        let noFile = try CLIRunner.run(["spc", "imr", "does/not/exist.csv", "--value", "x"])
        #expect(noFile.status == 66)
        let noValue = try CLIRunner.run(["spc", "imr", "datasets/spc/paint_viscosity.csv"])
        #expect(noValue.status == 64)
        let badRange = try CLIRunner.run(["spc", "imr", "datasets/spc/paint_viscosity.csv", "--value", "viscosity", "--phase1", "5-2"])
        #expect(badRange.status == 64)
        // Nothing to estimate from: a constant series has sigma 0.
        let flat = try CLIRunner.temporaryFile("x\n1\n1\n1\n")
        let degenerate = try CLIRunner.run(["spc", "imr", flat, "--value", "x"])
        #expect(degenerate.status == 65)
    }

    @Test func svgOutput() throws {
        let dir = try CLIRunner.scratchDirectory("relmodel-svg") + "/chart.svg"
        let r = try CLIRunner.run(["spc", "xbar-r", "datasets/spc/piston_rings.csv", "--value", "diameter", "--subgroup", "sample",
                                   "--phase", "phase", "--svg", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: dir, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("stroke-dasharray=\"6,4\""))
    }
}
