import Lifetime
import RelmodelJSON

/// The early-life model a burn-in plan was computed from, as the burn-in document records it: a
/// defective subpopulation or a Weibull fitted to data, or given by the engineer.
public struct BurnInModelSummary: Sendable {
    /// "lfp" (defective subpopulation) or "weibull".
    public var type: String
    /// The defective fraction (nil for a fitted Weibull, 1 for a given Weibull).
    public var fraction: Double?
    public var eta: Double
    public var beta: Double
    /// The fit's log-likelihood and diagnostics (nil for a given model).
    public var logLikelihood: Double?
    public var diagnostics: FitDiagnostics?

    /// A defective subpopulation fitted to data.
    public init(_ fit: DefectiveSubpopulationFit) {
        type = "lfp"
        fraction = fit.model.fraction
        eta = fit.model.defectLife.parameters[0]
        beta = fit.model.defectLife.parameters[1]
        logLikelihood = fit.logLikelihood
        diagnostics = fit.diagnostics
    }

    /// A Weibull fitted to data.
    public init(weibull fit: LifetimeFit) {
        type = "weibull"
        eta = fit.parameters[0]
        beta = fit.parameters[1]
        logLikelihood = fit.logLikelihood
        diagnostics = fit.diagnostics
    }

    /// A given Weibull defect life (shape below 1) in a fraction `fraction` of the population
    /// (1: the whole population).
    public init(shape: Double, scale: Double, fraction: Double = 1) {
        type = fraction < 1 ? "lfp" : "weibull"
        self.fraction = fraction
        eta = scale
        beta = shape
    }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("type", .string(type))]
        if let fraction { members.append(("fraction", .number(fraction))) }
        members += [("eta", .number(eta)), ("beta", .number(beta))]
        if let logLikelihood, let diagnostics {
            members += [
                ("logLikelihood", .number(logLikelihood)), ("converged", .bool(diagnostics.converged)),
                ("diagnostics", .object([
                    ("iterations", .number(Double(diagnostics.iterations))), ("gradientNorm", .number(diagnostics.gradientNorm)),
                    ("hessianNegativeDefinite", .bool(diagnostics.hessianNegativeDefinite)),
                    ("notes", .array(diagnostics.notes.map(JSONValue.string))),
                ])),
            ]
        }
        return .object(members)
    }
}

/// A burn-in plan with the model and acceleration it came from: the document of `relmodel burnin --json`.
public struct BurnInReport: JSONRepresentable, Sendable {
    public var model: BurnInModelSummary
    public var accelerationFactor: Double
    public var confidence: Double
    public var plan: BurnInPlan

    public init(model: BurnInModelSummary, accelerationFactor: Double, confidence: Double, plan: BurnInPlan) {
        self.model = model
        self.accelerationFactor = accelerationFactor
        self.confidence = confidence
        self.plan = plan
    }

    public var json: JSONValue {
        .object([
            ("model", model.json),
            ("accelerationFactor", .number(accelerationFactor)),
            ("confidence", .number(confidence)),
            ("stressHours", plan.stressHours.json),
            ("fieldEquivalentHours", .number(plan.fieldEquivalentHours)),
            ("fallout", .number(plan.fallout)),
            ("falloutPPM", .number(plan.fallout * 1e6)),
            ("defectiveFractionRemoved", .number(plan.defectiveFractionRemoved)),
            ("hazardFIT", .number(plan.hazardFIT)),
            ("earlyLifePPM", .number(plan.earlyLifePPM)),
            ("earlyLifeFIT", .number(plan.earlyLifeFIT)),
            ("warnings", .array(plan.warnings.map(JSONValue.string))),
        ])
    }
}

/// A burn-in to the end of infant mortality found by bathtub regions: the document of
/// `relmodel burnin --model bathtub --json`.
public struct RegionBurnInReport: JSONRepresentable, Sendable {
    /// The bathtub family the regions come from, and the threshold definition's tolerance.
    public var distribution: String
    public var tolerance: Double
    public var confidence: Double
    public var plan: RegionBurnIn

    public init(distribution: String, tolerance: Double, confidence: Double, plan: RegionBurnIn) {
        self.distribution = distribution
        self.tolerance = tolerance
        self.confidence = confidence
        self.plan = plan
    }

    public var json: JSONValue {
        .object([
            ("model", .object([("type", .string("bathtub")), ("distribution", .string(distribution)),
                               ("definition", .string("threshold")), ("tolerance", .number(tolerance))])),
            ("accelerationFactor", .number(plan.accelerationFactor)),
            ("confidence", .number(confidence)),
            ("infantMortalityEnd", plan.infantMortalityEnd.json),
            ("stressHours", plan.stressHours.json),
            ("wearOutStart", plan.wearOutStart?.json ?? .null),
        ])
    }
}
