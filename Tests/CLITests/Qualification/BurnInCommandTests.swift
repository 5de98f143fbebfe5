import Foundation
import Testing

/// `relmodel burnin` end to end on the IC defective-subpopulation data (Meeker 1987).
@Suite struct BurnInCommandTests {
    @Test func icRemoveHalfTheDefectives() throws {
        let r = try CLIRunner.run(["burnin", "datasets/lifetime/ic_lfp1370.csv", "--acceleration-factor", "20",
                                   "--remove-fraction", "0.5", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try CLIRunner.json(r.stdout)
        let model = try #require(doc["model"] as? [String: Any])
        let p = model["fraction"] as! Double, eta = model["eta"] as! Double, beta = model["beta"] as! Double
        #expect(abs(p / 0.0067445 - 1) < 1e-4 && abs(eta / 28.367 - 1) < 1e-4 && abs(beta / 0.49598 - 1) < 1e-4)
        // Closed form: t_e = eta (ln 2)^(1/beta), t_b = t_e / AF, fallout p / 2.
        let stress = try #require(doc["stressHours"] as? [String: Any])
        let te = eta * pow(log(2.0), 1 / beta)
        #expect(abs((stress["value"] as! Double) - te / 20) < 1e-9 * te)
        #expect(abs((doc["fallout"] as! Double) - p / 2) < 1e-12)
        let bounds = try #require(stress["bounds"] as? [Double])
        #expect(bounds[0] < te / 20 && te / 20 < bounds[1])
    }

    @Test func rejectsImpossibleInput() throws {
        let shape = try CLIRunner.run(["burnin", "--shape", "1.5", "--scale", "1000", "--acceleration-factor", "10", "--target-fit", "10"])
        #expect(shape.status == 64 && shape.stderr.contains("--shape"))
        let twoTargets = try CLIRunner.run(["burnin", "--shape", "0.5", "--scale", "1000", "--acceleration-factor", "10",
                                            "--target-fit", "10", "--remove-fraction", "0.5"])
        #expect(twoTargets.status == 64 && twoTargets.stderr.contains("exactly one target"))
        let hot = try CLIRunner.run(["burnin", "--shape", "0.5", "--scale", "1000", "--stress-temp", "25", "--use-temp", "55",
                                     "--ea", "0.7", "--target-fit", "10"])
        #expect(hot.status == 64 && hot.stderr.contains("above --stress-temp"))
        let path = try CLIRunner.temporaryFile("time,event,count\n10,1,1\n-5,1,1\n")
        let bad = try CLIRunner.run(["burnin", path, "--acceleration-factor", "10", "--target-fit", "10"])
        #expect(bad.status == 65 && bad.stderr.contains(":3: column 'time' (1)"), "\(bad.stderr)")
    }
}
