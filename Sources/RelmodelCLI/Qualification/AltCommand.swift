import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Ingest
import Lifetime
import Report

extension LifeStressRelationship: ExpressibleByArgument {}

/// `relmodel alt FILE --stress COLUMN`: accelerated-life (life-stress) maximum-likelihood fit.
struct AltCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alt",
        abstract: "Fit a life-stress (accelerated life) model and extrapolate to use conditions.",
        discussion: RelmodelHelp.discussion("""
        FILE: lifetime columns as for `relmodel fit` plus a stress column (--stress; Peck also needs \
        --humidity). mu = b0 + b1 x with x = 1/(kT) for arrhenius (b1 = Ea in eV) and eyring (plus -ln T), \
        ln V for inverse-power (b1 = exponent), V for exponential; sigma common. Temperatures in Celsius. \
        Bounds: Fisher and likelihood ratio on the coefficients and sigma; Fisher (delta method) on \
        quantities at --use-stress.
        """)
    )

    @Argument(help: "CSV file, or - for standard input.") var file: String
    @Option(help: "Name of the stress column (temperature in Celsius for arrhenius, eyring, peck).") var stress: String
    @Option(help: "Name of the relative-humidity column (peck only).") var humidity: String?
    @Option(name: .customLong("dist"), help: "weibull2p, lognormal2p or exponential1p.") var distribution: String = "weibull2p"
    @Option(help: "arrhenius, eyring, inverse-power, exponential or peck.") var relationship: LifeStressRelationship = .arrhenius
    @Option(name: .customLong("use-stress"), help: "Use-condition stress for extrapolation.") var useStress: Double?
    @Option(name: .customLong("use-humidity"), help: "Use-condition relative humidity (peck).") var useHumidity: Double?
    @Option(help: "Two-sided confidence of the bounds, in (0, 1).") var confidence: Double = 0.95
    @Option(name: .customLong("b-life"), help: "B-life percent reported at use.") var bLife: Double = 10
    @Option(name: .customLong("mission-hours"), help: "Period for the average failure rate (FIT) at use, hours.") var missionHours: Double = 100_000
    @OptionGroup var thermal: ThermalOptions
    @OptionGroup var columnOptions: LifetimeColumnOptions
    @Flag(help: "Print one JSON document instead of tables.") var json = false

    @Option(help: "Write the life-stress plot (each unit's time at its stress; fitted B10, median and B90 lives across the stress range, log time axis, the use stress marked) to this SVG file.")
    var plot: String?

    var family: LifetimeFamily { LifetimeFamily(rawValue: distribution)! }

    func validate() throws {
        try checkConfidence(confidence)
        guard let family = LifetimeFamily(rawValue: distribution), LifeStressError.supportedFamilies.contains(family) else {
            throw ValidationError("unknown distribution '\(distribution)' for a life-stress model; available: \(LifeStressError.supportedFamilies.map(\.rawValue).joined(separator: ", "))")
        }
        if relationship == .peck {
            guard humidity != nil else { throw ValidationError("--relationship peck needs --humidity COLUMN") }
            if useStress != nil && useHumidity == nil { throw ValidationError("--relationship peck needs --use-humidity with --use-stress") }
        } else if humidity != nil || useHumidity != nil {
            throw ValidationError("--humidity and --use-humidity apply to --relationship peck only")
        }
        guard bLife > 0, bLife < 100 else { throw ValidationError("--b-life must be a percentage in (0, 100), got \(bLife)") }
        guard missionHours.isFinite, missionHours > 0 else { throw ValidationError("--mission-hours must be positive, got \(missionHours)") }
        if let use = useStress, relationship.covariates(useVector(use), constants: thermal.constants) == nil {
            throw ValidationError("--use-stress \(use) is outside the domain of the \(relationship.rawValue) relationship")
        }
    }

    func useVector(_ use: Double) -> [Double] { relationship == .peck ? [use, useHumidity ?? 50] : [use] }

    func run() throws {
        let table = try readTable(file)
        let levels: [StressLevel], rows: Int
        let columns = try columnOptions.columns()
        do {
            (levels, rows) = try LifeStressReader.read(table, file: file, stressColumns: [stress] + (humidity.map { [$0] } ?? []),
                                                       relationship: relationship, constants: thermal.constants,
                                                       columns: columns)
        } catch {
            throw dataError(error)
        }
        let analysis: LifeStressAnalysis
        do {
            analysis = try LifeStressAnalysis(levels: levels, rows: rows, family: family, relationship: relationship,
                                              constants: thermal.constants, confidence: confidence, use: useStress.map(useVector),
                                              bLifePercent: bLife, missionHours: missionHours)
        } catch {
            printError("\(file): \(error.description)")
            throw ExitCode(65)
        }
        let fit = analysis.fit
        let document = analysis.json
        if json { writeOutput(document.serialized()) } else { writeOutput(Self.text(fit, document)) }
        if let plot {
            let drawn = AltPlot.svg(analysis, stressName: stress, useStress: useStress)
            if let svg = drawn.svg { try writeOutputFile(plot, svg) } else if let reason = drawn.reason { printError(reason) }
        }
        if !fit.diagnostics.converged {
            printError("the fit did not converge: \(fit.diagnostics.notes.joined(separator: "; "))")
            throw ExitCode(65)
        }
    }

    static func text(_ fit: LifeStressFit, _ document: JSONValue) -> String {
        guard case let .object(members) = document else { return document.serialized() }
        var table = TextTable(headers: ["parameter", "estimate", "std. error", "fisher lower", "fisher upper", "lr lower", "lr upper"],
                              alignments: [.left, .right, .right, .right, .right, .right, .right])
        func value(_ key: String) -> JSONValue? { members.first { $0.0 == key }?.1 }
        func number(_ v: JSONValue?) -> Double? { if case let .number(x)? = v { return x } else { return nil } }
        func pair(_ v: JSONValue?) -> (Double?, Double?) {
            if case let .array(items)? = v, items.count == 2 { return (number(items[0]), number(items[1])) }
            return (nil, nil)
        }
        guard case let .object(params)? = value("parameters"), case let .object(errs)? = value("standardErrors"),
              case let .object(bounds)? = value("bounds"),
              case let .object(fb)? = bounds.first(where: { $0.0 == "fisher" })?.1,
              case let .object(lb)? = bounds.first(where: { $0.0 == "lr" })?.1 else { return document.serialized() }
        for (i, (name, v)) in params.enumerated() {
            let f = pair(fb[i].1), l = pair(lb[i].1)
            // One parameter per row: its estimate, standard error and bounds share one number of decimals.
            table.append([name] + NumberFormatting.column([number(v), number(errs[i].1), f.0, f.1, l.0, l.1], digits: 6))
        }
        var lines = ["\(fit.family.rawValue) life, \(fit.relationship.rawValue) relationship",
                     table.rendered(),
                     "log-likelihood \(NumberFormatting.significant(fit.logLikelihood, 10)); converged \(fit.diagnostics.converged)"]
        if case let .object(use)? = value("use") {
            for key in ["bLife", "mttf", "fit"] {
                if case let .object(e)? = use.first(where: { $0.0 == key })?.1 {
                    let b = pair(e.first { $0.0 == "bounds" }?.1)
                    lines.append("at use: \(key) \(NumberFormatting.significant(number(e.first { $0.0 == "value" }?.1), 5)) [\(NumberFormatting.significant(b.0, 5)), \(NumberFormatting.significant(b.1, 5))]")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
