import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Ingest
import Lifetime
import Qualification
import Report

/// `relmodel fitrate`: failure rate in FIT at use conditions with the JESD85 chi-square bound.
struct FitRateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fitrate",
        abstract: "Failure rate in FIT (failures per 1e9 device-hours) at use conditions, with its chi-square upper bound.",
        discussion: RelmodelHelp.discussion("""
        Either one test (--units --hours --failures --stress-temp --use-temp --ea) or a plan file \
        (--plan FILE.csv, one row per stress test and failure mechanism: \
        test,units,hours,stress_temp_c,mechanism,ea_ev,failures[,use_temp_c]; a missing \
        (test, mechanism) pair has 0 failures). Upper bound per mechanism: chi2(C; 2r+2) / (2 D) * 1e9 \
        with D = sum of units * hours * Arrhenius AF over tests; the product's bound is the sum over \
        mechanisms. mttfHours = 1e9 / fit (a lower MTTF bound; also the MTBF of a constant rate). \
        An impossible value in the plan file is a data error.
        """)
    )

    @Option(help: "Units on test.") var units: Int?
    @Option(help: "Hours at stress per unit.") var hours: Double?
    @Option(help: "Failures observed (default 0).") var failures: Int?
    @Option(name: .customLong("stress-temp"), help: "Stress temperature, Celsius.") var stressTemp: Double?
    @Option(name: .customLong("use-temp"), help: "Use temperature, Celsius (with --plan: unless the file has use_temp_c).") var useTemp: Double?
    @Option(help: "Activation energy, eV.") var ea: Double?
    @Option(help: "CSV plan of several tests and mechanisms (see above).") var plan: String?
    @Option(help: "One-sided confidence of the upper bound, in (0, 1).") var confidence: Double = 0.6
    @OptionGroup var thermal: ThermalOptions
    @Flag(help: "Print one JSON document instead of a table.") var json = false

    func validate() throws {
        try checkConfidence(confidence)
        let single: [(String, Bool)] = [("--units", units != nil), ("--hours", hours != nil), ("--stress-temp", stressTemp != nil),
                                        ("--ea", ea != nil), ("--failures", failures != nil)]
        if plan != nil {
            if let given = single.first(where: \.1) { throw ValidationError("\(given.0) cannot be combined with --plan (the plan file gives it)") }
            return
        }
        let missing = single.dropLast().filter { !$0.1 }.map(\.0) + (useTemp == nil ? ["--use-temp"] : [])
        guard missing.isEmpty else { throw ValidationError("missing \(missing.joined(separator: ", ")) (or give --plan FILE.csv)") }
        guard units! > 0 else { throw ValidationError("--units must be positive, got \(units!)") }
        guard hours!.isFinite, hours! > 0 else { throw ValidationError("--hours must be positive, got \(hours!)") }
        let r = failures ?? 0
        guard r >= 0 else { throw ValidationError("--failures must be >= 0, got \(r)") }
        guard r <= units! else { throw ValidationError("--failures \(r) is more than --units \(units!)") }
        guard ea!.isFinite, ea! >= 0 else { throw ValidationError("--ea must be >= 0 eV, got \(ea!)") }
        guard useTemp! <= stressTemp! else {
            throw ValidationError("--use-temp \(useTemp!) C is above --stress-temp \(stressTemp!) C: the test would not accelerate")
        }
    }

    func run() throws {
        let constants = thermal.constants
        let failurePlan: FailureRatePlan
        if let plan {
            let table = try readTable(plan)
            do {
                failurePlan = try FailureRatePlanReader.read(table, useCelsius: useTemp, constants: constants)
            } catch {
                throw dataError(error)
            }
        } else {
            failurePlan = .single(units: Double(units!), hours: hours!, failures: failures ?? 0, stressCelsius: stressTemp!,
                                  useCelsius: useTemp!, activationEnergy: ea!, constants: constants)
        }
        let result = try qualificationCall(inputsFile: plan) { () throws(QualificationError) in try failurePlan.evaluate(confidence: confidence) }
        if json {
            writeOutput(result.json.serialized())
        } else {
            writeOutput(Self.text(failurePlan, result))
        }
    }

    static func text(_ plan: FailureRatePlan, _ result: FailureRateResult) -> String {
        var table = TextTable(headers: ["mechanism", "Ea eV", "failures", "equiv. device-hours", "chi2", "FIT point", "FIT upper"],
                              alignments: [.left, .right, .right, .right, .right, .right, .right],
                              numberStyles: [.init(), .init(digits: 4), .init(), .init(digits: 6), .init(digits: 5), .init(digits: 4), .init(digits: 4)])
        for m in result.mechanisms {
            table.append(cells: [.text(m.mechanism.name), .number(m.mechanism.activationEnergy), .text(String(m.failures)),
                                 .number(m.equivalentDeviceHours), .number(m.chiSquare), .number(m.fitPoint), .number(m.fit)])
        }
        let pct = NumberFormatting.significant(result.confidence * 100, 4)
        return table.rendered() + "\n\n" + keyValueTable([
            ("FIT upper bound (\(pct)%) at \(NumberFormatting.significant(result.useCelsius, 6)) C", NumberFormatting.significant(result.fit, 4)),
            ("FIT point estimate", NumberFormatting.significant(result.fitPoint, 4)),
            ("MTTF lower bound, hours", NumberFormatting.significant(result.mttfHours, 4)),
            ("device-hours at stress", NumberFormatting.significant(result.deviceHours, 6)),
        ])
    }
}
