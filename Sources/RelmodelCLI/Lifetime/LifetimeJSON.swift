import Lifetime
import Report

/// The JSON document of `relmodel fit --json` (keys fixed by docs/CLI.md).
enum LifetimeJSON {
    /// - Parameters:
    ///   - bLifeKeys: the B-life percentages as typed on the command line, for keys like "b10".
    ///   - timeKeys: the `--at` times as typed, used verbatim as keys.
    static func document(_ analysis: LifetimeAnalysis, bLifeKeys: [String], timeKeys: [String]) -> JSONValue {
        .object([
            ("input", .object([
                ("rows", .number(Double(analysis.rows))),
                ("units", .number(analysis.units)),
                ("failures", .number(analysis.failures)),
                ("suspensions", .number(analysis.suspensions)),
            ])),
            ("ranking", .string(analysis.options.criterion.rawValue)),
            ("models", .array(analysis.outcomes.map { model($0, analysis.options, bLifeKeys, timeKeys) })),
            ("best", analysis.best.map { .string($0.fit.family.rawValue) } ?? .null),
        ])
    }

    static func model(_ outcome: ModelOutcome, _ options: LifetimeAnalysisOptions,
                      _ bLifeKeys: [String], _ timeKeys: [String]) -> JSONValue {
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
            ]
            for (i, name) in names.enumerated() { bounds.append((name, interval(summary.parameterBounds[i]))) }
            var quantities: [(String, JSONValue)] = []
            for (i, entry) in summary.bLives.enumerated() {
                quantities.append(("b" + bLifeKeys[i], estimate(entry.estimate)))
            }
            if !summary.reliabilities.isEmpty {
                quantities.append(("reliability", .object(summary.reliabilities.enumerated().map { i, entry in
                    (timeKeys[i], estimate(entry.estimate))
                })))
            }
            return .object([
                ("distribution", .string(fit.family.rawValue)),
                ("method", .string(fit.method.rawValue)),
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
                ("mttfBoundsMethod", .string("fisher")),
                ("quantities", .object(quantities)),
                ("converged", .bool(fit.diagnostics.converged)),
                ("diagnostics", .object([
                    ("iterations", .number(Double(fit.diagnostics.iterations))),
                    ("gradientNorm", .number(fit.diagnostics.gradientNorm)),
                    ("hessianNegativeDefinite", .bool(fit.diagnostics.hessianNegativeDefinite)),
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
