import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Qualification
import Report

extension DemonstrationPlan.Kind: ExpressibleByArgument {}

/// `relmodel plan`: demonstration-test planning.
struct PlanCommand: ParsableCommand {
    typealias Kind = DemonstrationPlan.Kind

    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a reliability demonstration test.",
        discussion: RelmodelHelp.discussion("""
        --kind success-run (default): --reliability R --confidence C [--failures F] -> sampleSize \
        (smallest n with P(X <= F | n, 1 - R) <= 1 - C). \
        --kind exponential: --mttf H --confidence C [--failures F] [--units N] [--acceleration-factor AF] -> \
        totalDeviceHours = H chi2(C; 2F+2)/2, hoursPerUnit. \
        --kind weibayes: --units N --reliability R --mission-time T --shape B --confidence C [--failures F] -> testTime. \
        --kind ltpd: --units N --confidence C [--failures F] -> ltpd (Clopper-Pearson upper bound, a fraction). \
        --kind elfr: --units N --confidence C [--failures F] [--hours H --acceleration-factor AF] -> ppm bounds and FIT.
        """)
    )

    @Option(help: "Plan type: success-run, exponential, weibayes, ltpd, elfr.") var kind: Kind = .successRun
    @Option(help: "Reliability to demonstrate, in (0, 1).") var reliability: Double?
    @Option(help: "Confidence, in (0, 1).") var confidence: Double
    @Option(help: "Failures allowed.") var failures: Int = 0
    @Option(help: "Units on test.") var units: Int?
    @Option(help: "MTTF to demonstrate, hours (exponential).") var mttf: Double?
    @Option(name: .customLong("mission-time"), help: "Mission time at which R is demonstrated (weibayes).") var missionTime: Double?
    @Option(help: "Known Weibull shape (weibayes).") var shape: Double?
    @Option(help: "Hours of the early-life stress (elfr).") var hours: Double?
    @Option(name: .customLong("acceleration-factor"), help: "Acceleration factor of the test to use conditions.") var accelerationFactor: Double = 1
    @Flag(help: "Print one JSON document instead of a table.") var json = false

    func validate() throws {
        try checkConfidence(confidence)
        guard failures >= 0 else { throw ValidationError("--failures must be >= 0, got \(failures)") }
        if let units, failures > units { throw ValidationError("--failures \(failures) is more than --units \(units)") }
        guard accelerationFactor.isFinite, accelerationFactor > 0 else { throw ValidationError("--acceleration-factor must be positive") }
        func need(_ present: Bool, _ flag: String) throws {
            guard present else { throw ValidationError("--kind \(kind.rawValue) needs \(flag)") }
        }
        switch kind {
        case .successRun: try need(reliability != nil, "--reliability")
        case .exponential: try need(mttf != nil, "--mttf")
        case .weibayes:
            try need(units != nil, "--units"); try need(reliability != nil, "--reliability")
            try need(missionTime != nil, "--mission-time"); try need(shape != nil, "--shape")
        case .ltpd, .elfr: try need(units != nil, "--units")
        }
        if let reliability { try checkConfidence(reliability, "--reliability") }
    }

    func run() throws {
        let plan = try qualificationCall { () throws(QualificationError) in
            try DemonstrationPlan(kind, confidence: confidence, failures: failures, units: units, reliability: reliability, mttf: mttf,
                                  missionTime: missionTime, shape: shape, hours: hours, accelerationFactor: accelerationFactor)
        }
        if json {
            writeOutput(plan.json.serialized())
        } else {
            writeOutput(keyValueTable([("kind", kind.rawValue)] + plan.entries.map {
                ($0.key, $0.isCount ? $0.value.map { String(Int($0)) } ?? "-" : NumberFormatting.significant($0.value, 6))
            }))
        }
    }
}
