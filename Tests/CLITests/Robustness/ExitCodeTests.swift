import Foundation
import Testing

/// Issue 10 item 6: a library error about the data or a result that does not exist is a data error
/// (65, message only), never a usage error (64 with a usage line).
@Suite("Exit codes of library errors (end to end)")
struct ExitCodeTests {
    @Test("burnin: a target the fitted model cannot reach exits 65 with the message and no usage line")
    func burnInUnreachableTarget() throws {
        let r = try CLIRunner.run(["burnin", "datasets/lifetime/nelson_insulating_fluid_voltage.csv", "--model", "weibull",
                                   "--acceleration-factor", "10", "--target-fit", "0.01"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("nelson_insulating_fluid_voltage.csv: no burn-in shorter than 1e12 use-equivalent hours meets the target"), "\(r.stderr)")
        #expect(!r.stderr.contains("Usage:") && !r.stderr.contains("USAGE"))
    }

    /// 100 FIT is reached, but only some 5e10 use hours on, where the hazard of the fitted Weibull
    /// (shape below 1) has fallen that far and every unit has failed: the plan says so. (It used to
    /// be refused as "could not be solved" because 1 - F(t) rounded to 0 in the hazard.)
    @Test("burnin: a target met only in the far tail is answered with a warning")
    func burnInFarTailTarget() throws {
        let r = try CLIRunner.run(["burnin", "datasets/lifetime/nelson_insulating_fluid_voltage.csv", "--model", "weibull",
                                   "--acceleration-factor", "10", "--target-fit", "100"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: the burn-in fails more than 99.99% of the units"), "\(r.stderr)")
    }

    @Test("burnin: a fitted Weibull whose hazard does not decrease exits 65")
    func burnInIncreasingHazard() throws {
        let r = try CLIRunner.run(["burnin", "datasets/lifetime/nist_8_4_1_3_weibull_example.csv", "--model", "weibull",
                                   "--acceleration-factor", "10", "--target-fit", "100"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("is not below 1"))
        #expect(!r.stderr.contains("Usage:"))
    }

    @Test("fitrate --plan: an impossible value in the plan file exits 65 naming the file")
    func fitRatePlanFile() throws {
        let path = try CLIRunner.temporaryFile("""
            test,units,hours,stress_temp_c,mechanism,ea_ev,failures
            HTOL,10,1000,125,oxide,0.7,12
            """, name: "plan.csv")
        let r = try CLIRunner.run(["fitrate", "--plan", path, "--use-temp", "55"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("plan.csv") && !r.stderr.contains("Usage:"))
    }

    @Test("an impossible argument is still a usage error (64)")
    func usageStaysUsage() throws {
        let r = try CLIRunner.run(["plan", "--reliability", "0.95", "--confidence", "1.5"])
        #expect(r.status == 64)
    }
}
