import RelmodelJSON
import Lifetime
import Report

/// The JSON document of `relmodel fit --json` (keys fixed by docs/CLI.md).
enum LifetimeJSON {
    /// - Parameters:
    ///   - keys: the quantities as typed on the command line, used verbatim in keys ("b10", "500").
    ///   - weibayes: (shape, one-sided lower bound on eta) when a known shape was given.
    static func document(_ analysis: LifetimeAnalysis, keys: LifetimeKeys, weibayes: (Double, Double)?,
                         group: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = group.map { [("group", .string($0))] } ?? []
        members += [
            ("input", .object([
                ("rows", .number(Double(analysis.rows))),
                ("units", .number(analysis.units)),
                ("failures", .number(analysis.failures)),
                ("suspensions", .number(analysis.suspensions)),
            ])),
            ("ranking", .string(analysis.options.criterion.rawValue)),
            ("models", .array(analysis.outcomes.map { model($0, analysis.options, keys) })),
            ("best", analysis.best.map { .string($0.fit.family.rawValue) } ?? .null),
        ]
        if let (shape, bound) = weibayes {
            members.append(("weibayes", .object([
                ("shape", .number(shape)), ("confidence", .number(analysis.options.confidence)),
                ("sides", .string("lower")), ("etaLowerBound", .number(bound)),
            ])))
        }
        return .object(members)
    }

    static func model(_ outcome: ModelOutcome, _ options: LifetimeAnalysisOptions, _ keys: LifetimeKeys) -> JSONValue {
        switch outcome {
        case let .failed(family, failure):
            return .object([
                ("distribution", .string(family.rawValue)),
                ("converged", .bool(false)),
                ("error", .string(failure.description)),
            ])
        case let .fitted(summary):
            let fit = summary.fit
            let names = fit.family.parameterNames
            let errors = fit.standardErrors
            var bounds: [(String, JSONValue)] = [
                ("method", .string(options.boundsMethod.rawValue)),
                ("confidence", .number(options.confidence)),
                ("sides", .string(options.sides.rawValue)),
            ]
            for (i, name) in names.enumerated() { bounds.append((name, interval(summary.parameterBounds[i]))) }
            var quantities: [(String, JSONValue)] = []
            for (i, entry) in summary.bLives.enumerated() {
                quantities.append(("b" + keys.bLives[i], estimate(entry.estimate)))
            }
            if !summary.reliabilities.isEmpty {
                quantities.append(("reliability", .object(summary.reliabilities.enumerated().map { i, entry in
                    (keys.times[i], estimate(entry.estimate))
                })))
                quantities.append(("hazard", .object(summary.hazards.enumerated().map { i, entry in
                    (keys.times[i], estimate(entry.estimate))
                })))
            }
            if !summary.conditionalReliabilities.isEmpty {
                quantities.append(("conditionalReliability", .object(summary.conditionalReliabilities.enumerated().map { i, entry in
                    (keys.conditional[i], estimate(entry.estimate))
                })))
            }
            if !summary.meanResidualLives.isEmpty {
                quantities.append(("meanResidualLife", .object(summary.meanResidualLives.enumerated().map { i, entry in
                    (keys.residualLifeAges[i], estimate(entry.estimate))
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
                ("mttfBounds", interval(summary.meanTimeToFailure.bounds)),
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

    static func interval(_ i: ConfidenceInterval) -> JSONValue { .array([.number(i.lower), .number(i.upper)]) }

    static func estimate(_ e: BoundedEstimate) -> JSONValue {
        .object([("value", .number(e.value)), ("bounds", interval(e.bounds))])
    }
}

/// The quantities asked for on the command line, as typed, for JSON keys and table labels.
struct LifetimeKeys {
    var bLives: [String]
    var times: [String]
    var conditional: [String]
    var residualLifeAges: [String]
}
