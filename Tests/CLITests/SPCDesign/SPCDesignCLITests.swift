import Foundation
import Testing

/// The `arl` member of each element of a `spc arl --json` document's `arl` array.
private func arlValues(_ json: String) throws -> [Double] {
    let rows = try #require(try CLIRunner.json(json)["arl"] as? [[String: Any]])
    return try rows.map { try #require($0["arl"] as? Double) }
}

@Suite("relmodel spc arl / study subgroup-size (end to end)")
struct SPCDesignCLITests {
    /// Champ & Woodall (1987): 91.75 with the four Western Electric rules.
    @Test func westernElectricJSON() throws {
        let result = try CLIRunner.run(["spc", "arl", "--chart", "shewhart", "--rules", "we", "--shifts", "0", "--json"])
        #expect(result.status == 0)
        let arls = try arlValues(result.stdout)
        #expect(arls.count == 1)
        #expect(abs(arls[0] - 91.75) <= 0.005)
        #expect(result.stdout.hasPrefix("{\"chart\": \"shewhart\""))
    }

    /// One `arl` per shift asked: rule 1 alone 370.40 (Champ & Woodall) and, with n 5, the Xbar OC
    /// values 4.50 at 1 sigma and 33.40 at 0.5 sigma (Montgomery; qcc).
    @Test func shewhartShiftsWithSubgroups() throws {
        let result = try CLIRunner.run(["spc", "arl", "--shifts", "0,0.5,1", "--n", "5", "--json"])
        #expect(result.status == 0)
        let arls = try arlValues(result.stdout)
        #expect(arls.count == 3)
        #expect(abs(arls[0] - 370.40) <= 0.005)
        #expect(abs(arls[1] - 33.40) <= 0.005)
        #expect(abs(arls[2] - 4.50) <= 0.005)
    }

    /// EWMA lambda 0.5, L 3.071: 500 and 17.5 (Lucas & Saccucci 1990); the critical L for 500 is
    /// 3.071; CUSUM k 0.5, h 5: 465 and 10.4 (Montgomery Table 9.3).
    @Test func ewmaAndCUSUM() throws {
        let ewma = try CLIRunner.run(["spc", "arl", "--chart", "ewma", "--lambda", "0.5", "--L", "3.071", "--shifts", "0,1", "--json"])
        #expect(ewma.status == 0)
        let ewmaARLs = try arlValues(ewma.stdout)
        #expect(abs(ewmaARLs[0] - 500) <= 0.5 && abs(ewmaARLs[1] - 17.5) <= 0.05)

        let target = try CLIRunner.run(["spc", "arl", "--chart", "ewma", "--lambda", "0.5", "--target-arl", "500", "--shifts", "0", "--json"])
        #expect(target.status == 0)
        let document = try CLIRunner.json(target.stdout)
        #expect(abs(try #require(document["L"] as? Double) - 3.071) <= 0.0005)

        let cusum = try CLIRunner.run(["spc", "arl", "--chart", "cusum", "--k", "0.5", "--h", "5", "--shifts", "0,1", "--json"])
        #expect(cusum.status == 0)
        let cusumARLs = try arlValues(cusum.stdout)
        #expect(abs(cusumARLs[0] - 465) <= 0.5 && abs(cusumARLs[1] - 10.4) <= 0.05)
    }

    @Test func tableOutput() throws {
        // The Western Electric set in Nelson/Minitab test numbers, with K = 8 for test 2.
        let result = try CLIRunner.run(["spc", "arl", "--rules", "1,2,5,6", "--run-length", "8", "--shifts", "0"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("91.751"))
    }

    /// Impossible arguments are usage errors: exit 64.
    @Test(arguments: [
        ["spc", "arl", "--chart", "ewma", "--lambda", "1.5", "--L", "3"],
        ["spc", "arl", "--chart", "ewma", "--lambda", "0", "--L", "3"],
        ["spc", "arl", "--chart", "cusum", "--h=-5"],
        ["spc", "arl", "--n", "0"],
        ["spc", "arl", "--rules", "3"],
        ["spc", "arl", "--shifts", "0,x"],
        ["spc", "arl", "--chart", "ewma", "--L", "3"],
        ["spc", "arl", "--chart", "cusum", "--k", "0.5", "--target-arl", "1.1"],
        ["study", "subgroup-size", "--sizes", "0,5"],
        ["study", "subgroup-size", "--interval", "1", "--intervals", "1,2"],
    ])
    func impossibleArgumentsExit64(arguments: [String]) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 64)
        #expect(!result.stderr.isEmpty)
    }

    /// ATS = ARL × interval; rule 1 at n 5, 1 sigma: ARL 4.50 (Montgomery), so ATS 9.0 every 2 h.
    @Test func subgroupSizeStudyJSON() throws {
        let result = try CLIRunner.run(["study", "subgroup-size", "--sizes", "1,5", "--interval", "2", "--shift", "1", "--json"])
        #expect(result.status == 0)
        let document = try CLIRunner.json(result.stdout)
        let rows = try #require(document["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        let five = rows[1]
        #expect(five["n"] as? Int == 5)
        #expect(abs(try #require(five["arl"] as? Double) - 4.50) <= 0.005)
        #expect(abs(try #require(five["ats"] as? Double) - 9.0) <= 0.01)
        #expect(abs(try #require(five["inControlARL"] as? Double) - 370.40) <= 0.005)
        let text = try CLIRunner.run(["study", "subgroup-size", "--sizes", "2,3,4,5,6", "--intervals", "0.5,1", "--rules", "we"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("ATS1 (h)"))
    }
}
