import RelmodelJSON

/// The document of `relmodel fit --dist NAME...` when general-core families are named: the same
/// members as `LifetimeAnalysis.json`, both kinds of model ranked together (docs/CLI.md).
extension ModelComparison: JSONRepresentable {
    public var json: JSONValue {
        let comparison = self
        let members: [(String, JSONValue)] = [
            ("input", .object([
                ("rows", .number(Double(comparison.rows))),
                ("units", .number(comparison.units)),
                ("failures", .number(comparison.failures)),
                ("suspensions", .number(comparison.suspensions)),
            ])),
            ("ranking", .string(comparison.options.criterion.rawValue)),
            ("models", .array(comparison.ranked.map { model in
                switch model {
                case let .standard(outcome): outcome.json(comparison.options)
                case let .general(outcome): outcome.json(comparison.options)
                }
            })),
            ("best", comparison.best.map { .string($0.name) } ?? .null),
        ]
        return .object(members)
    }
}

extension GeneralModelOutcome {
    /// The model object of a general-core family. A degenerate fit has no parameter numbers, no
    /// bounds and no quantities: its diagnostics give the reason.
    public func json(_ options: LifetimeAnalysisOptions) -> JSONValue {
        let keys = options.labels
        guard case let .fitted(s) = self else {
            guard case let .failed(name, failure) = self else { return .null }
            return .object([("distribution", .string(name)), ("converged", .bool(false)), ("error", .string(failure.description))])
        }
        let fit = s.fit, d = fit.diagnostics
        let proper = !d.degenerate
        let lr = options.boundsMethod == .lr && fit.reportedParameters(confidence: options.confidence).map(\.name) == fit.parameterNames
        var bounds: [(String, JSONValue)] = [
            ("method", .string(lr ? "lr" : "fisher")), ("confidence", .number(options.confidence)), ("sides", .string(options.sides.rawValue)),
        ]
        for r in s.reported { bounds.append((r.parameter.name, proper ? r.parameter.estimate.bounds.json : .null)) }
        var quantities: [(String, JSONValue)] = []
        if proper {
            quantities += s.bLives.enumerated().map { ("b" + keys.bLives[$0], $1.estimate.json) }
            if !s.reliabilities.isEmpty {
                quantities.append(("reliability", .object(s.reliabilities.enumerated().map { (keys.times[$0], $1.estimate.json) })))
                quantities.append(("hazard", .object(s.hazards.enumerated().map { (keys.times[$0], $1.estimate.json) })))
            }
            if !s.conditionalReliabilities.isEmpty {
                quantities.append(("conditionalReliability", .object(s.conditionalReliabilities.enumerated().map {
                    (keys.conditional[$0], $1.estimate.json)
                })))
            }
        }
        return .object([
            ("distribution", .string(fit.name)),
            ("method", .string("mle")),
            ("parameters", proper ? .object(s.reported.map { ($0.parameter.name, .number($0.parameter.estimate.value)) }) : .null),
            ("standardErrors", proper ? .object(s.reported.map { ($0.parameter.name, .number($0.standardError)) }) : .null),
            ("covariance", proper ? (fit.covariance.map { .array($0.rowArrays.map { .array($0.map(JSONValue.number)) }) } ?? .null) : .null),
            ("bounds", .object(bounds)),
            ("logLikelihood", .number(fit.logLikelihood)),
            ("aic", .number(fit.aic)),
            ("aicc", .number(fit.aicc)),
            ("bic", .number(fit.bic)),
            ("quantities", .object(quantities)),
            ("converged", .bool(d.converged)),
            ("diagnostics", .object([
                ("iterations", .number(Double(d.iterations))),
                ("gradientNorm", .number(d.gradientNorm)),
                ("hessianNegativeDefinite", .bool(d.hessianNegativeDefinite)),
                ("degenerate", .bool(d.degenerate)),
                ("starts", .number(Double(fit.starts))),
                ("startsReachingMaximum", .number(Double(fit.startsReachingMaximum))),
                ("notes", .array(d.notes.map(JSONValue.string))),
            ])),
        ])
    }
}
