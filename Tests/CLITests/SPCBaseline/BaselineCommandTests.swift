import Foundation
import Testing

/// `relmodel spc baseline` and `--baseline FILE` on chart commands, end to end.
@Suite struct BaselineCommandTests {
    static let orangeJuice = ["spc", "baseline", "datasets/spc/orange_juice.csv", "--chart", "p", "--value", "nonconforming",
                              "--size", "size", "--subgroup", "sample", "--phase", "phase"]
    static let pistonRings = ["spc", "baseline", "datasets/spc/piston_rings.csv", "--chart", "xbar-r", "--value", "diameter",
                              "--subgroup", "sample", "--phase", "phase"]

    static func temporaryDirectory() throws -> String { try CLIRunner.scratchDirectory("relmodel-baseline") }

    static func document(_ arguments: [String]) throws -> [String: Any] {
        let r = try CLIRunner.run(arguments + ["--json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try CLIRunner.json(r.stdout)
    }

    static func contents(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// Montgomery Example 7.1: round 1 flags samples 15 and 23; round 2 (28 samples) has p̄ = 0.215 and
    /// limits 0.04070284 / 0.3892972 (Montgomery; qcc). relmodel's rule 1 then flags sample 21 (0.40)
    /// in round 2 (Montgomery keeps it: no assignable cause was found), and round 3 is stable with
    /// p̄ = 281/1350; `--keep 21` records the engineers' decision and stops at Montgomery's limits.
    @Test func orangeJuiceRounds() throws {
        let doc = try Self.document(Self.orangeJuice)
        #expect(doc["format"] as? String == "relmodel-baseline")
        #expect(doc["version"] as? Int == 1)
        #expect(doc["chart"] as? String == "p")
        let source = try #require(doc["created_from"] as? [String: Any])
        #expect(source["rows"] as? Int == 30)
        #expect(source["subgroups"] as? Int == 30)
        #expect(source["file_rows"] as? Int == 54)
        let rounds = try #require(doc["rounds"] as? [[String: Any]])
        #expect(rounds.count == 3)
        #expect(rounds[0]["excluded"] as? [String] == ["15", "23"])
        let signals = try #require(rounds[0]["signals"] as? [[String: Any]])
        #expect(signals.map { $0["reason"] as? String } == ["rule 1: 0.44 > UCL 0.4102391", "rule 1: 0.48 > UCL 0.4102391"])
        let round2 = try #require((rounds[1]["limits"] as? [[String: Any]])?.first)
        #expect(abs((round2["center"] as! Double) - 0.215) < 1e-15)
        #expect(abs((round2["lcl"] as! Double) - 0.04070284) < 5e-9)
        #expect(abs((round2["ucl"] as! Double) - 0.3892972) < 5e-8)
        #expect(rounds[1]["excluded"] as? [String] == ["21"])
        let excluded = try #require(doc["excluded"] as? [[String: Any]])
        #expect(excluded.map { $0["subgroup"] as? String } == ["15", "23", "21"])
        #expect(excluded.map { $0["round"] as? Int } == [1, 1, 2])
        let limits = try #require(doc["limits"] as? [String: Any])
        let p = 281.0 / 1350, s = (p * (1 - p) / 50).squareRoot()
        let chart = try #require((limits["charts"] as? [[String: Any]])?.first)
        #expect(abs((chart["ucl"] as! Double) - (p + 3 * s)) < 1e-15)
        #expect(abs((chart["lcl"] as! Double) - (p - 3 * s)) < 1e-15)
        #expect((doc["study"] as? [String: Any])?["stable"] as? Bool == true)

        let kept = try Self.document(Self.orangeJuice + ["--keep", "21"])
        let keptChart = try #require(((kept["limits"] as? [String: Any])?["charts"] as? [[String: Any]])?.first)
        #expect(abs((keptChart["lcl"] as! Double) - 0.04070284) < 5e-9)
        #expect(abs((keptChart["ucl"] as! Double) - 0.3892972) < 5e-8)
        #expect((kept["warnings"] as? [String])?.first?.contains("21") == true)

        let text = try CLIRunner.run(Self.orangeJuice)
        #expect(text.status == 0)
        for piece in ["Rounds", "rule 1: 0.4 > UCL 0.3892972", "Frozen limits (27 subgroups, stable: round 3 has no signal)", "0.3803923"] {
            #expect(text.stdout.contains(piece), "missing \(piece)")
        }
    }

    /// Piston rings 1-25: stable, no exclusion, x̄ limits 73.98805 / 74.01430 (exact constants), the
    /// same as `spc xbar-r --phase phase`; normality and autocorrelation reported without warnings.
    @Test func pistonRingsStable() throws {
        let doc = try Self.document(Self.pistonRings)
        #expect((doc["excluded"] as? [Any])?.isEmpty == true)
        #expect((doc["rounds"] as? [Any])?.count == 1)
        let xbar = try #require(((doc["limits"] as? [String: Any])?["charts"] as? [[String: Any]])?.first)
        #expect(abs((xbar["lcl"] as! Double) - 73.98805) < 5e-6)
        #expect(abs((xbar["ucl"] as! Double) - 74.01430) < 5e-6)
        let chart = try #require(try SPCCommandTests.charts(["spc", "xbar-r", "datasets/spc/piston_rings.csv", "--value", "diameter",
                                                             "--subgroup", "sample", "--phase", "phase"]).first)
        #expect(xbar["lcl"] as? Double == chart["lcl"] as? Double)
        #expect(xbar["ucl"] as? Double == chart["ucl"] as? Double)
        let normality = try #require(doc["normality"] as? [String: Any])
        #expect(normality["n"] as? Int == 125)
        #expect(abs((normality["a2"] as! Double) - 0.19101938332570967) < 1e-9)
        #expect(abs((normality["p_value"] as! Double) - 0.8958342620630695) < 1e-9)
        let autocorrelation = try #require(doc["autocorrelation"] as? [String: Any])
        #expect(abs((autocorrelation["r1"] as! Double) - -0.17902331542163263) < 1e-12)
        #expect((doc["warnings"] as? [String])?.isEmpty == true)
        // SHA-256 of the input, as sha256sum prints it.
        // (`sha256sum datasets/spc/piston_rings.csv`)
        let digest = (doc["created_from"] as? [String: Any])?["sha256"] as? String
        #expect(digest == "9d893dbf3161e89ebac68fb16afdd0dc309a1862fcc25d5e6bea900ed892ce09")
    }

    /// Two runs write byte-identical files; a third run into the same file leaves it unchanged; a
    /// different study (--keep 21) writes version 2 and keeps version 1 byte for byte as .v1.json.
    @Test func deterministicAndVersioned() throws {
        let dir = try Self.temporaryDirectory()
        let a = dir + "/a.json", b = dir + "/b.json"
        #expect(try CLIRunner.run(Self.orangeJuice + ["--out", a]).status == 0)
        #expect(try CLIRunner.run(Self.orangeJuice + ["--out", b]).status == 0)
        let first = try Self.contents(a)
        #expect(first == (try Self.contents(b)))
        // --json prints exactly the file.
        #expect(try CLIRunner.run(Self.orangeJuice + ["--json"]).stdout.data(using: .utf8) == first)

        let again = try CLIRunner.run(Self.orangeJuice + ["--out", a])
        #expect(again.stdout.contains("unchanged"))
        #expect(try Self.contents(a) == first)
        #expect(!FileManager.default.fileExists(atPath: dir + "/a.v1.json"))

        let rebase = try CLIRunner.run(Self.orangeJuice + ["--keep", "21", "--out", a])
        #expect(rebase.status == 0, "\(rebase.stderr)")
        #expect(rebase.stdout.contains("version 2"))
        #expect(try Self.contents(dir + "/a.v1.json") == first)
        let v2 = try CLIRunner.json(String(decoding: try Self.contents(a), as: UTF8.self))
        #expect(v2["version"] as? Int == 2)
        #expect((v2["study"] as? [String: Any])?["keep"] as? [String] == ["21"])
        // And version 3 keeps version 2.
        let v2bytes = try Self.contents(a)
        #expect(try CLIRunner.run(Self.orangeJuice + ["--out", a]).status == 0)
        #expect(try Self.contents(dir + "/a.v2.json") == v2bytes)
        #expect(try Self.contents(dir + "/a.v1.json") == first)
        #expect(try CLIRunner.json(String(decoding: try Self.contents(a), as: UTF8.self))["version"] as? Int == 3)
    }

    /// Phase II with the frozen piston-ring limits: new subgroups built so that exactly N3 and N5 fall
    /// outside the x̄ limits and N6 outside the R limit (see SPCTests PhaseIIChartTests).
    @Test func phaseIIFlagsExactlyTheExpectedPoints() throws {
        let dir = try Self.temporaryDirectory()
        let baseline = dir + "/rings.json"
        #expect(try CLIRunner.run(Self.pistonRings + ["--out", baseline]).status == 0)
        let doc = try CLIRunner.json(String(decoding: try Self.contents(baseline), as: UTF8.self))
        let limits = try #require(doc["limits"] as? [String: Any])
        let center = try #require((limits["process"] as? [String: Any])?["center"] as? Double)
        let sx = try #require((limits["charts"] as? [[String: Any]])?.first?["sigma"] as? Double)
        var csv = "lot,diameter\n"
        for (i, k) in [0, 1, 3.5, -2, -3.2, 0.5, 2.9].enumerated() {
            let m = center + k * sx
            let a = i == 5 ? 0.03 : 0.01
            for v in [m - a, m - a / 2, m, m + a / 2, m + a] { csv += "N\(i + 1),\(v.description)\n" }
        }
        let data = dir + "/new.csv"
        try csv.write(toFile: data, atomically: true, encoding: .utf8)
        let charts = try SPCCommandTests.charts(["spc", "xbar-r", data, "--value", "diameter", "--subgroup", "lot", "--baseline", baseline])
        func flagged(_ chart: [String: Any]) -> [String] {
            ((chart["points"] as? [[String: Any]]) ?? []).filter { !(($0["signals"] as? [Int]) ?? []).isEmpty }.compactMap { $0["subgroup"] as? String }
        }
        #expect(flagged(charts[0]) == ["N3", "N5"])
        #expect(flagged(charts[1]) == ["N6"])
        let points = try #require(charts[0]["points"] as? [[String: Any]])
        #expect(points.allSatisfy { $0["phase"] as? String == "II" })
        #expect(charts[0]["ucl"] as? Double == (limits["charts"] as? [[String: Any]])?.first?["ucl"] as? Double)

        // The orange-juice baseline charts all 54 samples: exactly 15, 21 and 23 beyond p̄ ± 3σ, p̄ = 281/1350.
        let oj = dir + "/oj.json"
        #expect(try CLIRunner.run(Self.orangeJuice + ["--out", oj]).status == 0)
        let p = try SPCCommandTests.charts(["spc", "p", "datasets/spc/orange_juice.csv", "--value", "nonconforming", "--size", "size",
                                            "--subgroup", "sample", "--baseline", oj])
        #expect(flagged(p[0]) == ["15", "21", "23"])
    }

    @Test func rejectedBaselines() throws {
        let dir = try Self.temporaryDirectory()
        let oj = dir + "/oj.json"
        #expect(try CLIRunner.run(Self.orangeJuice + ["--out", oj]).status == 0)
        let chartArgs = ["spc", "xbar-r", "datasets/spc/piston_rings.csv", "--value", "diameter", "--subgroup", "sample"]
        let wrongChart = try CLIRunner.run(chartArgs + ["--baseline", oj])
        #expect(wrongChart.status == 65)
        #expect(wrongChart.stderr.contains(oj) && wrongChart.stderr.contains("p chart, not xbar-r"), "\(wrongChart.stderr)")

        let text = String(decoding: try Self.contents(oj), as: UTF8.self)
        let futureFormat = dir + "/future.json"
        try text.replacingOccurrences(of: "\"format_version\": 1", with: "\"format_version\": 2").write(toFile: futureFormat, atomically: true, encoding: .utf8)
        let future = try CLIRunner.run(["spc", "p", "datasets/spc/orange_juice.csv", "--value", "nonconforming", "--size", "size", "--baseline", futureFormat])
        #expect(future.status == 65)
        #expect(future.stderr.contains(futureFormat) && future.stderr.contains("format_version 2"), "\(future.stderr)")

        let notBaseline = try CLIRunner.temporaryFile("{\"format\": \"something-else\"}", name: "x.json")
        let other = try CLIRunner.run(["spc", "p", "datasets/spc/orange_juice.csv", "--value", "nonconforming", "--size", "size", "--baseline", notBaseline])
        #expect(other.status == 65)
        #expect(other.stderr.contains("not a relmodel baseline"))

        let missing = try CLIRunner.run(chartArgs + ["--baseline", dir + "/none.json"])
        #expect(missing.status == 66)

        // --out on a file of another chart's baseline, or on a non-baseline file: refused, untouched.
        let clash = try CLIRunner.run(Self.pistonRings + ["--out", oj])
        #expect(clash.status == 65)
        #expect(try Self.contents(oj) == text.data(using: .utf8))
        let csvPath = try CLIRunner.temporaryFile("a,b\n1,2\n")
        #expect(try CLIRunner.run(Self.orangeJuice + ["--out", csvPath]).status == 65)

        // --phase with --baseline contradicts frozen limits: usage error.
        #expect(try CLIRunner.run(chartArgs + ["--phase", "phase", "--baseline", oj]).status == 64)
    }

    /// Too few subgroups left: exit 65 with the round and the subgroups in the message.
    @Test func tooFewSubgroups() throws {
        let r = try CLIRunner.run(Self.orangeJuice + ["--min-subgroups", "29"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("round 1 flags subgroups 15, 23; 28 subgroups would remain and a baseline needs at least 29"), "\(r.stderr)")
        let notStable = try Self.document(Self.orangeJuice + ["--max-rounds", "1"])
        #expect((notStable["study"] as? [String: Any])?["stable"] as? Bool == false)
        #expect((notStable["warnings"] as? [String])?.first?.hasPrefix("not stable after 1 round") == true)
        #expect(try CLIRunner.run(Self.orangeJuice + ["--max-rounds", "0"]).status == 64)
    }

    /// I-MR baseline on the paint viscosity data (batches 1-20): round 1 flags batch 4 on the I chart
    /// (35.96 > 35.61044) and on the MR chart (its moving range 2.37, explained by the outlier);
    /// round 2 is stable. Round-2 limits recomputed here: mean of the 19 other values, sigma = MR̄/d2(2)
    /// over the 17 moving ranges not involving batch 4, d2(2) = 2/√π.
    @Test func individualsBaseline() throws {
        let doc = try Self.document(["spc", "baseline", "datasets/spc/paint_viscosity.csv", "--chart", "imr", "--value", "viscosity",
                                     "--subgroup", "batch", "--phase1", "1-20"])
        let rounds = try #require(doc["rounds"] as? [[String: Any]])
        #expect(rounds.count == 2)
        #expect(rounds[0]["excluded"] as? [String] == ["4"])
        let actions = (rounds[0]["signals"] as? [[String: Any]])?.map { "\($0["chart"]!) \($0["action"]!)" }
        #expect(actions == ["i excluded", "mr explained"])
        let csv = String(decoding: try Self.contents(CLIRunner.packageRoot + "/datasets/spc/paint_viscosity.csv"), as: UTF8.self)
        let x = csv.split(separator: "\n").dropFirst().prefix(20).map { Double($0.split(separator: ",")[1])! }
        let kept = x.indices.filter { $0 != 3 }
        let mean: Double = kept.map { x[$0] }.reduce(0, +) / 19
        var mrs: [Double] = []
        for t in 1..<20 where t != 3 && t != 4 { mrs.append(abs(x[t] - x[t - 1])) }
        let d2: Double = 2 / Double.pi.squareRoot()
        let sigma: Double = mrs.reduce(0, +) / Double(mrs.count) / d2
        let i = try #require(((doc["limits"] as? [String: Any])?["charts"] as? [[String: Any]])?.first)
        #expect(abs((i["center"] as! Double) - mean) < 1e-12)
        #expect(abs((i["ucl"] as! Double) - (mean + 3 * sigma)) < 1e-12)
        #expect(abs((i["lcl"] as! Double) - (mean - 3 * sigma)) < 1e-12)
        #expect(doc["span"] as? Int == 2)
        #expect((doc["normality"] as? [String: Any])?["n"] as? Int == 19)
    }

    /// `--svg`: all 30 trial samples against the frozen limits (Montgomery Example 7.1 after samples
    /// 15, 23 and 21 are removed: p-bar 0.2081481, UCL 0.3803923, LCL 0.0359040), the three removed
    /// samples shown with their signals, every point labelled phase I.
    @Test func frozenLimitsChart() throws {
        let path = try Self.temporaryDirectory() + "/baseline.svg"
        let r = try CLIRunner.run(["spc", "baseline", "datasets/spc/orange_juice.csv", "--chart", "p", "--value", "nonconforming",
                                   "--size", "size", "--phase", "phase", "--svg", path])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.components(separatedBy: "<circle class=\"point\"").count - 1 == 27)
        #expect(svg.components(separatedBy: "<circle class=\"signal\"").count - 1 == 3)
        #expect(svg.contains(">UCL=0.38039<") && svg.contains(">CL=0.20815<") && svg.contains(">LCL=0.035904<"))
        #expect(!svg.contains("Phase II"))
    }
}
