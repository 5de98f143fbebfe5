import Foundation
import Testing

/// `relmodel fit` end to end: the JSON contract, the numbers, and every bad-input case with its exit code.
@Suite struct FitCommandTests {
    @Test func nistJSONContract() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--json", "--bounds", "lr"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        let input = try #require(doc["input"] as? [String: Any])
        #expect(input["rows"] as? Int == 11)
        #expect(input["units"] as? Int == 20)
        #expect(input["failures"] as? Int == 10)
        #expect(input["suspensions"] as? Int == 10)
        #expect(doc["best"] as? String == "weibull2p")
        let models = try #require(doc["models"] as? [[String: Any]])
        #expect(models.map { $0["distribution"] as? String } == ["weibull2p", "lognormal2p", "exponential1p"])
        let w = models[0]
        for key in ["distribution", "method", "parameters", "standardErrors", "covariance", "bounds", "logLikelihood",
                    "aic", "aicc", "bic", "mttf", "converged", "diagnostics"] {
            #expect(w[key] != nil, "missing key \(key)")
        }
        let p = try #require(w["parameters"] as? [String: Double])
        #expect(abs(p["eta"]! - 606.52757) < 606.52757e-6)
        #expect(abs(p["beta"]! - 1.7208) < 0.00005)
        #expect(abs((w["logLikelihood"] as! Double) + 75.135) < 0.0005)
        #expect(abs((w["aic"] as! Double) - 154.27) < 0.005)
        let bounds = try #require(w["bounds"] as? [String: Any])
        #expect(bounds["method"] as? String == "lr")
        #expect(bounds["confidence"] as? Double == 0.95)
        let q = try #require(w["quantities"] as? [String: Any])
        let b10 = try #require(q["b10"] as? [String: Any])
        let b10Bounds = try #require(b10["bounds"] as? [Double])
        #expect(abs((b10["value"] as! Double) - 164.02) < 0.005)
        #expect(abs(b10Bounds[0] - 59.85) < 0.005 && abs(b10Bounds[1] - 271.95) < 0.005)
        #expect(w["converged"] as? Bool == true)
        #expect(abs((models[1]["aic"] as! Double) - 154.39) < 0.005)
    }

    @Test func humanReadableTable() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/shock_absorber.csv", "--b-life", "10", "--at", "10000"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Best: weibull2p"))
        #expect(r.stdout.contains("27718.72"))
        #expect(r.stdout.contains("B10"))
        #expect(r.stdout.contains("R(10000)"))
        #expect(r.stdout.contains("converged"))
    }

    @Test func standardInputAndDistributionChoice() throws {
        let csv = "time,event,count\n17.88,1,1\n28.92,1,1\n33,1,1\n41.52,1,1\n"
        let r = try CLIRunner.run(["fit", "-", "--dist", "exponential1p", "--json"], stdin: csv)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        let models = try #require(doc["models"] as? [[String: Any]])
        #expect(models.count == 1)
        let lambda = (models[0]["parameters"] as! [String: Double])["lambda"]!
        #expect(abs(lambda - 4 / (17.88 + 28.92 + 33 + 41.52)) < 1e-12)
    }

    // Bad input: exact message naming file, line and column, and the documented exit code.
    @Test(arguments: [
        ("", "empty"),
        ("time,event\n", "header only"),
        ("hours,event\n10,1\n", "'time'"),
        ("time,event\n10,1\nabc,1\n", ":3:"),
        ("time,event\n10,1\n-3,1\n", "non-negative"),
        ("time,event\n10,1\nnan,1\n", "finite"),
        ("time,event\n10,1\ninf,1\n", "finite"),
        ("time,event\n10,1\n12,X\n", "event"),
    ])
    func badInputExits65(csv: String, fragment: String) throws {
        let path = try CLIRunner.temporaryFile(csv)
        let r = try CLIRunner.run(["fit", path])
        #expect(r.status == 65, "stdout: \(r.stdout) stderr: \(r.stderr)")
        #expect(r.stderr.contains(path), "\(r.stderr)")
        #expect(r.stderr.contains(fragment), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func nonNumericTimeNamesLineAndColumn() throws {
        let path = try CLIRunner.temporaryFile("time,event\n10,1\nabc,1\n")
        let r = try CLIRunner.run(["fit", path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(path):3"), "\(r.stderr)")
        #expect(r.stderr.contains("'time'"), "\(r.stderr)")
        #expect(r.stderr.contains("abc"), "\(r.stderr)")
    }

    @Test func zeroFailuresIsADiagnosticNotANumber() throws {
        let path = try CLIRunner.temporaryFile("time,event,count\n100,0,5\n200,0,5\n")
        let r = try CLIRunner.run(["fit", path, "--json"])
        #expect(r.status == 65)
        let doc = try CLIRunner.json(r.stdout)
        #expect(doc["best"] is NSNull)
        let models = try #require(doc["models"] as? [[String: Any]])
        #expect(models.allSatisfy { ($0["error"] as? String)?.contains("no failures") == true })
        #expect(models.allSatisfy { $0["parameters"] == nil })
        #expect(r.stderr.contains("no model could be fitted"))
    }

    @Test func singleFailureFitsOnlyTheExponential() throws {
        let path = try CLIRunner.temporaryFile("time,event,count\n50,1,1\n100,0,9\n")
        let r = try CLIRunner.run(["fit", path, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        #expect(doc["best"] as? String == "exponential1p")
        let models = try #require(doc["models"] as? [[String: Any]])
        let weibull = try #require(models.first { $0["distribution"] as? String == "weibull2p" })
        #expect((weibull["error"] as? String)?.contains("1 distinct failure time, 2 needed") == true)
        #expect(weibull["parameters"] == nil)
    }

    @Test func missingFileExits66() throws {
        let r = try CLIRunner.run(["fit", "/nonexistent/file.csv"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("/nonexistent/file.csv"))
    }

    @Test(arguments: [["--confidence", "1.5"], ["--dist", "weibull9p"], ["--b-life", "0"], ["--method", "magic"], ["--bounds", "bayes"]])
    func usageErrorsExit64(extra: [String]) throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv"] + extra)
        #expect(r.status == 64, "\(r.stderr)")
    }
}
