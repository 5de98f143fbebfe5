#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A rank-regression fit with what a probability plot needs.
public struct RankRegressionResult: Sendable {
    /// The fitted model, `method` `.rrx` or `.rry`, with no covariance.
    public let fit: LifetimeFit
    /// Pearson's correlation coefficient of the linearised points (x, y) (see `RankRegression`).
    public let correlation: Double
    /// The plotting positions regressed on, one per failed unit (rank methods) in increasing time.
    public let plottingPositions: [(time: Double, probability: Double)]
}

/// Least-squares rank regression on probability paper (median-rank regression), for the Weibull,
/// lognormal and exponential families on exact and right-censored data.
///
/// Each failure's plotting position F (see `PlottingPositions`; Benard's median ranks with Johnson's
/// adjustment for suspensions by default) is linearised:
/// - Weibull: x = ln t, y = ln(-ln(1 - F)); the line is y = (x - mu) / sigma, with mu = ln eta and
///   sigma = 1 / beta;
/// - lognormal: x = ln t, y = Phi^{-1}(F); the same line with mu and sigma of ln t;
/// - exponential: x = t, y = -ln(1 - F) = lambda t, a line through the origin (Weibull++'s
///   convention for the one-parameter exponential: no location shift is estimated).
/// RRX regresses x on y (times are the uncertain variable, Weibull++'s default): x = mu + sigma y by
/// least squares, so sigma = Sxy / Syy, mu = mean(x) - sigma mean(y). RRY regresses y on x:
/// y = a + b x, b = Sxy / Sxx, so sigma = 1 / b, mu = mean(x) - mean(y) / b. Through the origin:
/// RRY lambda = sum(x y) / sum(x^2); RRX (t = y / lambda) lambda = sum(y^2) / sum(x y).
/// Here Sxy = sum (x - mean x)(y - mean y) and so on, over one point per failed unit.
///
/// The correlation coefficient is Pearson's r of the points used, Sxy / sqrt(Sxx Syy); for the
/// exponential it is that of (t, -ln(1 - F)), which describes linearity, not the fit through the
/// origin.
///
/// The log-likelihood of the fit is evaluated at the regression estimate on all the data, failures
/// and suspensions (`LocationScaleLikelihood.logLikelihood`), so AIC and BIC are comparable with maximum
/// likelihood fits (which have the larger log-likelihood by construction). Rank regression gives no
/// covariance: `locationScaleCovariance` is nil and the diagnostics say so; use maximum likelihood for
/// bounds. `diagnostics.converged` is true (closed form, `iterations` 0); `gradientNorm` and
/// `hessianNegativeDefinite` are those of the log-likelihood at the regression estimate, which is not
/// its maximum, so the gradient is not zero.
public enum RankRegression {
    /// The families with a rank-regression line here.
    public static let supportedFamilies: [LifetimeFamily] = [.weibull2p, .lognormal2p, .exponential1p]

    /// Fits `family` to `data` by rank regression.
    /// - Parameters:
    ///   - family: one of `supportedFamilies`.
    ///   - data: exact failures and right-censored units.
    ///   - method: `.rrx` (x on y) or `.rry` (y on x); `.mle` throws `unsupportedMethod`.
    ///   - positions: how the plotting positions are computed.
    /// - Throws: `RankRegressionError` when the data cannot give a line (see its cases).
    /// - Complexity: O(n log n + r) for n stored rows and r failed units.
    public static func fit(_ family: LifetimeFamily, to data: LifetimeData, method: EstimationMethod = .rrx,
                           positions: PlottingPositions.Method = .benard) throws(RankRegressionError) -> RankRegressionResult {
        guard method != .mle else { throw .unsupportedMethod(method) }
        try checkExistence(family, data)
        let points: [(time: Double, probability: Double)]
        do {
            points = try PlottingPositions.compute(data, method: positions)
        } catch {
            switch error {
            case let .nonIntegerCount(c): throw .nonIntegerCount(c)
            case let .censoringNotSupported(_, left, interval): throw .censoringNotSupported(leftCensored: left, intervalCensored: interval)
            case .noUnits, .invalidConfidence, .invalidParameter, .numericalFailure: throw .noFailures
            case let .tooManyUnits(count): throw .tooManyUnits(count)
            }
        }
        if let one = points.first(where: { $0.probability >= 1 }) { throw .probabilityOne(time: one.time) }

        let xs: [Double], ys: [Double]
        if family == .exponential1p {
            xs = points.map(\.time)
            ys = points.map { -log1p(-$0.probability) }
        } else {
            xs = points.map { log($0.time) }
            ys = points.map { family.standard.quantile($0.probability) }
        }
        let sums = LineSums(xs, ys)
        let model: LifetimeModel
        if family == .exponential1p {
            let lambda = method == .rrx ? sums.rawYY / sums.rawXY : sums.rawXY / sums.rawXX
            model = .exponential(lambda: lambda)
        } else {
            let (mu, sigma) = method == .rrx
                ? (sums.meanX - sums.sxy / sums.syy * sums.meanY, sums.sxy / sums.syy)
                : (sums.meanX - sums.meanY * sums.sxx / sums.sxy, sums.sxx / sums.sxy)
            model = LifetimeModel(family: family, mu: mu, sigma: sigma)
        }
        let fit = family == .lognormal2p
            ? makeFit(NormalStandard.self, model, data, method, positions)
            : makeFit(SmallestExtremeValue.self, model, data, method, positions)
        return RankRegressionResult(fit: fit, correlation: sums.sxy / (sums.sxx * sums.syy).squareRoot(),
                                    plottingPositions: points)
    }

    /// Throws when no regression line exists for the data.
    static func checkExistence(_ family: LifetimeFamily, _ data: LifetimeData) throws(RankRegressionError) {
        guard supportedFamilies.contains(family) else { throw .unsupportedFamily(family) }
        guard data.hasOnlyExactFailures else {
            throw .censoringNotSupported(leftCensored: data.leftCensoredCounts.reduce(0, +),
                                         intervalCensored: data.intervalCounts.reduce(0, +))
        }
        if data.failureCount == 0 { throw .noFailures }
        if data.failureTimes.contains(0) { throw .failureAtTimeZero(family: family) }
        let distinct = data.distinctFailureTimeCount
        if distinct < family.requiredDistinctFailures {
            throw .tooFewDistinctFailures(found: distinct, required: family.requiredDistinctFailures)
        }
    }

    static func makeFit<Z: StandardDistribution>(_: Z.Type, _ model: LifetimeModel, _ data: LifetimeData,
                                                 _ method: EstimationMethod, _ positions: PlottingPositions.Method) -> LifetimeFit {
        let sample = PreparedSample(data, logScale: true)
        let likelihood = LocationScaleLikelihood<Z>(sample)
        let logLikelihood = likelihood.logLikelihood(mu: model.mu, sigma: model.sigma)
        let e = likelihood.evaluate(mu: model.mu, s: log(model.sigma))
        let fixed = model.family.fixedSigma != nil
        let gradientNorm = fixed ? abs(e.gradient.mu) : (e.gradient.mu * e.gradient.mu + e.gradient.s * e.gradient.s).squareRoot()
        let h = e.hessian
        let negativeDefinite = fixed ? h.mumu < 0 : (h.mumu < 0 && h.mumu * h.ss - h.mus * h.mus > 0)
        let positionsName = switch positions {
        case .benard: "Benard median ranks with Johnson's adjustment for suspensions"
        case .exactMedian: "exact median ranks with Johnson's adjustment for suspensions"
        case .kaplanMeier: "Kaplan-Meier plotting positions"
        }
        let notes = [
            "rank regression: no covariance; use MLE for bounds",
            "rank regression (\(method == .rrx ? "RRX, x on y" : "RRY, y on x"), \(positionsName)); "
                + "the gradient norm is that of the log-likelihood at the regression estimate, which is not its maximum",
        ]
        let diagnostics = FitDiagnostics(converged: true, iterations: 0, gradientNorm: gradientNorm,
                                         hessianNegativeDefinite: negativeDefinite, notes: notes)
        return LifetimeFit(family: model.family, method: method, model: model, locationScaleCovariance: nil,
                           logLikelihood: logLikelihood, sample: sample, sampleSize: data.unitCount,
                           diagnostics: diagnostics, andersonDarlingData: data)
    }
}

/// Centred and raw sums of a set of points, for least-squares lines.
struct LineSums: Sendable {
    var meanX = 0.0, meanY = 0.0
    var sxx = 0.0, syy = 0.0, sxy = 0.0
    var rawXX = 0.0, rawYY = 0.0, rawXY = 0.0

    /// Two passes (means, then centred sums) so that the centred sums do not cancel.
    init(_ x: [Double], _ y: [Double]) {
        let n = Double(x.count)
        meanX = x.reduce(0, +) / n
        meanY = y.reduce(0, +) / n
        for i in x.indices {
            let dx = x[i] - meanX, dy = y[i] - meanY
            sxx += dx * dx; syy += dy * dy; sxy += dx * dy
            rawXX += x[i] * x[i]; rawYY += y[i] * y[i]; rawXY += x[i] * y[i]
        }
    }
}
