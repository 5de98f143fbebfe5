import Foundation
import Testing

/// `relmodel study load-size` end to end.
@Suite struct LoadSizeStudyCommandTests {
    /// The oracle rows through the CLI: lambda 1, mean batch time 2 (mu 0.5), b 4: a = 1 Wq 2.5368661182,
    /// a = 4 Wq 2.3650466486 (exact); the best policy is a = 3.
    @Test func exactRows() throws {
        let r = try CLIRunner.run(["study", "load-size", "--arrival-rate", "1", "--service-mean", "2", "--capacity", "4", "--lots", "20000", "--replications", "4", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        let policies = try #require(doc["policies"] as? [[String: Any]])
        #expect(policies.count == 4)
        #expect(policies.allSatisfy { $0["method"] as? String == "exact" })
        #expect(abs((policies[0]["meanWait"] as! Double) - 2.5368661182) < 1e-9)
        #expect(abs((policies[3]["meanWait"] as! Double) - 2.3650466486) < 1e-9)
        // The 95th-percentile wait is simulated, with its interval, in every row.
        #expect(policies.allSatisfy { $0["waitP95Method"] as? String == "simulation" })
        let p95 = try #require((policies[0]["intervals"] as? [String: Any])?["waitP95"] as? [Double])
        #expect(p95[0] <= (policies[0]["waitP95"] as! Double) && (policies[0]["waitP95"] as! Double) <= p95[1])
        #expect((doc["best"] as? [String: Any])?["minBatch"] as? Double == 3)
    }

    /// Gamma batch times with a maximum wait are simulated: intervals on every figure, the same seed the
    /// same numbers, and the plot written.
    @Test func simulatedRowsAreReproducible() throws {
        let dir = try CLIRunner.scratchDirectory()
        let args = ["study", "load-size", "--arrival-rate", "1", "--service-mean", "2", "--service", "gamma:3", "--capacity", "4",
                    "--min-batch", "2,4", "--max-wait", "3", "--lots", "20000", "--replications", "4", "--seed", "9", "--json"]
        let a = try CLIRunner.run(args + ["--svg", dir + "/ls.svg"]), b = try CLIRunner.run(args)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        let policies = try #require(try CLIRunner.json(a.stdout)["policies"] as? [[String: Any]])
        #expect(policies.map { $0["minBatch"] as? Double } == [2, 4])
        for p in policies {
            #expect(p["method"] as? String == "simulation")
            #expect(p["maxWait"] as? Double == 3)
            let ci = try #require(p["ci"] as? [Double])
            #expect(ci[0] <= (p["meanWait"] as! Double) && (p["meanWait"] as! Double) <= ci[1])
            #expect((p["intervals"] as? [String: Any])?["waitP95"] is [Double])
        }
        #expect(try String(contentsOfFile: dir + "/ls.svg", encoding: .utf8).contains("<svg"))
    }

    /// Empirical batch times from a CSV; a bad value in it is named by line; an unstable tool is refused.
    @Test func empiricalAndErrors() throws {
        let file = try CLIRunner.temporaryFile("hours\n1.8\n2.2\n2.0\n1.9\n2.4\n")
        let r = try CLIRunner.run(["study", "load-size", "--arrival-rate", "0.4", "--service", "empirical", "--service-file", file,
                                   "--capacity", "1", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require((try CLIRunner.json(r.stdout)["policies"] as? [[String: Any]])?.first)
        #expect(row["method"] as? String == "pollaczek-khinchine")
        // Pollaczek-Khinchine from the sample's moments: m = 2.06, E[S^2] = 4.282.
        let m = 2.06, s2 = (1.8 * 1.8 + 2.2 * 2.2 + 4.0 + 1.9 * 1.9 + 2.4 * 2.4) / 5
        #expect(abs((row["meanWait"] as! Double) - 0.4 * s2 / (2 * (1 - 0.4 * m))) < 1e-12)
        let bad = try CLIRunner.temporaryFile("hours\n1.8\nx\n")
        let e = try CLIRunner.run(["study", "load-size", "--arrival-rate", "0.5", "--service", "empirical", "--service-file", bad, "--capacity", "1"])
        #expect(e.status == 65)
        #expect(e.stderr.contains(":3:"), "\(e.stderr)")
        let unstable = try CLIRunner.run(["study", "load-size", "--arrival-rate", "3", "--service-mean", "2", "--capacity", "4"])
        #expect(unstable.status == 65)
        #expect(unstable.stderr.contains("unstable"), "\(unstable.stderr)")
    }
}
