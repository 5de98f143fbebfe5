import Foundation
import Testing

/// `relmodel fitrate`, `plan` and `alt` end to end: JSON keys, published numbers, bad input.
@Suite struct QualificationCommandTests {
    func half(_ x: Double, _ printed: Double, _ unit: Double) -> Bool { abs(x - printed) <= unit / 2 }

    /// ECS crystal report with the report's constants (k 8.6173e-5, offset 273): AF 69.6; the
    /// unrounded bound at 25 C is 21.954 FIT (the report's 21.9 comes from rounding AF first).
    @Test func fitrateSingleTest() throws {
        let r = try CLIRunner.run(["fitrate", "--units", "300", "--hours", "2000", "--failures", "0", "--stress-temp", "85",
                                   "--use-temp", "25", "--ea", "0.65", "--boltzmann", "8.6173e-5", "--kelvin-offset", "273", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        for key in ["fit", "fitPoint", "accelerationFactor", "equivalentDeviceHours", "mttfHours"] { #expect(doc[key] != nil, "missing \(key)") }
        #expect(half(doc["accelerationFactor"] as! Double, 69.6, 0.1))
        #expect(abs(doc["fit"] as! Double - 21.95358) < 1e-5)
        #expect(doc["fitPoint"] as? Double == 0)
        #expect(abs(doc["equivalentDeviceHours"] as! Double - 600_000 * (doc["accelerationFactor"] as! Double)) < 1e-3)
        #expect(abs(doc["mttfHours"] as! Double - 1e9 / (doc["fit"] as! Double)) < 1e-3)
        // Freescale: 500,000 device-hours, AF 1, 60% -> 1,833 FIT.
        let f = try CLIRunner.run(["fitrate", "--units", "500", "--hours", "1000", "--stress-temp", "55", "--use-temp", "55", "--ea", "0.7", "--json"])
        #expect(half(try CLIRunner.json(f.stdout)["fit"] as! Double, 1833, 1))
    }

    @Test func fitratePlanFile() throws {
        let path = try CLIRunner.temporaryFile("""
            test,units,hours,stress_temp_c,mechanism,ea_ev,failures
            HTOL-125,77,1000,125,oxide,0.7,0
            HTOL-125,77,1000,125,em,0.9,1
            HTOL-150,45,500,150,oxide,0.7,1
            """)
        let r = try CLIRunner.run(["fitrate", "--plan", path, "--use-temp", "55", "--confidence", "0.9", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        let mechanisms = try #require(doc["mechanisms"] as? [[String: Any]])
        #expect(mechanisms.count == 2)
        let total = mechanisms.reduce(0.0) { $0 + ($1["fit"] as! Double) }
        #expect(abs(doc["fit"] as! Double - total) < 1e-9 * total)
        #expect(mechanisms[1]["failures"] as? Int == 1)
        #expect((mechanisms[1]["accelerationFactors"] as! [Double]).count == 2)
    }

    @Test func fitrateRejectsImpossibleInput() throws {
        let base = ["fitrate", "--units", "10", "--hours", "100", "--stress-temp", "125", "--use-temp", "55", "--ea", "0.7"]
        for (extra, message) in [(["--failures", "11"], "more than --units"), (["--confidence", "1.5"], "between 0 and 1")] {
            let r = try CLIRunner.run(base + extra)
            #expect(r.status == 64)
            #expect(r.stderr.contains(message), "\(r.stderr)")
        }
        let neg = try CLIRunner.run(["fitrate", "--units", "10", "--hours", "-5", "--stress-temp", "125", "--use-temp", "55", "--ea", "0.7"])
        #expect(neg.status == 64 && neg.stderr.contains("--hours"))
        let hot = try CLIRunner.run(["fitrate", "--units", "10", "--hours", "5", "--stress-temp", "125", "--use-temp", "130", "--ea", "0.7"])
        #expect(hot.status == 64 && hot.stderr.contains("above --stress-temp"))
        let path = try CLIRunner.temporaryFile("test,units,hours,stress_temp_c,mechanism,ea_ev,failures\nA,10,100,125,ox,0.7,0\nA,12,100,125,em,0.9,0\n")
        let bad = try CLIRunner.run(["fitrate", "--plan", path, "--use-temp", "55"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains(":3: column 'units' (2)"), "\(bad.stderr)")
        let missing = try CLIRunner.run(["fitrate", "--plan", "/nonexistent/plan.csv", "--use-temp", "55"])
        #expect(missing.status == 66)
    }

    @Test func planSampleSizes() throws {
        for (r, c, f, n) in [("0.95", "0.95", "0", 59), ("0.95", "0.95", "1", 93), ("0.90", "0.90", "0", 22), ("0.99", "0.90", "0", 230)] {
            let out = try CLIRunner.run(["plan", "--reliability", r, "--confidence", c, "--failures", f, "--json"])
            #expect(out.status == 0, "\(out.stderr)")
            #expect(try CLIRunner.json(out.stdout)["sampleSize"] as? Int == n)
        }
        let ltpd = try CLIRunner.run(["plan", "--kind", "ltpd", "--units", "231", "--confidence", "0.9", "--json"])
        #expect(half((try CLIRunner.json(ltpd.stdout)["ltpd"] as! Double) * 100, 0.99, 0.01))
        let bad = try CLIRunner.run(["plan", "--reliability", "1.2", "--confidence", "0.9"])
        #expect(bad.status == 64 && bad.stderr.contains("--reliability"))
        let noConfidence = try CLIRunner.run(["plan", "--reliability", "0.9", "--confidence", "0"])
        #expect(noConfidence.status == 64)
    }

    /// Nelson insulating fluid: shape 0.777, exponent -17.7, LL -300.8176.
    @Test func altNelson() throws {
        let r = try CLIRunner.run(["alt", "datasets/lifetime/nelson_insulating_fluid_voltage.csv", "--stress", "voltage_kV",
                                   "--dist", "weibull2p", "--relationship", "inverse-power", "--use-stress", "20", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        for key in ["distribution", "parameters", "standardErrors", "bounds", "logLikelihood", "converged", "diagnostics", "use"] {
            #expect(doc[key] != nil, "missing \(key)")
        }
        let p = try #require(doc["parameters"] as? [String: Double])
        #expect(half(p["beta"]!, 0.777, 0.001))
        #expect(half(p["exponent"]!, -17.7, 0.1))
        #expect(half(doc["logLikelihood"] as! Double, -300.8176, 0.0001))
        #expect(doc["converged"] as? Bool == true)
    }

    @Test func altArrheniusReportsActivationEnergy() throws {
        // Nelson's voltages read as temperatures (x 3, Celsius): any data serve to check the key.
        var csv = "time,event,count,temp\n"
        let text = try String(contentsOfFile: CLIRunner.packageRoot + "/datasets/lifetime/nelson_insulating_fluid_voltage.csv", encoding: .utf8)
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",")
            csv += "\(f[0]),\(f[1]),\(f[2]),\(Double(f[3])! * 3)\n"
        }
        let path = try CLIRunner.temporaryFile(csv)
        let r = try CLIRunner.run(["alt", path, "--stress", "temp", "--use-stress", "40", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let ea = try #require(try CLIRunner.json(r.stdout)["activationEnergy"] as? [String: Any])
        #expect(ea["value"] is Double && ea["lr"] is [Double])
    }

    @Test func altRejectsBadData() throws {
        let path = try CLIRunner.temporaryFile("time,event,v\n10,1,20\n20,1,0\n")
        let r = try CLIRunner.run(["alt", path, "--stress", "v", "--relationship", "inverse-power"])
        #expect(r.status == 65)
        #expect(r.stderr.contains(":3: column 'v' (3): expected a positive stress"), "\(r.stderr)")
        let one = try CLIRunner.temporaryFile("time,event,v\n10,1,20\n20,1,20\n")
        let single = try CLIRunner.run(["alt", one, "--stress", "v", "--relationship", "inverse-power"])
        #expect(single.status == 65 && single.stderr.contains("stress level"))
        let noColumn = try CLIRunner.run(["alt", one, "--stress", "volts", "--relationship", "inverse-power"])
        #expect(noColumn.status == 65 && noColumn.stderr.contains("no 'volts' column"))
        let badConfidence = try CLIRunner.run(["alt", one, "--stress", "v", "--confidence", "2"])
        #expect(badConfidence.status == 64)
    }
}
