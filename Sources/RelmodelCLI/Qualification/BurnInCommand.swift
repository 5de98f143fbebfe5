import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Ingest
import Lifetime
import Qualification
import Report

/// `relmodel burnin`: burn-in duration at stress from an infant-mortality model.
struct BurnInCommand: ParsableCommand {
    enum Model: String, ExpressibleByArgument, CaseIterable { case lfp, weibull, bathtub }

    static let configuration = CommandConfiguration(
        commandName: "burnin",
        abstract: "Plan a burn-in from a decreasing-hazard Weibull or a defective-subpopulation model.",
        discussion: RelmodelHelp.discussion("""
        Model: FILE (lifetimes at use conditions) fitted as --model lfp (defective subpopulation p F_weibull, \
        default) or --model weibull (shape must be < 1); or given as --shape B --scale ETA [--fraction p]. \
        Acceleration: --acceleration-factor AF, or --stress-temp C --use-temp C --ea EV (Arrhenius). \
        Target (one): --target-fit X (hazard at field start), --target-ppm X --field-hours T (early-life \
        failures), --target-elf-fit X --field-hours T (average early-life rate), --remove-fraction q \
        (of the defectives). Bounds on the burn-in time: delta method on the fitted covariance (FILE only). \
        --model bathtub --until-useful-life: burn in until infant mortality ends, as `relmodel bathtub FILE` \
        finds it (threshold definition, --tolerance; likelihood-ratio bounds), divided by the acceleration factor. \
        A target the model cannot reach is a data error.
        """)
    )

    @Argument(help: "CSV of lifetimes at use conditions (time,event,count), or - for standard input.") var file: String?
    @Option(help: "Model fitted to FILE: lfp or weibull.") var model: Model = .lfp
    @Option(help: "Weibull shape of a given model (< 1).") var shape: Double?
    @Option(help: "Weibull scale (hours at use) of a given model.") var scale: Double?
    @Option(help: "Defective fraction of a given model, in (0, 1] (default 1: plain Weibull).") var fraction: Double?
    @Option(name: .customLong("acceleration-factor"), help: "Burn-in acceleration factor to use conditions.") var accelerationFactor: Double?
    @Option(name: .customLong("stress-temp"), help: "Burn-in temperature, Celsius.") var stressTemp: Double?
    @Option(name: .customLong("use-temp"), help: "Use temperature, Celsius.") var useTemp: Double?
    @Option(help: "Activation energy, eV.") var ea: Double?
    @Option(name: .customLong("target-fit"), help: "Target hazard at field start, FIT.") var targetFIT: Double?
    @Option(name: .customLong("target-ppm"), help: "Target early-life failures within --field-hours, ppm.") var targetPPM: Double?
    @Option(name: .customLong("target-elf-fit"), help: "Target average failure rate over --field-hours, FIT.") var targetELF: Double?
    @Option(name: .customLong("remove-fraction"), help: "Fraction of defectives to remove, in (0, 1).") var removeFraction: Double?
    @Flag(name: .customLong("until-useful-life"), help: "Target: burn in until infant mortality ends (with --model bathtub).") var untilUsefulLife = false
    @Option(help: "--model bathtub: useful life is where the hazard is within this fraction of its minimum.") var tolerance: Double = 0.10
    @Option(name: .customLong("field-hours"), help: "Early-life field period, hours.") var fieldHours: Double?
    @Option(name: .customLong("wear-out-onset"), help: "Use-equivalent hours at which wear-out starts (warning).") var wearOutOnset: Double?
    @Option(help: "Two-sided confidence of the bounds, in (0, 1).") var confidence: Double = 0.9
    @OptionGroup var thermal: ThermalOptions
    @OptionGroup var columnOptions: LifetimeColumnOptions
    @Flag(help: "Print one JSON document instead of a table.") var json = false

    func validate() throws {
        try checkConfidence(confidence)
        let targets = [targetFIT, targetPPM, targetELF, removeFraction].compactMap { $0 }.count + (untilUsefulLife ? 1 : 0)
        guard targets == 1 else {
            throw ValidationError("give exactly one target: --target-fit, --target-ppm, --target-elf-fit, --remove-fraction or --until-useful-life")
        }
        guard untilUsefulLife == (model == .bathtub) else {
            throw ValidationError("--until-useful-life and --model bathtub go together: the bathtub regions give the end of infant mortality")
        }
        if model == .bathtub && file == nil { throw ValidationError("--model bathtub needs a data FILE") }
        guard tolerance > 0 && tolerance < 10 else { throw ValidationError("--tolerance must be in (0, 10), got \(tolerance)") }
        if (targetPPM != nil || targetELF != nil) && fieldHours == nil { throw ValidationError("--target-ppm and --target-elf-fit need --field-hours") }
        if file == nil {
            guard let shape, let scale else { throw ValidationError("give a data FILE or --shape and --scale") }
            guard shape > 0, shape < 1 else { throw ValidationError("--shape must be in (0, 1) for burn-in to help, got \(shape)") }
            guard scale.isFinite, scale > 0 else { throw ValidationError("--scale must be positive, got \(scale)") }
            if let fraction { guard fraction > 0, fraction <= 1 else { throw ValidationError("--fraction must be in (0, 1], got \(fraction)") } }
        } else if shape != nil || scale != nil || fraction != nil {
            throw ValidationError("--shape, --scale and --fraction describe a given model; they cannot be combined with FILE")
        }
        let thermalGiven = [stressTemp, useTemp, ea].compactMap { $0 }.count
        if accelerationFactor != nil {
            guard thermalGiven == 0 else { throw ValidationError("give --acceleration-factor or --stress-temp/--use-temp/--ea, not both") }
        } else {
            guard thermalGiven == 3 else { throw ValidationError("give --acceleration-factor, or all of --stress-temp, --use-temp and --ea") }
            guard useTemp! <= stressTemp! else { throw ValidationError("--use-temp \(useTemp!) C is above --stress-temp \(stressTemp!) C: burn-in would not accelerate") }
        }
    }

    func run() throws {
        if model == .bathtub { return try runUntilUsefulLife() }
        var summary: BurnInModelSummary
        let burnInModel: BurnInModel
        if let file {
            let input = try readLifetimeInput(file, columns: try columnOptions.columns())
            do {
                switch model {
                case .bathtub:
                    return try runUntilUsefulLife()     // handled at the top of run(); kept for the exhaustive switch
                case .lfp:
                    let fit = try DefectiveSubpopulation.fit(.weibull2p, to: input.data)
                    burnInModel = BurnInModel(fit)
                    summary = BurnInModelSummary(fit)
                    try requireConverged(fit.diagnostics, file)
                case .weibull:
                    let fit = try MaximumLikelihood.fit(.weibull2p, to: input.data)
                    burnInModel = BurnInModel(life: fit.model, covariance: fit.locationScaleCovariance)
                    summary = BurnInModelSummary(weibull: fit)
                    try requireConverged(fit.diagnostics, file)
                }
            } catch let failure as FitFailure {
                printError("\(file): \(failure.description)")
                throw ExitCode(65)
            }
        } else {
            let life = LifetimeModel.weibull(eta: scale!, beta: shape!)
            let p = fraction ?? 1
            burnInModel = BurnInModel(population: DefectiveSubpopulation(fraction: p, defectLife: life))
            summary = BurnInModelSummary(shape: shape!, scale: scale!, fraction: p)
        }
        let af: Double = try accelerationFactor ?? qualificationCall { () throws(QualificationError) in
            try Arrhenius(activationEnergy: ea!, constants: thermal.constants).accelerationFactor(useCelsius: useTemp!, stressCelsius: stressTemp!)
        }
        let target: BurnInTarget = if let targetFIT { .hazardFIT(targetFIT) }
            else if let targetPPM { .earlyLifePPM(targetPPM, fieldHours: fieldHours!) }
            else if let targetELF { .earlyLifeFIT(targetELF, fieldHours: fieldHours!) }
            else { .defectiveFractionRemoved(removeFraction!) }
        let plan = try qualificationCall(dataFile: file) { () throws(QualificationError) in
            try BurnInPlan(burnInModel, target: target, accelerationFactor: af, confidence: confidence, wearOutOnsetHours: wearOutOnset)
        }
        let document = BurnInReport(model: summary, accelerationFactor: af, confidence: confidence, plan: plan).json
        if json {
            writeOutput(document.serialized())
        } else {
            let s = plan.stressHours
            writeOutput(keyValueTable([
                ("burn-in hours at stress", NumberFormatting.significant(s.value, 5)),
                ("bounds (\(NumberFormatting.significant(confidence * 100, 3))%)", "[\(NumberFormatting.significant(s.bounds.lower, 5)), \(NumberFormatting.significant(s.bounds.upper, 5))]"),
                ("acceleration factor", NumberFormatting.significant(af, 5)),
                ("use-equivalent hours", NumberFormatting.significant(plan.fieldEquivalentHours, 5)),
                ("fallout, ppm", NumberFormatting.significant(plan.fallout * 1e6, 5)),
                ("hazard after burn-in, FIT", NumberFormatting.significant(plan.hazardFIT, 5)),
                ("early-life ppm", NumberFormatting.significant(plan.earlyLifePPM, 5)),
            ]))
        }
        for warning in plan.warnings { printError("warning: \(warning)") }
    }

    /// `--model bathtub --until-useful-life`: the end of infant mortality at use, through the acceleration factor.
    func runUntilUsefulLife() throws {
        guard let file else { return }
        let input = try readLifetimeInput(file, columns: try columnOptions.columns())
        let af: Double = try accelerationFactor ?? qualificationCall { () throws(QualificationError) in
            try Arrhenius(activationEnergy: ea!, constants: thermal.constants).accelerationFactor(useCelsius: useTemp!, stressCelsius: stressTemp!)
        }
        let options = LifetimeAnalysisOptions(families: [], boundsMethod: .lr, confidence: confidence, bLives: [])
        let analysis = BathtubAnalysis(data: input.data, rows: input.rows, definition: .threshold(tolerance: tolerance), bounds: .lr, options: options)
        guard let regions = analysis.regions, let fitted = analysis.model else {
            printError("\(file): \(analysis.notes.joined(separator: "; "))")
            throw ExitCode(65)
        }
        let plan = try qualificationCall(dataFile: file) { () throws(QualificationError) in
            try RegionBurnIn(regions: regions, accelerationFactor: af)
        }
        let document = RegionBurnInReport(distribution: fitted.fit.name, tolerance: tolerance, confidence: confidence, plan: plan).json
        if json {
            writeOutput(document.serialized())
        } else {
            let s = plan.stressHours, e = plan.infantMortalityEnd
            let percent = NumberFormatting.significant(confidence * 100, 3)
            writeOutput(keyValueTable([
                ("model", "\(fitted.fit.name) (bathtub regions, threshold \(NumberFormatting.significant(tolerance * 100, 3))%)"),
                ("infant mortality ends at use, hours", NumberFormatting.significant(e.value, 5)),
                ("bounds (\(percent)%, likelihood ratio)", "[\(NumberFormatting.significant(e.bounds.lower, 5)), \(NumberFormatting.significant(e.bounds.upper, 5))]"),
                ("acceleration factor", NumberFormatting.significant(af, 5)),
                ("burn-in hours at stress", NumberFormatting.significant(s.value, 5)),
                ("bounds (\(percent)%)", "[\(NumberFormatting.significant(s.bounds.lower, 5)), \(NumberFormatting.significant(s.bounds.upper, 5))]"),
                ("wear-out starts at use, hours", plan.wearOutStart.map { NumberFormatting.significant($0.value, 5) } ?? "not shown by the data"),
            ]))
        }
        for note in plan.stressHours.bounds.notes { printError("note: \(note)") }
    }

    func requireConverged(_ d: FitDiagnostics, _ file: String) throws {
        guard d.isReliable else {
            let why = !d.converged ? "did not converge" : d.degenerate ? "is degenerate (no proper maximum)" : "has no negative definite Hessian"
            printError("\(file): the model fit \(why): \(d.notes.joined(separator: "; "))")
            throw ExitCode(65)
        }
    }
}
