import Foundation
import Testing

/// `relmodel fit FILE --mode COLUMN` end to end: competing risks with known modes.
@Suite struct FitModeTests {
    private func number(_ object: Any?, _ path: String...) -> Double? {
        var current = object
        for key in path { current = (current as? [String: Any])?[key] }
        return current as? Double
    }

    @Test func shockAbsorberByModeJSON() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/shock_absorber.csv", "--mode", "mode", "--b-life", "10",
                                   "--at", "10000", "--at", "20000", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        let input = try #require(doc["input"] as? [String: Any])
        #expect(input["failures"] as? Int == 11 && input["suspensions"] as? Int == 27)
        #expect((input["failuresByMode"] as? [String: Int]) == ["Mode1": 7, "Mode2": 4])
        let modes = try #require(doc["modes"] as? [String: Any])
        #expect(Set(modes.keys) == ["Mode1", "Mode2"])
        // Oracle REF values (two maximum-likelihood codes), printed digits.
        let m1 = modes["Mode1"], m2 = modes["Mode2"]
        #expect(abs(try #require(number(m1, "parameters", "eta")) - 31205.797937) < 31205.797937e-9)
        #expect(abs(try #require(number(m1, "parameters", "beta")) - 3.383946) < 5e-7)
        #expect(abs(try #require(number(m1, "logLikelihood")) + 81.497976) < 5e-7)
        #expect(abs(try #require(number(m2, "parameters", "eta")) - 40865.861222) < 40865.861222e-9)
        #expect(abs(try #require(number(m2, "parameters", "beta")) - 2.822211) < 5e-7)
        #expect(abs(try #require(number(m2, "logLikelihood")) + 49.636145) < 5e-7)
        for key in ["distribution", "parameters", "bounds", "logLikelihood", "aicc", "quantities", "converged", "diagnostics"] {
            #expect((m1 as? [String: Any])?[key] != nil, "mode model lacks \(key)")
        }
        let combined = try #require(doc["combined"] as? [String: Any])
        #expect(abs(try #require(number(combined, "quantities", "reliability", "10000", "value")) - 0.960714) < 5e-7)
        #expect(abs(try #require(number(combined, "quantities", "reliability", "20000", "value")) - 0.701156) < 5e-7)
        // Fisher bounds: scripts/reference/competing_risks_bounds.py.
        let q = try #require(combined["quantities"] as? [String: Any])
        let r20 = try #require(((q["reliability"] as? [String: Any])?["20000"] as? [String: Any])?["bounds"] as? [Double])
        #expect(abs(r20[0] - 0.521436060135) < 1e-6 && abs(r20[1] - 0.824017422481) < 1e-6)
        let b10 = try #require(q["b10"] as? [String: Any])
        let b10Bounds = try #require(b10["bounds"] as? [Double])
        #expect(abs((b10["value"] as! Double) - 13614.9406317) < 1e-4)
        #expect(abs(b10Bounds[0] - 10220.1747455) < 0.02 && abs(b10Bounds[1] - 18137.3227974) < 0.02)
        #expect((combined["bounds"] as? [String: Any])?["method"] as? String == "fisher")
    }

    @Test func textHasATablePerModeAndTheCombinedQuantities() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/doganaksoy_voltage_two_modes.csv", "--mode", "mode", "--at", "100"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("== mode E =="))
        #expect(r.stdout.contains("== mode D =="))
        #expect(r.stdout.contains("1170.18"))
        #expect(r.stdout.contains("344.29"))
        #expect(r.stdout.contains("== combined: series system of E, D =="))
        #expect(r.stdout.contains("R(100)"))
        #expect(r.stdout.contains("0.8101623"))
    }

    @Test(arguments: [
        ("time,event,count,mode\n6700,1,1,A\n6950,0,1,\n", "modus", "no 'modus' column with the failure modes"),
        ("time,event,mode\n5,1,A\n7,1,\n9,0,\n", "mode", ":3: column 'mode' (3): expected the failure mode of a failure, found an empty field"),
        ("time,event,mode\n5,1,A\n7,0,B\n", "mode", ":3: column 'mode' (3): expected an empty field for a suspension"),
    ])
    func badModeColumnsExit65(csv: String, column: String, fragment: String) throws {
        let path = try CLIRunner.temporaryFile(csv)
        let r = try CLIRunner.run(["fit", path, "--mode", column])
        #expect(r.status == 65, "stdout: \(r.stdout) stderr: \(r.stderr)")
        #expect(r.stderr.contains(path), "\(r.stderr)")
        #expect(r.stderr.contains(fragment), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func aModeWithTooFewFailuresPrintsItsReasonAndExits65() throws {
        let path = try CLIRunner.temporaryFile("time,event,mode\n3,1,A\n5,1,A\n8,1,A\n6,1,B\n20,0,\n")
        let r = try CLIRunner.run(["fit", path, "--mode", "mode", "--json"])
        #expect(r.status == 65)
        let doc = try CLIRunner.json(r.stdout)
        let combined = try #require(doc["combined"] as? [String: Any])
        #expect((combined["error"] as? String)?.contains("mode B could not be fitted") == true)
        #expect(r.stderr.contains("no combined model"))
    }

    @Test(arguments: [["--dist", "weibull2p", "--dist", "lognormal2p"], ["--by", "mode"], ["--all"], ["--dist", "nonesuch"]])
    func usageErrorsExit64(extra: [String]) throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/shock_absorber.csv", "--mode", "mode"] + extra)
        #expect(r.status == 64, "\(r.stderr)")
    }

    /// A special model per mode: each mode object is a special model's (its parameters, p first for a
    /// defective subpopulation); a mode without an interior maximum is said, and the run exits 65.
    @Test func specialModelPerMode() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/doganaksoy_voltage_two_modes.csv", "--mode", "mode",
                                   "--dist", "weibull-lfp", "--b-life", "10", "--json"])
        let doc = try CLIRunner.json(r.stdout)
        let modes = try #require(doc["modes"] as? [String: Any])
        let e = try #require(modes["E"] as? [String: Any])
        #expect(e["distribution"] as? String == "weibull-lfp")
        let parameters = try #require(e["parameters"] as? [String: Any])
        #expect(Set(parameters.keys) == ["p", "eta", "beta"])
        // Mode D is wear-out: its defective fraction runs to 1, so there is no combined model.
        let combined = try #require(doc["combined"] as? [String: Any])
        #expect((combined["error"] as? String)?.contains("mode D") == true, "\(combined)")
        #expect(r.status == 65)

        // Both modes of the shock absorber with the Chen bathtub family: fitted and combined.
        let core = try CLIRunner.run(["fit", "datasets/lifetime/shock_absorber.csv", "--mode", "mode", "--dist", "chen", "--b-life", "10", "--json"])
        #expect(core.status == 0, "\(core.stderr)")
        let coreDoc = try CLIRunner.json(core.stdout)
        #expect((coreDoc["modes"] as? [String: Any])?.count == 2)
        let quantities = (coreDoc["combined"] as? [String: Any])?["quantities"] as? [String: Any]
        #expect(quantities?["b10"] != nil, "\(coreDoc)")
    }

    @Test func byOnAModeColumnPointsToMode() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/shock_absorber.csv", "--by", "mode", "--json"])
        #expect(r.stderr.contains("for failure modes use --mode mode"), "\(r.stderr)")
        let help = try CLIRunner.run(["fit", "--help"])
        let words = help.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words.contains("For failure modes use --mode"))
    }

    /// `--plot` with `--mode`: all 11 failures as the system's points, each mode's points (7 and 4) and
    /// line in its colour, and the series system's line.
    @Test func competingModesPlot() throws {
        let path = try CLIRunner.scratchDirectory("relmodel-mode-plot") + "/modes.svg"
        let r = try CLIRunner.run(["fit", "datasets/lifetime/shock_absorber.csv", "--mode", "mode", "--plot", path])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 11 + 7 + 4 + 3, "points and three legend markers")
        for label in ["all failures (system)", "series system", "mode Mode1", "mode Mode2", "mode Mode1 fit", "mode Mode2 fit", "n=38, failures=11"] {
            #expect(svg.contains(">\(label)<"), "\(label)")
        }
        let failing = try CLIRunner.temporaryFile("time,event,mode\n3,1,A\n5,1,A\n8,1,A\n6,1,B\n20,0,\n")
        let none = try CLIRunner.scratchDirectory("relmodel-mode-plot") + "/none.svg"
        let r2 = try CLIRunner.run(["fit", failing, "--mode", "mode", "--plot", none])
        #expect(r2.status == 65 && r2.stderr.contains("no competing-modes plot"))
        #expect(!FileManager.default.fileExists(atPath: none))
    }
}
