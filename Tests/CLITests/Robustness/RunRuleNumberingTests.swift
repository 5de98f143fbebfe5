import Foundation
import Testing

/// Issue 10 item 4: rule numbers are Nelson/Minitab test numbers everywhere, whichever set is named.
@Suite("Run rules: one numbering (end to end)")
struct RunRuleNumberingTests {
    /// Subgroups of 2 with range 1 (sigma = 1/d2 = 0.8862, sigma of the mean 0.6267); 20 phase I
    /// subgroups alternate around 0, then phase II has a 2-of-3 beyond 2 sigma pattern (subgroups
    /// 21-23) and a 4-of-5 beyond 1 sigma pattern (25-29), nothing beyond the limits.
    static func chartData() throws -> String {
        let means = (0..<20).map { $0 % 2 == 0 ? 0.1 : -0.1 } + [1.5, 0, 1.5, 0, -0.9, -0.9, 0.1, -0.9, -0.9, 0]
        var csv = "subgroup,value\n"
        for (i, m) in means.enumerated() { csv += "\(i + 1),\(m - 0.5)\n\(i + 1),\(m + 0.5)\n" }
        return try CLIRunner.temporaryFile(csv)
    }

    static func signals(_ stdout: String) throws -> [String: [Int]] {
        let charts = try #require(try CLIRunner.json(stdout)["charts"] as? [[String: Any]])
        let points = try #require(charts.first?["points"] as? [[String: Any]])
        var result: [String: [Int]] = [:]
        for p in points {
            let s = try #require(p["signals"] as? [Int])
            if !s.isEmpty { result[try #require(p["subgroup"] as? String)] = s }
        }
        return result
    }

    @Test("xbar-r --rules we reports tests 5 and 6 for two-of-three and four-of-five")
    func westernElectricOnAChart() throws {
        let path = try Self.chartData()
        let r = try CLIRunner.run(["spc", "xbar-r", path, "--value", "value", "--subgroup", "subgroup",
                                   "--phase1", "1-20", "--rules", "we", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.signals(r.stdout) == ["23": [5], "29": [6]])
        // The same tests named by number give the same signals.
        let numbered = try CLIRunner.run(["spc", "xbar-r", path, "--value", "value", "--subgroup", "subgroup",
                                          "--phase1", "1-20", "--rules", "1,5,6,2:8", "--json"])
        #expect(try Self.signals(numbered.stdout) == ["23": [5], "29": [6]])
    }

    @Test("study subgroup-size: --help lists exactly the tests it accepts (1, 2, 5, 6)")
    func studyHelpMatchesWhatIsAccepted() throws {
        let help = try CLIRunner.run(["study", "subgroup-size", "--help"])
        let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("1, 2, 5, 6"))
        #expect(!flat.contains("1, 2, 3, 4"))
        for test in ["1", "2", "5", "6", "1,2,5,6", "we", "2:8"] {
            let r = try CLIRunner.run(["study", "subgroup-size", "--sizes", "4", "--rules", test, "--json"])
            #expect(r.status == 0, "--rules \(test): \(r.stderr)")
        }
        for test in ["3", "4", "7", "8", "nelson"] {
            let r = try CLIRunner.run(["study", "subgroup-size", "--sizes", "4", "--rules", test])
            #expect(r.status == 64, "--rules \(test) should be refused")
            #expect(r.stderr.contains("1, 2, 5 and 6"))
        }
    }

    @Test("spc arl: we is tests 1, 5, 6 and 2 with K 8 (Champ & Woodall 91.75)")
    func arlWesternElectricByNumber() throws {
        for rules in ["we", "1,5,6,2:8", "2:8,6,5,1"] {
            let r = try CLIRunner.run(["spc", "arl", "--rules", rules, "--shifts", "0", "--json"])
            #expect(r.status == 0, "\(r.stderr)")
            let rows = try #require(try CLIRunner.json(r.stdout)["arl"] as? [[String: Any]])
            #expect(abs(try #require(rows[0]["arl"] as? Double) - 91.75) <= 0.005, "--rules \(rules)")
        }
    }
}
