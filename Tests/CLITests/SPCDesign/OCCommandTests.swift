import Foundation
import Testing

@Suite struct OCCommandTests {
    /// Montgomery / qcc piston rings: Xbar chart, n 5, 3-sigma limits: ARL 33.40 at a 0.5-sigma shift
    /// and 4.50 at 1 sigma.
    @Test func xbarOperatingCharacteristic() throws {
        let r = try CLIRunner.run(["spc", "oc", "--chart", "xbar", "--n", "5", "--at", "0.5,1", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let oc = try #require(try CLIRunner.json(r.stdout)["oc"] as? [[String: Double]])
        #expect(abs(oc[0]["arl"]! - 33.40) < 0.005)
        #expect(abs(oc[1]["arl"]! - 4.50) < 0.005)
        #expect(abs(oc[1]["beta"]! + oc[1]["signalProbability"]! - 1) < 1e-15)
    }

    /// c chart, c0 = 4: limits 4 +- 6 give LCL 0 (truncated) and UCL 10, so at the centre beta = P(C <= 10).
    @Test func countChartAgainstPoissonSum() throws {
        let r = try CLIRunner.run(["spc", "oc", "--chart", "c", "--center", "4", "--at", "4", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let oc = try #require(try CLIRunner.json(r.stdout)["oc"] as? [[String: Double]])
        var term = exp(-4.0), sum = term
        for k in 1...10 { term *= 4 / Double(k); sum += term }
        #expect(abs(oc[0]["beta"]! - sum) < 1e-12)
    }

    @Test(arguments: [["spc", "oc", "--chart", "p", "--at", "0.1"], ["spc", "oc", "--n", "0"], ["spc", "oc", "--at", "x"]])
    func impossibleArgumentsExit64(arguments: [String]) throws {
        #expect(try CLIRunner.run(arguments).status == 64)
    }
}

@Suite struct ARLSimulationCommandTests {
    /// Any rule set by simulation; the Western Electric set agrees with Champ & Woodall's 91.75 within
    /// four standard errors.
    @Test func simulatedWesternElectricARL() throws {
        let r = try CLIRunner.run(["spc", "arl", "--simulate", "--rules", "we", "--replicates", "2000", "--shifts", "0", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let arl = try #require((try CLIRunner.json(r.stdout)["arl"] as? [[String: Double]])?.first)
        #expect(abs(arl["arl"]! - 91.75) < 4 * arl["standardError"]!)
        #expect(arl["censored"] == 0)
    }

    @Test func trendRulesNeedSimulation() throws {
        let r = try CLIRunner.run(["spc", "arl", "--rules", "1,3"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--simulate"))
    }
}
