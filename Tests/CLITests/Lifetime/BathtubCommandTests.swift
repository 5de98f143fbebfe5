import Foundation
import RelmodelNumerics
import Testing

/// `relmodel bathtub` end to end.
@Suite struct BathtubCommandTests {
    /// 400 units from the three-part hazard of the coverage study (infant Weibull eta 5000 h shape 0.5,
    /// 1e-3 per hour, wear-out Weibull eta 1000 h shape 5), Type I at 1200 h, seeded.
    static func bathtubCSV() -> String {
        var generator = Xoshiro256StarStar(seed: 11)
        var lines = ["time,event,count"]
        for _ in 0..<400 {
            let t = min(5000 * pow(RandomVariates.exponential(using: &generator), 2),
                        RandomVariates.exponential(using: &generator) / 1e-3,
                        1000 * pow(RandomVariates.exponential(using: &generator), 0.2))
            lines.append(t < 1200 ? "\(t),1,1" : "1200,0,1")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func regionsOfBathtubDataInJSON() throws {
        let file = try CLIRunner.temporaryFile(Self.bathtubCSV())
        let svg = file + ".svg"
        let r = try CLIRunner.run(["bathtub", file, "--bounds", "fisher", "--json", "--plot", svg])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        #expect(doc["bathtub"] as? Bool == true)
        #expect(doc["definition"] as? String == "threshold" && doc["tolerance"] as? Double == 0.1)
        let minimum = try #require(doc["hazardMinimum"] as? [String: Any])
        let regions = try #require(doc["regions"] as? [String: Any])
        let infant = try #require(regions["infantMortality"] as? [String: Any])
        let useful = try #require(regions["usefulLife"] as? [String: Any])
        let wear = try #require(regions["wearOut"] as? [String: Any])
        let tMin = try #require(minimum["time"] as? Double)
        let end = try #require(infant["end"] as? Double), start = try #require(wear["start"] as? Double)
        #expect(end < tMin && tMin < start)
        #expect(useful["start"] as? Double == end && useful["end"] as? Double == start)
        // FIT is the useful-life hazard per 1e9 hours; every boundary has two finite bounds around it.
        #expect(abs(try #require(useful["fit"] as? Double) - 1e9 * (try #require(useful["hazard"] as? Double))) < 1e-3)
        for (value, bounds) in [(end, infant["endBounds"]), (start, wear["startBounds"])] {
            let b = try #require(bounds as? [Double])
            #expect(b[0] < value && value < b[1])
        }
        // The truth (143.5 h and 482.2 h: scripts/reference/bathtub_truth_model.py) within the 95 % bounds.
        #expect((infant["endBounds"] as! [Double])[0] < 143.5 && 143.5 < (infant["endBounds"] as! [Double])[1])
        #expect((wear["startBounds"] as! [Double])[0] < 482.2 && 482.2 < (wear["startBounds"] as! [Double])[1])
        let candidates = try #require(doc["candidates"] as? [[String: Any]])
        #expect(candidates.count == 8)
        let picture = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(picture.contains("infant mortality") && picture.contains("wear-out") && picture.contains("smoothed Nelson-Aalen hazard"))
    }

    @Test func monotoneDataAreNoBathtub() throws {
        let r = try CLIRunner.run(["bathtub", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        #expect(doc["bathtub"] as? Bool == false)
        #expect(doc["regions"] is NSNull && doc["hazardMinimum"] is NSNull)
        let text = try CLIRunner.run(["bathtub", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv"])
        #expect(text.stdout.contains("bathtub: no."))
    }

    /// `burnin --model bathtub --until-useful-life`: the end of infant mortality that `bathtub` reports
    /// (likelihood-ratio bounds, the same confidence), divided by the acceleration factor.
    @Test func burnInUntilUsefulLife() throws {
        let file = try CLIRunner.temporaryFile(Self.bathtubCSV())
        let regions = try CLIRunner.json(try CLIRunner.run(["bathtub", file, "--json", "--confidence", "0.9"]).stdout)
        let infant = try #require((regions["regions"] as? [String: Any])?["infantMortality"] as? [String: Any])
        let r = try CLIRunner.run(["burnin", file, "--model", "bathtub", "--until-useful-life", "--acceleration-factor", "25", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let plan = try CLIRunner.json(r.stdout)
        let hours = try #require(plan["stressHours"] as? [String: Any])
        let end = try #require(infant["end"] as? Double), bounds = try #require(infant["endBounds"] as? [Double])
        #expect(abs(try #require(hours["value"] as? Double) - end / 25) <= 1e-9 * end)
        let b = try #require(hours["bounds"] as? [Double])
        #expect(abs(b[0] - bounds[0] / 25) <= 1e-9 * end && abs(b[1] - bounds[1] / 25) <= 1e-9 * end)
        // Monotone data: no infant mortality to burn in to, a data error.
        let none = try CLIRunner.run(["burnin", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--model", "bathtub",
                                      "--until-useful-life", "--acceleration-factor", "25"])
        #expect(none.status == 65 && none.stderr.contains("no bathtub"))
        let mismatched = try CLIRunner.run(["burnin", file, "--until-useful-life", "--acceleration-factor", "25"])
        #expect(mismatched.status == 64)
    }

    @Test func usageAndDataErrors() throws {
        let bootstrap = try CLIRunner.run(["bathtub", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--bounds", "bootstrap"])
        #expect(bootstrap.status == 64 && bootstrap.stderr.contains("not available"))
        let bad = try CLIRunner.run(["bathtub", try CLIRunner.temporaryFile("time,event,count\n10,1,1\nx,1,1\n")])
        #expect(bad.status == 65 && bad.stderr.contains(":3"))
    }
}
