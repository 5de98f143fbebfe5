import Foundation
import Testing

/// `relmodel spc components` end to end: the JSON contract on the oracle data, the text output, and
/// bad input with its place and exit code.
@Suite struct ComponentsCommandTests {
    static let pastes = ["spc", "components", "datasets/spc/pastes_nested.csv", "--value", "strength", "--levels", "batch,cask,rownum"]

    /// Pastes (lme4): REML = ANOVA 1.657309, 8.433667, 0.678; REML criterion 246.99075; mean 60.05333.
    @Test func pastesJSON() throws {
        let r = try CLIRunner.run(Self.pastes + ["--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        #expect(doc["method"] as? String == "reml")
        let components = try #require(doc["components"] as? [String: Double])
        #expect(abs(components["batch"]! - 1.657309) < 5e-7)
        #expect(abs(components["cask"]! - 8.433667) < 5e-7)
        #expect(abs(components["rownum"]! - 0.678) < 5e-7)
        #expect(abs((doc["remlCriterion"] as! Double) - 246.99075) < 5e-6)
        #expect(abs((doc["mean"] as! Double) - 60.05333) < 5e-6)
        #expect(doc["converged"] as? Bool == true)
        #expect((doc["gradientNorm"] as! Double) < 1e-8)
        let intervals = try #require(doc["intervals"] as? [String: [Double]])
        #expect(abs(intervals["cask"]![0] - 4.6566658733) < 1e-6)
        let squares = try #require(doc["meanSquares"] as? [[String: Any]])
        #expect(squares.map { $0["df"] as? Double } == [9, 20, 30])
        #expect(doc["n"] as? Double == 60)
    }

    /// The unbalanced EP05-A2 set by Type I ANOVA: day 0.278178, run 0.875624, error 2.118229 (SAS PROC
    /// NESTED), read from a file with the eight rows VCA's tests delete left out; ML and REML run too.
    @Test func ep05UnbalancedAnovaAndText() throws {
        let lines = try String(contentsOfFile: "datasets/spc/vca_ep05a2_1.csv", encoding: .utf8).split(separator: "\n")
        let deleted: Set<String> = ["11", "12", "17", "37", "45", "56", "57", "68"]
        let kept = [String(lines[0])] + lines.dropFirst().filter { !deleted.contains(String($0.split(separator: ",")[0])) }.map(String.init)
        let file = try CLIRunner.temporaryFile(kept.joined(separator: "\n") + "\n")
        let r = try CLIRunner.run(["spc", "components", file, "--value", "y", "--levels", "day,run,rep", "--method", "anova", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let components = try #require(try CLIRunner.json(r.stdout)["components"] as? [String: Double])
        #expect(abs(components["day"]! - 0.278178) < 5e-7)
        #expect(abs(components["run"]! - 0.875624) < 5e-7)
        #expect(abs(components["rep"]! - 2.118229) < 5e-7)
        let text = try CLIRunner.run(["spc", "components", file, "--value", "y", "--levels", "day,run,rep"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("REML"))
        #expect(text.stdout.contains("(unbalanced)"))
        #expect(text.stdout.contains("0.283587"))
        let ml = try CLIRunner.run(["spc", "components", file, "--value", "y", "--levels", "day,run,rep", "--method", "ml", "--json"])
        #expect(ml.status == 0)
        #expect(try CLIRunner.json(ml.stdout)["deviance"] != nil)
    }

    /// Bad input: a missing column, an empty label (its line and column named), a design whose top level
    /// has one group, and a non-numeric value: exit 65 with the place; a single level: usage error 64.
    @Test func badInput() throws {
        let missing = try CLIRunner.run(["spc", "components", "datasets/spc/pastes_nested.csv", "--value", "strength", "--levels", "batch,lot,rownum"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no column 'lot'"))
        let empty = try CLIRunner.temporaryFile("lot,wafer,site,y\nA,1,1,3.1\nA,1,2,3.3\nA,,1,3.0\nB,1,1,2.9\nB,1,2,3.2\n")
        let e = try CLIRunner.run(["spc", "components", empty, "--value", "y", "--levels", "lot,wafer,site"])
        #expect(e.status == 65)
        #expect(e.stderr.contains(":4:") && e.stderr.contains("column 'wafer'") && e.stderr.contains("empty"), "\(e.stderr)")
        let oneLot = try CLIRunner.temporaryFile("lot,wafer,site,y\nA,1,1,3.1\nA,1,2,3.3\nA,2,1,3.0\nA,2,2,3.2\n")
        let o = try CLIRunner.run(["spc", "components", oneLot, "--value", "y", "--levels", "lot,wafer,site"])
        #expect(o.status == 65)
        #expect(o.stderr.contains("level 'lot' has 1 group"), "\(o.stderr)")
        let text = try CLIRunner.temporaryFile("lot,site,y\nA,1,3.1\nA,2,x\nB,1,2.9\nB,2,3.0\n")
        let t = try CLIRunner.run(["spc", "components", text, "--value", "y", "--levels", "lot,site"])
        #expect(t.status == 65)
        #expect(t.stderr.contains(":3:") && t.stderr.contains("column 'y'"), "\(t.stderr)")
        let single = try CLIRunner.run(["spc", "components", "datasets/spc/pastes_nested.csv", "--value", "strength", "--levels", "batch"])
        #expect(single.status == 64)
    }
}

/// `relmodel spc between-within` end to end on the hard-bake data (within sigma 0.1398, Cp 1.192).
@Suite struct BetweenWithinCommandTests {
    @Test func hardBake() throws {
        let r = try CLIRunner.run(["spc", "between-within", "datasets/spc/hardbake_flow_width.csv", "--value", "flow_width",
                                   "--subgroup", "sample", "--lsl", "1", "--usl", "2", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        #expect(abs((doc["sigmaWithin"] as! Double) - 0.1398) < 5e-5)
        #expect(doc["sigmaBetween"] as? Double == 0)
        #expect(abs((doc["sigmaTotal"] as! Double) - 0.1398) < 5e-5)
        let charts = try #require(doc["charts"] as? [[String: Any]])
        #expect(charts.map { $0["type"] as? String } == ["i", "mr", "r"])
        let capability = try #require(doc["capability"] as? [String: Any])
        #expect(abs(((capability["cp"] as! [String: Any])["value"] as! Double) - 1.192) < 5e-4)
        let notes = try #require(doc["notes"] as? [String])
        #expect(notes.contains { $0.contains("between sigma is 0") })
    }

    /// The three charts drawn, and the nested chart of cask means.
    @Test func plots() throws {
        let dir = (try CLIRunner.temporaryFile("x\n") as NSString).deletingLastPathComponent
        let bw = try CLIRunner.run(["spc", "between-within", "datasets/spc/hardbake_flow_width.csv", "--value", "flow_width",
                                    "--subgroup", "sample", "--svg", dir + "/bw.svg"])
        #expect(bw.status == 0, "\(bw.stderr)")
        let svg = try String(contentsOfFile: dir + "/bw.svg", encoding: .utf8)
        #expect(svg.contains("Individuals chart") && svg.contains("Moving range chart") && svg.contains("R chart"))
        let nested = try CLIRunner.run(["spc", "nested", "datasets/spc/pastes_nested.csv", "--value", "strength", "--levels", "batch,cask,rownum",
                                        "--chart", "cask", "--svg", dir + "/nested.svg"])
        #expect(nested.status == 0, "\(nested.stderr)")
        #expect(try String(contentsOfFile: dir + "/nested.svg", encoding: .utf8).contains("<svg"))
        let components = try CLIRunner.run(["spc", "components", "datasets/spc/pastes_nested.csv", "--value", "strength",
                                            "--levels", "batch,cask,rownum", "--svg", dir + "/vc.svg"])
        #expect(components.status == 0)
        #expect(try String(contentsOfFile: dir + "/vc.svg", encoding: .utf8).contains("Variance components (REML)"))
    }

    @Test func missingSubgroupIsAUsageError() throws {
        let r = try CLIRunner.run(["spc", "between-within", "datasets/spc/hardbake_flow_width.csv", "--value", "flow_width"])
        #expect(r.status == 64)
    }
}

/// `relmodel spc nested` end to end: Pastes cask means, limits from the REML components.
@Suite struct NestedChartCommandTests {
    @Test func pastesCaskMeans() throws {
        let r = try CLIRunner.run(["spc", "nested", "datasets/spc/pastes_nested.csv", "--value", "strength",
                                   "--levels", "batch,cask,rownum", "--chart", "cask", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        let chart = try #require((doc["charts"] as? [[String: Any]])?.first)
        let sigma = (1.657309 + 8.433667 + 0.678 / 2).squareRoot()
        #expect(abs((chart["sigma"] as! Double) - sigma) < 1e-6)
        #expect(abs((chart["center"] as! Double) - 60.05333) < 5e-6)
        #expect((chart["points"] as? [[String: Any]])?.count == 30)
        let residual = try CLIRunner.run(["spc", "nested", "datasets/spc/pastes_nested.csv", "--value", "strength",
                                          "--levels", "batch,cask,rownum", "--chart", "rownum"])
        #expect(residual.status == 64)
    }
}

/// `relmodel spc batch-pca`: the contributions of a flagged new batch whose pressure drifts in its
/// second half (29 seeded reference batches of temp, pressure and flow at 20 time points): pressure
/// leads its SPE contributions, which add up to its SPE; the bar chart is written.
@Suite struct BatchContributionCommandTests {
    static func batches(_ names: [String], faulty: String?, seed: UInt64) -> String {
        var state = seed
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Double(state >> 11) + 0.5) / 9007199254740992
        }
        func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
        var lines = ["batch,time,temp,pressure,flow"]
        for name in names {
            let b = normal()
            for k in 0..<20 {
                let s = Double(k) / 19
                var pressure = 1 + 0.5 * s - 0.3 * b * s + 0.05 * normal()
                if name == faulty, k >= 10 { pressure += Double(k - 9) / 10 }
                lines.append("\(name),\(k),\(20 + 5 * s + b * s + 0.2 * normal()),\(pressure),\(3 - s + 0.1 * b + 0.1 * normal())")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func faultyPressureLeads() throws {
        let reference = try CLIRunner.temporaryFile(Self.batches((1...29).map { "B\($0)" }, faulty: nil, seed: 11))
        let new = try CLIRunner.temporaryFile(Self.batches(["N1"], faulty: "N1", seed: 12), name: "new.csv")
        let svg = (new as NSString).deletingLastPathComponent + "/contributions.svg"
        let r = try CLIRunner.run(["spc", "batch-pca", reference, "--components", "2", "--new", new, "--json", "--contributions-svg", svg])
        #expect(r.status == 0, "\(r.stderr)")
        let batches = try #require(try CLIRunner.json(r.stdout)["batches"] as? [[String: Any]])
        let n1 = try #require(batches.last)
        #expect(n1["speAboveLimit"] as? Bool == true)
        let contributions = try #require(n1["contributions"] as? [String: Any])
        let spe = try #require((contributions["spe"] as? [String: Any])?["variables"] as? [String: Double])
        #expect(spe.max { $0.value < $1.value }?.key == "pressure", "\(spe)")
        #expect(abs(spe.values.reduce(0, +) - (n1["spe"] as! Double)) < 1e-9 * (n1["spe"] as! Double))
        #expect(batches.dropLast().allSatisfy { ($0["contributions"] == nil) == !(($0["t2AboveLimit"] as! Bool) || ($0["speAboveLimit"] as! Bool)) })
        let drawn = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(drawn.contains("N1 pressure"))
    }
}
