import RelmodelJSON

/// The labels of the asked-for quantities in JSON keys and report lines: each number in its shortest
/// plain form ("10", "0.1", "500"), a conditional reliability as "AGE:DURATION".
public struct QuantityLabels: Sendable, Equatable {
    public var bLives: [String]
    public var times: [String]
    public var conditional: [String]
    public var residualLifeAges: [String]

    public init(bLives: [String], times: [String], conditional: [String], residualLifeAges: [String]) {
        self.bLives = bLives
        self.times = times
        self.conditional = conditional
        self.residualLifeAges = residualLifeAges
    }
}

extension LifetimeAnalysisOptions {
    /// The labels of `bLives`, `times`, `conditional` and `residualLifeAges`.
    public var labels: QuantityLabels {
        QuantityLabels(bLives: bLives.map(NoteNumbers.plain), times: times.map(NoteNumbers.plain),
                       conditional: conditional.map { NoteNumbers.plain($0.age) + ":" + NoteNumbers.plain($0.duration) },
                       residualLifeAges: residualLifeAges.map(NoteNumbers.plain))
    }
}

/// The document of `relmodel fit --json` (keys in docs/CLI.md): input counts, the ranking criterion,
/// every model best first, the best family, and the Weibayes bound when a shape was given.
extension LifetimeAnalysis: JSONRepresentable {
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("input", .object([
                ("rows", .number(Double(rows))),
                ("units", .number(units)),
                ("failures", .number(failures)),
                ("suspensions", .number(suspensions)),
            ])),
            ("ranking", .string(options.criterion.rawValue)),
            ("models", .array(outcomes.map { $0.json(options) })),
            ("best", best.map { .string($0.fit.family.rawValue) } ?? .null),
        ]
        if let weibayes {
            members.append(("weibayes", .object([
                ("shape", .number(weibayes.shape)), ("confidence", .number(weibayes.confidence)),
                ("sides", .string("lower")), ("etaLowerBound", .number(weibayes.etaLowerBound)),
            ])))
        }
        return .object(members)
    }
}

extension ModelOutcome {
    /// One entry of "models": the fit with its bounds, quantities and diagnostics, or the reason it failed.
    public func json(_ options: LifetimeAnalysisOptions) -> JSONValue {
        switch self {
        case let .failed(family, failure):
            return .object([
                ("distribution", .string(family.rawValue)),
                ("converged", .bool(false)),
                ("error", .string(failure.description)),
            ])
        case let .fitted(summary):
            let fit = summary.fit
            let keys = options.labels
            let names = fit.family.parameterNames
            let errors = fit.standardErrors
            var bounds: [(String, JSONValue)] = [
                ("method", .string(options.boundsMethod.rawValue)),
                ("confidence", .number(options.confidence)),
                ("sides", .string(options.sides.rawValue)),
            ]
            for (i, name) in names.enumerated() { bounds.append((name, summary.parameterBounds[i].json)) }
            var quantities: [(String, JSONValue)] = []
            for (i, entry) in summary.bLives.enumerated() {
                quantities.append(("b" + keys.bLives[i], entry.estimate.json))
            }
            if !summary.reliabilities.isEmpty {
                quantities.append(("reliability", .object(summary.reliabilities.enumerated().map { i, entry in
                    (keys.times[i], entry.estimate.json)
                })))
                quantities.append(("hazard", .object(summary.hazards.enumerated().map { i, entry in
                    (keys.times[i], entry.estimate.json)
                })))
            }
            if !summary.conditionalReliabilities.isEmpty {
                quantities.append(("conditionalReliability", .object(summary.conditionalReliabilities.enumerated().map { i, entry in
                    (keys.conditional[i], entry.estimate.json)
                })))
            }
            if !summary.meanResidualLives.isEmpty {
                quantities.append(("meanResidualLife", .object(summary.meanResidualLives.enumerated().map { i, entry in
                    (keys.residualLifeAges[i], entry.estimate.json)
                })))
            }
            return .object([
                ("distribution", .string(fit.family.rawValue)),
                ("method", .string(fit.family == .weibull2p && fit.fixedShape != nil ? "weibayes" : fit.method.rawValue)),
                ("fixed", .object(zip(fit.family.parameterNames, fit.parameters)
                    .filter { fit.fixed.names(for: fit.family).contains($0.0) }.map { ($0.0, .number($0.1)) })),
                ("parameters", .object(names.enumerated().map { ($1, .number(fit.parameters[$0])) })),
                ("standardErrors", .object(names.enumerated().map { ($1, .number(errors?[$0])) })),
                ("covariance", fit.covariance.map { .array($0.rowArrays.map { .array($0.map(JSONValue.number)) }) } ?? .null),
                ("bounds", .object(bounds)),
                ("logLikelihood", .number(fit.logLikelihood)),
                ("aic", .number(fit.aic)),
                ("aicc", .number(fit.aicc)),
                ("bic", .number(fit.bic)),
                ("andersonDarling", .number(fit.andersonDarling)),
                ("mttf", .number(summary.meanTimeToFailure.value)),
                ("mttfBounds", summary.meanTimeToFailure.bounds.json),
                ("mttfBoundsMethod", .string(options.boundsMethod == .bootstrap ? "bootstrap" : "fisher")),
                ("quantities", .object(quantities)),
                ("converged", .bool(fit.diagnostics.converged)),
                ("diagnostics", .object([
                    ("iterations", .number(Double(fit.diagnostics.iterations))),
                    ("gradientNorm", .number(fit.diagnostics.gradientNorm)),
                    ("hessianNegativeDefinite", .bool(fit.diagnostics.hessianNegativeDefinite)),
                    ("likelihoodUnbounded", .bool(fit.diagnostics.likelihoodUnbounded)),
                    ("degenerate", .bool(fit.diagnostics.degenerate)),
                    ("fallback", fit.diagnostics.fallback.map(JSONValue.string) ?? .null),
                    ("extrapolated", .bool(fit.diagnostics.extrapolated)),
                    ("notes", .array(fit.diagnostics.notes.map(JSONValue.string))),
                ])),
            ])
        }
    }
}

extension ConfidenceInterval {
    /// `[lower, upper]`; a bound that does not exist is null.
    public var json: JSONValue { .array([.number(lower), .number(upper)]) }
}

extension BoundedEstimate {
    /// `{"value": ..., "bounds": [lower, upper]}`.
    public var json: JSONValue { .object([("value", .number(value)), ("bounds", bounds.json)]) }
}
