import Foundation
import Testing

/// `relmodel nonparametric` end to end: JSON contracts, the table, and bad input with its exit code.
@Suite struct NonparametricCommandTests {
    // NIST 8.4.1.3: 20 units, first failure at 54 h with all 20 at risk: S = 19/20 = 0.95,
    // Greenwood SE = sqrt(0.95 * 0.05 / 20) = 0.0487340, log-log bounds 0.95^exp(+-z sqrt(1/380)/|ln 0.95|).
    @Test func kaplanMeierJSON() throws {
        let r = try CLIRunner.run(["nonparametric", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        #expect(doc["method"] as? String == "km")
        #expect(doc["bounds"] as? String == "log-log")
        #expect(doc["confidence"] as? Double == 0.95)
        #expect(doc["units"] as? Int == 20)
        let points = try #require(doc["points"] as? [[String: Any]])
        #expect(points.count == 10)
        let first = points[0]
        for key in ["time", "atRisk", "failures", "survival", "standardError", "lower", "upper"] {
            #expect(first[key] != nil, "missing key \(key)")
        }
        #expect(first["time"] as? Double == 54)
        #expect(first["atRisk"] as? Int == 20)
        #expect(first["failures"] as? Int == 1)
        #expect(first["survival"] as? Double == 0.95)
        let se = (0.95 * 0.05 / 20).squareRoot()
        #expect(abs((first["standardError"] as! Double) - se) < 1e-15)
        let w = 1.959963984540054 * (1.0 / 380).squareRoot() / -log(0.95)
        #expect(abs((first["lower"] as! Double) - pow(0.95, exp(w))) < 1e-12)
        #expect(abs((first["upper"] as! Double) - pow(0.95, exp(-w))) < 1e-12)
        #expect(abs((points[9]["survival"] as! Double) - 0.5) < 1e-15)
    }

    @Test func plainBoundsAndTable() throws {
        let r = try CLIRunner.run(["nonparametric", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv",
                                   "--km-bounds", "plain", "--confidence", "0.9"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Kaplan-Meier"))
        #expect(r.stdout.contains("plain bounds 90% two-sided"))
        // t = 54: 0.95 -/+ 1.644854 * 0.04873397 = 0.8698397, 1 (clipped from 1.030160).
        #expect(r.stdout.contains("0.8698397"))
        #expect(r.stdout.contains("0.0487340"))   // the std. error column has one number of decimals (7)
    }

    // Nelson-Aalen at 54: H = 1/20, SE = sqrt(1/400) = 1/20, survival exp(-0.05).
    @Test func nelsonAalenJSON() throws {
        let r = try CLIRunner.run(["nonparametric", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--method", "na", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        #expect(doc["method"] as? String == "na")
        let first = try #require((doc["points"] as? [[String: Any]])?.first)
        #expect(first["cumulativeHazard"] as? Double == 0.05)
        #expect(first["standardError"] as? Double == 0.05)
        #expect(abs((first["survival"] as! Double) - exp(-0.05)) < 1e-15)
        for key in ["lower", "upper", "survivalLower", "survivalUpper", "atRisk", "failures", "time"] {
            #expect(first[key] != nil, "missing key \(key)")
        }
    }

    // Readout data: masses 2/1000, 3/1000, 4/1000, 991/1000; the last interval's upper end is null (+inf).
    @Test func turnbullJSON() throws {
        let csv = "start,end,count\n0,168,2\n168,500,3\n500,1000,4\n1000,,991\n"
        let r = try CLIRunner.run(["nonparametric", "-", "--method", "turnbull", "--json"], stdin: csv)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        #expect(doc["method"] as? String == "turnbull")
        #expect(doc["converged"] as? Bool == true)
        #expect(doc["iterations"] as? Int == 2)
        let intervals = try #require(doc["intervals"] as? [[String: Any]])
        #expect(intervals.count == 4)
        let masses = [0.002, 0.003, 0.004, 0.991]
        for (i, m) in masses.enumerated() { #expect(abs((intervals[i]["mass"] as! Double) - m) < 1e-15) }
        #expect(intervals[3]["upper"] is NSNull)
        #expect(intervals[0]["lower"] as? Double == 0)
        #expect(abs((intervals[2]["survival"] as! Double) - 0.991) < 1e-15)
    }

    @Test func turnbullNonConvergenceIsFlagged() throws {
        let csv = "start,end,count\n0,2,2\n1,3,3\n2,4,1\n3,,2\n"
        let r = try CLIRunner.run(["nonparametric", "-", "--method", "turnbull", "--max-iterations", "3"], stdin: csv)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("NOT CONVERGED in 3 iterations"))
        #expect(r.stderr.contains("not converged after 3 iterations"))
    }

    @Test func leftCensoredInputToKaplanMeierExits65() throws {
        let path = try CLIRunner.temporaryFile("start,end,count\n0,100,2\n100,,8\n")
        let r = try CLIRunner.run(["nonparametric", path, "--method", "km"])
        #expect(r.status == 65, "stdout: \(r.stdout) stderr: \(r.stderr)")
        #expect(r.stderr.contains(path))
        #expect(r.stderr.contains("Kaplan-Meier needs exact failures and right-censored units"))
        #expect(r.stderr.contains("2 left-censored"))
        #expect(r.stdout.isEmpty)
    }

    @Test func badInputAndUsage() throws {
        let bad = try CLIRunner.temporaryFile("time,event\n10,1\nabc,1\n")
        let r = try CLIRunner.run(["nonparametric", bad])
        #expect(r.status == 65)
        #expect(r.stderr.contains(":3:"))
        let missing = try CLIRunner.run(["nonparametric", "/nonexistent/file.csv"])
        #expect(missing.status == 66)
        let usage = try CLIRunner.run(["nonparametric", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--confidence", "1.5"])
        #expect(usage.status == 64)
        let method = try CLIRunner.run(["nonparametric", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--method", "xyz"])
        #expect(method.status == 64)
    }
}
