import RelmodelJSON

/// An accelerated life test analysed as `relmodel alt` does: the life-stress fit, its coefficient and
/// scale bounds (Fisher and likelihood ratio), and, at a use stress, the B-life, MTTF and average
/// failure rate with Fisher bounds.
public struct LifeStressAnalysis: Sendable {
    public let fit: LifeStressFit
    /// Data rows read and the stress levels they form.
    public let rows: Int
    public let levels: [StressLevel]
    public let confidence: Double
    /// The use stress (with humidity for Peck), the B-life percent and the mission for FIT.
    public let use: [Double]?
    public let bLifePercent: Double
    public let missionHours: Double

    /// Fits `family` with `relationship` to `levels`.
    /// - Throws: what `LifeStressRegression.fit` throws (no failures, too few levels, a stress outside
    ///   the relationship's domain).
    /// - Complexity: one maximum-likelihood fit; the bounds are computed when the document is built.
    public init(levels: [StressLevel], rows: Int, family: LifetimeFamily, relationship: LifeStressRelationship,
                constants: ThermalConstants = ThermalConstants(), confidence: Double = 0.95, use: [Double]? = nil,
                bLifePercent: Double = 10, missionHours: Double = 100_000) throws(LifeStressError) {
        fit = try LifeStressRegression.fit(family, relationship, to: levels, constants: constants)
        self.rows = rows
        self.levels = levels
        self.confidence = confidence
        self.use = use
        self.bLifePercent = bLifePercent
        self.missionHours = missionHours
    }
}

extension LifeStressAnalysis: JSONRepresentable {
    /// The document of `relmodel alt --json` (docs/CLI.md).
    public var json: JSONValue {
        let c = confidence
        let names = fit.relationship.coefficientNames
        let se = fit.standardErrors
        let fisher = fit.coefficientBounds(.fisher, confidence: c)
        let lr = fit.coefficientBounds(.lr, confidence: c)
        var parameters = names.enumerated().map { ($1, JSONValue.number(fit.coefficients[$0])) }
        var errors = names.enumerated().map { ($1, JSONValue.number(se?[$0])) }
        var fisherBounds: [(String, JSONValue)] = names.enumerated().map { ($1, fisher[$0].json) }
        var lrBounds: [(String, JSONValue)] = names.enumerated().map { ($1, lr[$0].json) }
        let scale = fit.reportedScale(confidence: c)
        if let scale {
            parameters.append((scale.name, .number(scale.value)))
            errors.append((scale.name, .number(scale.standardError)))
            fisherBounds.append((scale.name, scale.fisher.json))
            lrBounds.append((scale.name, scale.lr.json))
        }
        var members: [(String, JSONValue)] = [
            ("input", .object([
                ("rows", .number(Double(rows))),
                ("stressLevels", .number(Double(levels.count))),
                ("units", .number(fit.sampleSize)),
                ("failures", .number(levels.reduce(0) { $0 + $1.data.failureCount })),
            ])),
            ("distribution", .string(fit.family.rawValue)),
            ("relationship", .string(fit.relationship.rawValue)),
            ("parameters", .object(parameters)),
            ("standardErrors", .object(errors)),
            ("covariance", fit.internalCovariance.map { .array($0.rowArrays.map { .array($0.map(JSONValue.number)) }) } ?? .null),
            ("covarianceParameters", .array((names + (scale != nil ? ["logSigma"] : [])).map(JSONValue.string))),
            ("bounds", .object([("confidence", .number(c)), ("fisher", .object(fisherBounds)), ("lr", .object(lrBounds))])),
            ("logLikelihood", .number(fit.logLikelihood)),
            ("converged", .bool(fit.diagnostics.converged)),
            ("diagnostics", .object([
                ("iterations", .number(Double(fit.diagnostics.iterations))),
                ("gradientNorm", .number(fit.diagnostics.gradientNorm)),
                ("hessianNegativeDefinite", .bool(fit.diagnostics.hessianNegativeDefinite)),
                ("notes", .array(fit.diagnostics.notes.map(JSONValue.string))),
            ])),
            ("constants", fit.constants.json),
        ]
        if [.arrhenius, .eyring, .peck].contains(fit.relationship) {
            members.append(("activationEnergy", .object([
                ("value", .number(fit.coefficients[1])), ("fisher", fisher[1].json), ("lr", lr[1].json),
            ])))
        }
        if fit.relationship == .inversePower {
            members.append(("exponent", .object([
                ("value", .number(fit.coefficients[1])), ("fisher", fisher[1].json), ("lr", lr[1].json),
            ])))
        }
        if let use {
            let highest = levels.map(\.stress).max { (fit.location(at: $0) ?? 0) > (fit.location(at: $1) ?? 0) }
            func bounded(_ e: BoundedEstimate?) -> JSONValue { e?.json ?? .null }
            members.append(("use", .object([
                ("stress", .array(use.map(JSONValue.number))),
                ("location", .number(fit.location(at: use))),
                ("accelerationFactorFromHighestStress", .number(highest.flatMap { fit.accelerationFactor(use: use, stress: $0) })),
                ("bLifePercent", .number(bLifePercent)),
                ("bLife", bounded(fit.bLife(bLifePercent, at: use, confidence: c))),
                ("mttf", bounded(fit.meanLife(at: use, confidence: c))),
                ("missionHours", .number(missionHours)),
                ("fit", bounded(fit.averageFailureRateFIT(over: missionHours, at: use, confidence: c))),
                ("boundsMethod", .string("fisher")),
            ])))
        }
        return .object(members)
    }
}
