import Foundation
import Testing

/// Issue 10's lifetime commands, as a new user ran them, end to end: each succeeds, or exits 65 or 70
/// with a reason, within a minute.
@Suite struct LifetimeRobustnessCommandTests {
    static let nist = "datasets/lifetime/nist_8_4_1_3_weibull_example.csv"

    /// Runs relmodel and checks that it ended within `seconds`.
    func run(_ arguments: [String], within seconds: Double = 60, stdin: String? = nil) throws -> CLIRunner.Result {
        let start = Date()
        let result = try CLIRunner.run(arguments, stdin: stdin)
        #expect(Date().timeIntervalSince(start) < seconds, "relmodel \(arguments.joined(separator: " ")) took too long")
        return result
    }

    /// Item 1: these died with SIGILL (a replicate drew a negative time).
    @Test(arguments: ["normal", "gumbel", "lognormal3p", "gamma3p", "loglogistic3p"])
    func bootstrapOfFamiliesReachingBelowZero(_ family: String) throws {
        let r = try run(["fit", Self.nist, "--dist", family, "--bounds", "bootstrap", "--replicates", "200", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let model = try #require((try CLIRunner.json(r.stdout)["models"] as? [[String: Any]])?.first)
        let notes = try #require((model["diagnostics"] as? [String: Any])?["notes"] as? [String])
        #expect(notes.contains { $0.hasPrefix("parametric bootstrap: 200 replicates, seed 1") })
        let bounds = try #require(model["bounds"] as? [String: Any])
        #expect(bounds["method"] as? String == "bootstrap")
    }

    @Test func bootstrapOfEveryFamilyOnEveryBundledFile() throws {
        for file in ["nist_8_4_1_3_weibull_example", "lieblein_zelen_ball_bearings", "meeker_escobar_p199_lognormal_example",
                     "gehan_6mp_leukaemia"] {
            let r = try run(["fit", "datasets/lifetime/\(file).csv", "--all", "--bounds", "bootstrap", "--replicates", "20"])
            #expect(r.status == 0, "\(file): \(r.stderr)")
        }
    }

    /// Item 2: gamma3p likelihood-ratio bounds on NIST never returned; on the 6-MP data they were absurd.
    @Test func gamma3pLikelihoodRatioBounds() throws {
        let r = try run(["fit", Self.nist, "--dist", "gamma3p", "--bounds", "lr", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let gehan = try run(["fit", "datasets/lifetime/gehan_6mp_leukaemia.csv", "--dist", "gamma3p", "--bounds", "lr", "--json"])
        #expect(gehan.status == 0, "\(gehan.stderr)")
        let model = try #require((try CLIRunner.json(gehan.stdout)["models"] as? [[String: Any]])?.first)
        let bounds = try #require(model["bounds"] as? [String: Any])
        let shape = try #require(bounds["shape"] as? [Double])
        #expect(shape[0] > 0.5 && shape[1] < 5)               // was [2.7e-7, 11.4]
        let b10 = try #require(((model["quantities"] as? [String: Any])?["b10"] as? [String: Any])?["bounds"] as? [Double])
        #expect(b10[1] < 20)                                   // was 1.3e13
        #expect((bounds["gamma"] as? [Any])?.allSatisfy { $0 is NSNull } == true)
        let diagnostics = try #require(model["diagnostics"] as? [String: Any])
        #expect(diagnostics["degenerate"] as? Bool == true)
        #expect((diagnostics["notes"] as? [String])?.contains { $0.contains("likelihood-ratio bound on gamma, not computed") } == true)
    }

    @Test func everyFamilyWithLikelihoodRatioBounds() throws {
        let r = try run(["fit", Self.nist, "--all", "--bounds", "lr"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// Item 3: `time,evnt` made every suspension a failure and exited 0.
    @Test func misspeltHeader() throws {
        let path = try CLIRunner.temporaryFile("time,evnt\n10,1\n20,0\n30,1\n40,0\n50,1\n")
        let r = try run(["fit", path])
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(path):1: column 'evnt' (2):"))
        #expect(r.stderr.contains("close to 'event'"))
        let ignored = try run(["fit", path, "--ignore-column", "evnt"])
        #expect(ignored.status == 0)
        #expect(ignored.stdout.contains("Input: 5 rows, 5 units, 5 failures, 0 suspensions"))
        #expect(ignored.stdout.contains("Columns: time; not read: evnt"))
        let mapped = try run(["fit", path, "--columns", "event=evnt"])
        #expect(mapped.status == 0)
        #expect(mapped.stdout.contains("3 failures, 2 suspensions"))
        #expect(mapped.stdout.contains("Columns: time, event=evnt"))
        for command in [["nonparametric", path], ["burnin", path, "--model", "weibull", "--acceleration-factor", "10", "--target-fit", "100"]] {
            let other = try run(command)
            #expect(other.status == 65 && other.stderr.contains("'evnt'"), "\(command): \(other.stderr)")
        }
        let badMapping = try run(["fit", path, "--columns", "evnt"])
        #expect(badMapping.status == 64 && badMapping.stderr.contains("expected ROLE=NAME"))
    }

    /// Item 8: exponential2p on the bearing data ranked first with its threshold at the first failure,
    /// Anderson-Darling inf and status ok; a plain Weibull on defective-subpopulation data gave no hint.
    @Test func degenerateAndExtrapolatedFits() throws {
        let r = try run(["fit", "datasets/lifetime/lieblein_zelen_ball_bearings.csv", "--all", "--json"])
        #expect(r.status == 0)
        let models = try #require(try CLIRunner.json(r.stdout)["models"] as? [[String: Any]])
        let names = models.map { $0["distribution"] as? String }
        #expect(names.suffix(2) == ["lognormal3p", "exponential2p"])
        let e2 = try #require(models.last)
        let diagnostics = try #require(e2["diagnostics"] as? [String: Any])
        #expect(diagnostics["degenerate"] as? Bool == true)
        #expect(diagnostics["fallback"] as? String == "threshold at the first failure (boundary maximum)")
        #expect(e2["andersonDarling"] is NSNull)
        let text = try run(["fit", "datasets/lifetime/lieblein_zelen_ball_bearings.csv", "--all"])
        #expect(text.stdout.contains("degenerate: threshold at the first failure (boundary maximum)"))
        #expect(!text.stdout.contains(" inf "))

        let lfp = try run(["fit", "datasets/lifetime/ic_lfp1370.csv", "--dist", "weibull2p"])
        #expect(lfp.status == 0)
        #expect(lfp.stdout.contains("ok, but extrapolates far beyond the data"))
        #expect(lfp.stdout.contains("defective-subpopulation (LFP) model"))
        let json = try run(["fit", "datasets/lifetime/ic_lfp1370.csv", "--dist", "weibull2p", "--json"])
        let model = try #require((try CLIRunner.json(json.stdout)["models"] as? [[String: Any]])?.first)
        #expect((model["diagnostics"] as? [String: Any])?["extrapolated"] as? Bool == true)
    }
}
