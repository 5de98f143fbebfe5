import ArgumentParser
import Ingest
import Lifetime
import Report

extension BoundsMethod: ExpressibleByArgument {}
extension RankingCriterion: ExpressibleByArgument {}

/// `relmodel fit FILE`: fits lifetime distributions by maximum likelihood and ranks them.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit lifetime distributions to failure data and rank them.",
        discussion: """
        FILE is a CSV file with a header row (or - for standard input). Columns, matched by name \
        case-insensitively: time, event (1/0, F/S, failure/suspension; absent = all failures), count \
        (default 1); or start,end for interval data (start empty or 0 = left-censored, end empty = \
        right-censored). Exit codes: 0 success, 64 usage error, 65 data error or no model could be \
        fitted, 66 file not readable.
        """
    )

    @Argument(help: "CSV file of lifetimes, or - for standard input.")
    var file: String

    @Option(name: .customLong("dist"), help: "Distribution to fit (repeatable): \(LifetimeFamily.allCases.map(\.rawValue).joined(separator: ", ")). Default: weibull2p, lognormal2p, exponential1p.")
    var distributions: [String] = []

    @Flag(help: "Fit every available distribution and rank them; a family that cannot be fitted is listed with its reason.")
    var all = false

    @Option(help: "Estimation method: mle.")
    var method: String = "mle"

    @Option(help: "Confidence bounds: fisher (Fisher matrix, default) or lr (likelihood ratio).")
    var bounds: BoundsMethod = .fisher

    @Option(help: "Two-sided confidence level, in (0, 1).")
    var confidence: Double = 0.95

    @Option(name: .customLong("b-life"), help: "B-life to report, percent failed (repeatable). Default: 10.")
    var bLives: [String] = []

    @Option(name: .customLong("at"), help: "Time at which to report reliability with bounds (repeatable).")
    var times: [String] = []

    @Option(name: .customLong("rank"), help: "Ranking criterion: aicc (default), aic, bic, loglik, ad.")
    var criterion: RankingCriterion = .aicc

    @Flag(help: "Print one JSON document instead of tables.")
    var json = false

    func validate() throws {
        guard confidence > 0 && confidence < 1 else {
            throw ValidationError("--confidence must be in (0, 1), got \(confidence)")
        }
        guard method == "mle" else { throw ValidationError("--method \(method): only mle is available") }
        for name in distributions where LifetimeFamily(rawValue: name) == nil {
            throw ValidationError("unknown distribution '\(name)'; available: \(LifetimeFamily.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for p in bLives {
            guard let v = Double(p), v > 0, v < 100 else { throw ValidationError("--b-life must be a percentage in (0, 100), got '\(p)'") }
        }
        for t in times {
            guard let v = Double(t), v.isFinite, v >= 0 else { throw ValidationError("--at must be a non-negative time, got '\(t)'") }
        }
    }

    func run() throws {
        let input = try readLifetimeInput(file)
        let bLifeKeys = bLives.isEmpty ? ["10"] : bLives
        let families = all ? LifetimeFamily.allCases
            : distributions.isEmpty ? LifetimeFamily.defaultSet : distributions.compactMap(LifetimeFamily.init(rawValue:))
        let options = LifetimeAnalysisOptions(
            families: families, boundsMethod: bounds, confidence: confidence,
            bLives: bLifeKeys.compactMap(Double.init), times: times.compactMap(Double.init), criterion: criterion)
        let analysis = LifetimeAnalysis(data: input.data, rows: input.rows, options: options)
        if json {
            print(LifetimeJSON.document(analysis, bLifeKeys: bLifeKeys, timeKeys: times).serialized())
        } else {
            print(LifetimeText.report(analysis, bLifeKeys: bLifeKeys, timeKeys: times))
        }
        if analysis.best == nil {
            printError("no model could be fitted: \(Self.reasons(analysis))")
            throw ExitCode(65)
        }
    }

    static func reasons(_ analysis: LifetimeAnalysis) -> String {
        analysis.outcomes.map { outcome in
            switch outcome {
            case let .failed(family, failure): "\(family.rawValue): \(failure)"
            case let .fitted(s): "\(s.fit.family.rawValue): not converged"
            }
        }.joined(separator: "; ")
    }
}
