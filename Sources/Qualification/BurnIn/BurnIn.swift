#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra
import Lifetime
import RelmodelNumerics

/// The infant-mortality model a burn-in is planned from, at use conditions, with the covariance of
/// its estimate for bounds.
public struct BurnInModel: Sendable {
    /// Population model: p F(t); p = 1 for a plain decreasing-hazard Weibull.
    public let population: DefectiveSubpopulation
    /// Covariance of the estimated parameters: (logit p, mu, s) for a defective subpopulation,
    /// (mu, s) for a plain model; nil gives no bounds.
    public let covariance: Matrix?
    let estimatesFraction: Bool

    /// A plain Weibull (or lognormal) life at use conditions with a decreasing hazard, with the
    /// covariance of (mu, log sigma) (e.g. `LifetimeFit.locationScaleCovariance`).
    public init(life: LifetimeModel, covariance: Matrix? = nil) {
        population = DefectiveSubpopulation(fraction: 1, defectLife: life)
        self.covariance = covariance
        estimatesFraction = false
    }

    /// A given defective-subpopulation model (no bounds unless a covariance of (logit p, mu, s) is given).
    public init(population: DefectiveSubpopulation, covariance: Matrix? = nil) {
        self.population = population
        self.covariance = covariance
        estimatesFraction = population.fraction < 1
    }

    /// A fitted defective-subpopulation model.
    public init(_ fit: DefectiveSubpopulationFit) {
        population = fit.model
        covariance = fit.internalCovariance
        estimatesFraction = true
    }

    var theta: [Double] {
        let life = population.defectLife
        let core = [life.mu, log(life.sigma)]
        return estimatesFraction ? [log(population.fraction / (1 - population.fraction))] + core : core
    }

    func population(_ theta: [Double]) -> DefectiveSubpopulation {
        let family = population.defectLife.family
        if estimatesFraction {
            return DefectiveSubpopulation(fraction: 1 / (1 + exp(-theta[0])),
                                          defectLife: LifetimeModel(family: family, mu: theta[1], sigma: exp(theta[2])))
        }
        return DefectiveSubpopulation(fraction: 1, defectLife: LifetimeModel(family: family, mu: theta[0], sigma: exp(theta[1])))
    }
}

/// What a burn-in must achieve.
public enum BurnInTarget: Sendable, Equatable {
    /// Population hazard at the start of field life at most this many FIT.
    case hazardFIT(Double)
    /// At most this many ppm of shipped units fail within `fieldHours` of use.
    case earlyLifePPM(Double, fieldHours: Double)
    /// Average failure rate over the first `fieldHours` of use at most this many FIT.
    case earlyLifeFIT(Double, fieldHours: Double)
    /// Remove this fraction of the defective subpopulation (in (0, 1)).
    case defectiveFractionRemoved(Double)
}

/// A planned burn-in.
public struct BurnInPlan: Sendable {
    /// Burn-in duration at stress, hours (field-equivalent age / AF), with delta-method bounds.
    public let stressHours: BoundedEstimate
    /// Field-equivalent age reached, hours at use.
    public let fieldEquivalentHours: Double
    /// Fraction of all units that fail during burn-in (the yield cost), p F(t_e).
    public let fallout: Double
    /// Fraction of defectives removed, F(t_e).
    public let defectiveFractionRemoved: Double
    /// Population hazard at the start of field life, FIT.
    public let hazardFIT: Double
    /// ppm of shipped units failing within `fieldHours`.
    public let earlyLifePPM: Double?
    /// Average failure rate over `fieldHours` after burn-in, FIT: -ln(1 - ELF) / fieldHours * 1e9.
    public let earlyLifeFIT: Double?
    /// Warnings, e.g. a burn-in that reaches wear-out.
    public let warnings: [String]
}

/// Burn-in planning from an infant-mortality model and an acceleration factor.
///
/// A burn-in of t_b hours at stress ages every unit by t_e = AF t_b hours of use. After it the
/// survivors have population CDF (p F(t_e + t) - p F(t_e)) / (1 - p F(t_e)), so:
/// - fallout = p F(t_e); defectives removed = F(t_e);
/// - hazard at field start h(t_e) = p f(t_e) / (1 - p F(t_e));
/// - early-life failures over a field period T: ELF = p (F(t_e + T) - F(t_e)) / (1 - p F(t_e)),
///   as ppm or as an average rate -ln(1 - ELF) / T.
/// Targets are met by solving for t_e: by Brent's method on log t_e for the hazard and
/// early-life targets (each decreasing in t_e for a decreasing hazard), in closed form
/// t_e = F^-1(q) for a removed fraction. Bounds on t_b are the delta method on log t_b with a
/// central-difference gradient in the model's parameters and their covariance (two-sided at
/// `confidence`).
public enum BurnIn {
    /// - Parameters:
    ///   - model: the infant-mortality model at use conditions, with its covariance for bounds.
    ///   - target: what the burn-in must achieve.
    ///   - accelerationFactor: of the burn-in stress relative to use.
    ///   - wearOutOnsetHours: the use-equivalent age at which wear-out begins (e.g. the B0.1 of the
    ///     wear-out mechanism); a burn-in reaching it is flagged.
    ///   - confidence: the two-sided level of the bounds on the burn-in duration.
    static func plan(_ model: BurnInModel, target: BurnInTarget, accelerationFactor: Double,
                     confidence: Double, wearOutOnsetHours: Double?) throws(QualificationError) -> BurnInPlan {
        try QualificationError.checkPositive(accelerationFactor, "acceleration factor")
        try QualificationError.checkConfidence(confidence)
        let life = model.population.defectLife
        guard life.family != .lognormal2p else {
            throw QualificationError.invalidArgument("burn-in planning needs a Weibull life (a lognormal hazard rises before it falls)")
        }
        if life.sigma <= 1 {
            throw QualificationError.noSolution("the Weibull shape \(1 / life.sigma) is not below 1: the hazard does not decrease, so burn-in cannot lower it")
        }
        try validate(target, model.population)
        let te = try fieldAge(model.population, target)
        var warnings: [String] = []
        if let onset = wearOutOnsetHours, te >= onset {
            warnings.append("the burn-in ages units by \(te) use-equivalent hours, beyond the wear-out onset \(onset) h: it would consume useful life")
        }
        if life.cdf(te) > 0.9999 {
            warnings.append(model.population.fraction < 1
                ? "the burn-in removes more than 99.99% of the defectives: the target is driven by the model's tail, check the data reach that far"
                : "the burn-in fails more than 99.99% of the units: the target is met only in the model's far tail, far beyond the data")
        }
        // Delta method on log t_e (AF is a fixed input, so log t_b = log t_e - log AF).
        var bounds = ConfidenceInterval(lower: nil, upper: nil)
        if let v = model.covariance {
            let theta = model.theta
            var g = [Double](repeating: 0, count: theta.count)
            var ok = true
            for i in theta.indices {
                let h = 1e-5 * (1 + abs(theta[i]))
                var up = theta, down = theta
                up[i] += h; down[i] -= h
                guard let a = try? fieldAge(model.population(up), target), let b = try? fieldAge(model.population(down), target) else { ok = false; break }
                g[i] = (log(a) - log(b)) / (2 * h)
            }
            if ok {
                var variance = 0.0
                for i in theta.indices { for j in theta.indices { variance += g[i] * v[i, j] * g[j] } }
                let half = StandardNormal.quantile(0.5 + confidence / 2) * variance.squareRoot()
                bounds = ConfidenceInterval(lower: te / accelerationFactor * exp(-half), upper: te / accelerationFactor * exp(half))
            }
        }
        let field: Double? = switch target {
        case let .earlyLifePPM(_, hours), let .earlyLifeFIT(_, hours): hours
        default: nil
        }
        let elf = field.map { earlyLifeFraction(model.population, age: te, fieldHours: $0) }
        return BurnInPlan(stressHours: BoundedEstimate(value: te / accelerationFactor, bounds: bounds),
                          fieldEquivalentHours: te, fallout: model.population.cdf(te),
                          defectiveFractionRemoved: life.cdf(te), hazardFIT: model.population.hazard(te) * 1e9,
                          earlyLifePPM: elf.map { $0 * 1e6 },
                          earlyLifeFIT: zip2(elf, field).map { -log1p(-$0.0) / $0.1 * 1e9 }, warnings: warnings)
    }

    /// Fraction of units alive at age t_e that fail in the next T hours.
    public static func earlyLifeFraction(_ population: DefectiveSubpopulation, age te: Double, fieldHours: Double) -> Double {
        let p = population.fraction, life = population.defectLife
        // p = 1: 1 - S(te + T) / S(te) from the log-survivals, exact where S itself underflows.
        if p == 1 { return -expm1(life.logReliability(te + fieldHours) - life.logReliability(te)) }
        // F(te + T) - F(te) = S(te) - S(te + T), and 1 - p F = (1 - p) + p S, from the survival side.
        return p * (life.reliability(te) - life.reliability(te + fieldHours)) / ((1 - p) + p * life.reliability(te))
    }

    static func validate(_ target: BurnInTarget, _ population: DefectiveSubpopulation) throws(QualificationError) {
        switch target {
        case let .hazardFIT(x): try QualificationError.checkPositive(x, "target hazard (FIT)")
        case let .earlyLifePPM(x, hours):
            try QualificationError.checkPositive(x, "target early-life ppm")
            guard x < 1e6 else { throw QualificationError.invalidArgument("target early-life ppm must be below 1e6, got \(x)") }
            try QualificationError.checkPositive(hours, "field period hours")
        case let .earlyLifeFIT(x, hours):
            try QualificationError.checkPositive(x, "target early-life FIT")
            try QualificationError.checkPositive(hours, "field period hours")
        case let .defectiveFractionRemoved(q):
            guard q > 0, q < 1 else { throw QualificationError.invalidArgument("fraction of defectives to remove must be in (0, 1), got \(q)") }
            guard population.fraction < 1 else { throw QualificationError.invalidArgument("removing a fraction of defectives needs a defective-subpopulation model") }
        }
    }

    /// The use-equivalent age t_e that meets the target (0 when no burn-in is needed).
    static func fieldAge(_ population: DefectiveSubpopulation, _ target: BurnInTarget) throws(QualificationError) -> Double {
        let excess: (Double) -> Double
        switch target {
        case let .defectiveFractionRemoved(q):
            return population.defectLife.quantile(q)
        case let .hazardFIT(x):
            excess = { log(population.hazard($0) * 1e9) - log(x) }
        case let .earlyLifePPM(x, hours):
            excess = { log(earlyLifeFraction(population, age: $0, fieldHours: hours) * 1e6) - log(x) }
        case let .earlyLifeFIT(x, hours):
            excess = { log(-log1p(-earlyLifeFraction(population, age: $0, fieldHours: hours)) / hours * 1e9) - log(x) }
        }
        // Bracket on log t from 1e-9 h upwards; the quantity decreases with age.
        var low = 1e-9
        if excess(low) <= 0 { return 0 }
        var high = 1.0
        while excess(high) > 0 {
            low = high
            high *= 10
            guard high < 1e12 else { throw QualificationError.noSolution("no burn-in shorter than 1e12 use-equivalent hours meets the target") }
        }
        guard let root = RootFinding.brent(log(low), log(high), { excess(exp($0)) }) else {
            throw QualificationError.noSolution("the burn-in time could not be solved for this target")
        }
        return exp(root)
    }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}

extension BurnInPlan {
    /// The burn-in that meets `target` (see `BurnIn` for the method and its bounds).
    /// - Parameters:
    ///   - model: the infant-mortality model at use conditions, with its covariance for bounds.
    ///   - target: what the burn-in must achieve.
    ///   - accelerationFactor: of the burn-in stress relative to use.
    ///   - confidence: the two-sided level of the bounds on the burn-in duration.
    ///   - wearOutOnsetHours: the use-equivalent age at which wear-out begins (e.g. the B0.1 of the
    ///     wear-out mechanism); a burn-in reaching it is flagged.
    /// - Throws: `QualificationError.invalidArgument` for an impossible argument,
    ///   `.noSolution` when no burn-in meets the target (a hazard that does not decrease).
    /// - Complexity: one root search on the model's CDF, plus 2 per parameter for the bounds.
    public init(_ model: BurnInModel, target: BurnInTarget, accelerationFactor: Double,
                confidence: Double = 0.9, wearOutOnsetHours: Double? = nil) throws(QualificationError) {
        self = try BurnIn.plan(model, target: target, accelerationFactor: accelerationFactor,
                               confidence: confidence, wearOutOnsetHours: wearOutOnsetHours)
    }
}
