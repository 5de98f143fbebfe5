import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Qualification
import Report

/// `relmodel plan`: demonstration-test planning.
struct PlanCommand: ParsableCommand {
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case successRun = "success-run", exponential, weibayes, ltpd, elfr
    }

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
        var entries: [(String, JSONValue, String)] = [("kind", .string(kind.rawValue), kind.rawValue)]
        func add(_ key: String, _ value: Double?, digits: Int = 6) {
            entries.append((key, .number(value), NumberFormatting.significant(value, digits)))
        }
        entries.append(("confidence", .number(confidence), NumberFormatting.significant(confidence)))
        entries.append(("failures", .number(Double(failures)), String(failures)))
        try qualificationCall { () throws(QualificationError) in
            switch kind {
            case .successRun:
                let n = try SuccessRun.sampleSize(reliability: reliability!, confidence: confidence, failures: failures)
                add("reliability", reliability)
                entries.append(("sampleSize", .number(Double(n)), String(n)))
            case .exponential:
                let total = try LifeTestPlan.exponentialTestHours(mttf: mttf!, confidence: confidence, failures: failures)
                add("mttf", mttf)
                add("totalDeviceHours", total)
                add("accelerationFactor", accelerationFactor)
                add("totalDeviceHoursAtStress", total / accelerationFactor)
                if let units { add("hoursPerUnit", total / accelerationFactor / Double(units)) }
            case .weibayes:
                let t = try LifeTestPlan.weibayesTestTime(units: units!, reliability: reliability!, missionTime: missionTime!,
                                                          shape: shape!, confidence: confidence, failures: failures)
                add("reliability", reliability); add("missionTime", missionTime); add("shape", shape)
                add("testTime", t)
                add("testTimeAtStress", t / accelerationFactor)
            case .ltpd:
                let p = try LotTolerance.demonstratedLTPD(units: units!, failures: failures, confidence: confidence)
                add("ltpd", p)
                add("demonstratedReliability", 1 - p)
            case .elfr:
                let e = try EarlyLifeFailureRate(units: units!, failures: failures, confidence: confidence,
                                                 hours: hours, accelerationFactor: accelerationFactor)
                add("ppmChiSquare", e.ppmChiSquare)
                add("ppmExact", e.ppmExact)
                add("fit", e.fit)
            }
        }
        if let units, kind != .weibayes { entries.insert(("units", .number(Double(units)), String(units)), at: 1) }
        if json {
            print(JSONValue.object(entries.map { ($0.0, $0.1) }).serialized())
        } else {
            print(keyValueTable(entries.map { ($0.0, $0.2) }))
        }
    }
}
