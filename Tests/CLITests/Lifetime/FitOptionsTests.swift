import Foundation
import Testing

/// `relmodel fit` options beyond the basic fit: derived quantities, one-sided bounds, Weibayes, --all.
@Suite struct FitOptionsTests {
    let nist = "datasets/lifetime/nist_8_4_1_3_weibull_example.csv"

    @Test func derivedQuantitiesAreKeyedAsTyped() throws {
        let r = try CLIRunner.run(["fit", nist, "--dist", "weibull2p", "--at", "300", "--conditional", "100:200",
                                   "--mrl", "100", "--b-life", "1", "--b-life", "10", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let model = try #require((try CLIRunner.json(r.stdout)["models"] as? [[String: Any]])?.first)
        let q = try #require(model["quantities"] as? [String: Any])
        #expect(q["b1"] != nil && q["b10"] != nil)
        let reliability = try #require((q["reliability"] as? [String: Any])?["300"] as? [String: Any])
        let p = try #require(model["parameters"] as? [String: Double])
        // R(300) = exp(-(300/eta)^beta), written here from the printed parameters.
        let expected = exp(-pow(300 / p["eta"]!, p["beta"]!))
        #expect(abs((reliability["value"] as! Double) - expected) < 1e-12)
        #expect((q["hazard"] as? [String: Any])?["300"] != nil)
        let conditional = try #require((q["conditionalReliability"] as? [String: Any])?["100:200"] as? [String: Any])
        #expect(abs((conditional["value"] as! Double) - exp(-pow(300 / p["eta"]!, p["beta"]!) + pow(100 / p["eta"]!, p["beta"]!))) < 1e-12)
        #expect((q["meanResidualLife"] as? [String: Any])?["100"] != nil)
    }

    /// A one-sided 95 % lower bound is the lower end of the two-sided 90 % interval.
    @Test func oneSidedBounds() throws {
        let one = try CLIRunner.json(try CLIRunner.run(["fit", nist, "--dist", "weibull2p", "--sides", "lower", "--json"]).stdout)
        let two = try CLIRunner.json(try CLIRunner.run(["fit", nist, "--dist", "weibull2p", "--confidence", "0.9", "--json"]).stdout)
        let b1 = ((one["models"] as! [[String: Any]])[0]["bounds"] as! [String: Any])
        let b2 = ((two["models"] as! [[String: Any]])[0]["bounds"] as! [String: Any])
        #expect(b1["sides"] as? String == "lower")
        let eta1 = b1["eta"] as! [Any], eta2 = b2["eta"] as! [Any]
        #expect(abs((eta1[0] as! Double) - (eta2[0] as! Double)) < 1e-9)
        #expect(eta1[1] is NSNull)
    }

    /// Zero failures with a known shape: the Weibayes bound is the answer, exit 0.
    @Test func weibayesWithZeroFailures() throws {
        let path = try CLIRunner.temporaryFile("time,event,count\n500,0,10\n")
        let r = try CLIRunner.run(["fit", path, "--shape", "2", "--confidence", "0.9", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let weibayes = try #require(try CLIRunner.json(r.stdout)["weibayes"] as? [String: Any])
        #expect(abs((weibayes["etaLowerBound"] as! Double) - (2.5e6 / log(10.0)).squareRoot()) < 1e-9)
    }

    @Test func fitAllListsEveryFamily() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/lieblein_zelen_ball_bearings.csv", "--all", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let models = try #require(try CLIRunner.json(r.stdout)["models"] as? [[String: Any]])
        #expect(models.count == 12)
        #expect(Set(models.compactMap { $0["distribution"] as? String }).count == 12)
    }

    @Test func impossibleQuantitiesExit64() throws {
        for extra in [["--conditional", "100"], ["--mrl", "-1"], ["--shape", "0"], ["--sides", "lower", "--confidence", "0.4"]] {
            let r = try CLIRunner.run(["fit", nist] + extra)
            #expect(r.status == 64, "\(extra): \(r.stderr)")
        }
    }
}

@Suite struct FitByGroupTests {
    /// One JSON object per group per line, in order of first appearance; a group with no failures is
    /// reported with its reason and the exit code says so.
    @Test func groupsAreFittedSeparately() throws {
        let path = try CLIRunner.temporaryFile("lot,time,event\nA,10,1\nA,20,1\nA,35,0\nB,5,1\nB,7,1\nB,30,1\nC,40,0\n")
        let r = try CLIRunner.run(["fit", path, "--by", "lot", "--dist", "exponential1p", "--json"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("lot C"))
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let docs = try lines.map { try CLIRunner.json($0) }
        #expect(docs.map { $0["group"] as? String } == ["A", "B", "C"])
        // Group A alone: lambda = 2 / (10 + 20 + 35).
        let a = (docs[0]["models"] as! [[String: Any]])[0]["parameters"] as! [String: Double]
        #expect(abs(a["lambda"]! - 2.0 / 65.0) < 1e-12)
        let b = (docs[1]["models"] as! [[String: Any]])[0]["parameters"] as! [String: Double]
        #expect(abs(b["lambda"]! - 3.0 / 42.0) < 1e-12)
        #expect(docs[2]["best"] is NSNull)
    }

    @Test func missingGroupColumnExits65() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--by", "lot"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("no 'lot' column"))
    }
}

@Suite struct FitFixedParameterTests {
    @Test func fixedShapeThroughTheCLI() throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--dist", "lognormal2p", "--fix", "sigma=0.8", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let model = try #require((try CLIRunner.json(r.stdout)["models"] as? [[String: Any]])?.first)
        #expect((model["fixed"] as? [String: Double])?["sigma"] == 0.8)
        #expect((model["bounds"] as? [String: Any])?["sigma"] as? [NSNull] != nil)
    }

    @Test(arguments: [["--fix", "sigma=1"], ["--dist", "weibull2p", "--fix", "sigma=1"], ["--dist", "weibull2p", "--fix", "beta"],
                      ["--dist", "weibull2p", "--fix", "beta=2", "--shape", "2"]])
    func impossibleFixingsExit64(extra: [String]) throws {
        let r = try CLIRunner.run(["fit", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv"] + extra)
        #expect(r.status == 64, "\(extra): \(r.stderr)")
    }
}
