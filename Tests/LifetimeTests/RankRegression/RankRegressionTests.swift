import Lifetime
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Least squares with plain (uncentred) sums, written independently of the library's centred sums:
/// for y = a + b x, b = (n Sxy - Sx Sy) / (n Sxx - Sx^2), a = (Sy - b Sx) / n.
func leastSquares(x: [Double], y: [Double]) -> (intercept: Double, slope: Double) {
    let n = Double(x.count)
    var sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0
    for i in x.indices {
        sx += x[i]; sy += y[i]; sxx += x[i] * x[i]; sxy += x[i] * y[i]
    }
    let slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
    return ((sy - slope * sx) / n, slope)
}

/// Pearson's r with plain sums.
func pearson(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    var sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0
    for i in x.indices {
        sx += x[i]; sy += y[i]; sxx += x[i] * x[i]; syy += y[i] * y[i]; sxy += x[i] * y[i]
    }
    return (n * sxy - sx * sy) / ((n * sxx - sx * sx) * (n * syy - sy * sy)).squareRoot()
}

/// Inverse of Phi by bisection on erfc (independent of the library's quantile), to ~1e-15.
func normalQuantile(_ p: Double) -> Double {
    var lo = -10.0, hi = 10.0
    for _ in 0..<200 {
        let mid = 0.5 * (lo + hi)
        if 0.5 * erfc(-mid / 2.0.squareRoot()) < p { lo = mid } else { hi = mid }
    }
    return 0.5 * (lo + hi)
}

/// The hand computation: (mu, sigma) of ln t from the points by RRX (x on y) or RRY (y on x).
func handLine(times: [Double], probabilities: [Double], lognormal: Bool, rrx: Bool) -> (mu: Double, sigma: Double, r: Double) {
    let x = times.map { log($0) }
    let y = probabilities.map { lognormal ? normalQuantile($0) : log(-log(1 - $0)) }
    if rrx {
        let (c, d) = leastSquares(x: y, y: x)          // x = c + d y = mu + sigma y
        return (c, d, pearson(x, y))
    }
    let (a, b) = leastSquares(x: x, y: y)              // y = a + b x = (x - mu) / sigma
    return (-a / b, 1 / b, pearson(x, y))
}

@Suite struct RankRegressionTests {
    static let nistFailures: [Double] = [54, 187, 216, 240, 244, 335, 361, 373, 375, 386]

    // NIST 8.4.1.3: 10 failures, all before the 10 suspensions at 500, so Johnson's ranks are 1..10 and
    // Benard's positions F_i = (i - 0.3) / (20 + 0.4). Python reliability 0.9.0,
    // Fit_Weibull_2P(failures, right_censored=[500]*10, method=...): RRX alpha = 601.959890300894,
    // beta = 1.6259627671670795, loglik = -75.16236844451532; RRY alpha = 667.336363503107,
    // beta = 1.4575189200029608, loglik = -75.3007147881803.
    @Test(arguments: [(EstimationMethod.rrx, 601.959890300894, 1.6259627671670795, -75.16236844451532),
                      (EstimationMethod.rry, 667.336363503107, 1.4575189200029608, -75.3007147881803)])
    func nistWeibull(method: EstimationMethod, pythonEta: Double, pythonBeta: Double, pythonLL: Double) throws {
        let result = try RankRegression.fit(.weibull2p, to: lifetimeDataset("nist_8_4_1_3_weibull_example.csv"), method: method)
        let f = (1...10).map { (Double($0) - 0.3) / 20.4 }
        let hand = handLine(times: Self.nistFailures, probabilities: f, lognormal: false, rrx: method == .rrx)
        let eta = exp(hand.mu), beta = 1 / hand.sigma
        let p = result.fit.parameters
        #expect(relativelyClose(p[0], eta, 1e-12))
        #expect(relativelyClose(p[1], beta, 1e-12))
        #expect(relativelyClose(result.correlation, hand.r, 1e-12))
        #expect(relativelyClose(p[0], pythonEta, 1e-10))
        #expect(relativelyClose(p[1], pythonBeta, 1e-10))
        #expect(relativelyClose(result.fit.logLikelihood, pythonLL, 1e-10))
        #expect(result.fit.method == method)
        #expect(result.fit.locationScaleCovariance == nil)
        #expect(result.fit.covariance == nil)
        #expect(result.fit.diagnostics.notes.contains("rank regression: no covariance; use MLE for bounds"))
        #expect(result.plottingPositions.map(\.time) == Self.nistFailures)
        for i in 0..<10 { #expect(relativelyClose(result.plottingPositions[i].probability, f[i], 1e-15)) }
        // The log-likelihood at the regression estimate, independently: Weibull log f and log S by hand.
        var ll = 0.0
        for t in Self.nistFailures { ll += log(beta / eta) + (beta - 1) * log(t / eta) - pow(t / eta, beta) }
        ll += 10 * -pow(500 / eta, beta)
        #expect(relativelyClose(result.fit.logLikelihood, ll, 1e-12))
    }

    // Python reliability 0.9.0 Fit_Lognormal_2P on the NIST data: RRX mu = 6.246308806916355,
    // sigma = 0.9772060492753506; RRY mu = 6.3847061886229834, sigma = 1.1603982847027772.
    @Test(arguments: [(EstimationMethod.rrx, 6.246308806916355, 0.9772060492753506),
                      (EstimationMethod.rry, 6.3847061886229834, 1.1603982847027772)])
    func nistLognormal(method: EstimationMethod, pythonMu: Double, pythonSigma: Double) throws {
        let result = try RankRegression.fit(.lognormal2p, to: lifetimeDataset("nist_8_4_1_3_weibull_example.csv"), method: method)
        let f = (1...10).map { (Double($0) - 0.3) / 20.4 }
        let hand = handLine(times: Self.nistFailures, probabilities: f, lognormal: true, rrx: method == .rrx)
        #expect(relativelyClose(result.fit.parameters[0], hand.mu, 1e-12))
        #expect(relativelyClose(result.fit.parameters[1], hand.sigma, 1e-12))
        #expect(relativelyClose(result.correlation, hand.r, 1e-12))
        #expect(relativelyClose(result.fit.parameters[0], pythonMu, 1e-10))
        #expect(relativelyClose(result.fit.parameters[1], pythonSigma, 1e-10))
    }

    // Exponential through the origin, y = -ln(1 - F) = lambda t:
    // RRY lambda = sum(t y) / sum(t^2); RRX (t = y / lambda) lambda = sum(y^2) / sum(t y).
    // Python reliability 0.9.0 Fit_Exponential_1P on the NIST data agrees: RRX 0.001290832483968308,
    // RRY 0.0012011739043731827.
    @Test(arguments: [(EstimationMethod.rrx, 0.001290832483968308), (EstimationMethod.rry, 0.0012011739043731827)])
    func nistExponential(method: EstimationMethod, pythonLambda: Double) throws {
        let result = try RankRegression.fit(.exponential1p, to: lifetimeDataset("nist_8_4_1_3_weibull_example.csv"), method: method)
        let t = Self.nistFailures
        let y = (1...10).map { -log(1 - (Double($0) - 0.3) / 20.4) }
        var sty = 0.0, stt = 0.0, syy = 0.0
        for i in 0..<10 { sty += t[i] * y[i]; stt += t[i] * t[i]; syy += y[i] * y[i] }
        let lambda = method == .rrx ? syy / sty : sty / stt
        #expect(relativelyClose(result.fit.parameters[0], lambda, 1e-13))
        #expect(relativelyClose(result.fit.parameters[0], pythonLambda, 1e-12))
        #expect(relativelyClose(result.correlation, pearson(t, y), 1e-12))
        // log L = r ln lambda - lambda (total time on test).
        let ttt = t.reduce(0, +) + 10 * 500
        #expect(relativelyClose(result.fit.logLikelihood, 10 * log(lambda) - lambda * ttt, 1e-12))
    }

    // Lieblein and Zelen ball bearings (datasets/lifetime/lieblein_zelen_ball_bearings.csv), 23 complete
    // failures (two tied at 68.64, ranked 13 and 14): F_i = (i - 0.3) / 23.4. Python reliability 0.9.0 on
    // the file's values: Weibull RRX alpha = 80.96782410117235, beta = 2.24774598953818; RRY
    // alpha = 81.57330073580462, beta = 2.18106021018511; lognormal RRX mu = 4.150382688326942,
    // sigma = 0.5545704868926513; RRY sigma = 0.5661340007996757.
    @Test(arguments: [(EstimationMethod.rrx, 80.96782410117235, 2.24774598953818, 0.5545704868926513),
                      (EstimationMethod.rry, 81.57330073580462, 2.18106021018511, 0.5661340007996757)])
    func liebleinZelen(method: EstimationMethod, pythonEta: Double, pythonBeta: Double, pythonSigma: Double) throws {
        let data = lifetimeDataset("lieblein_zelen_ball_bearings.csv")
        let times = data.failureTimes.sorted()
        #expect(times.count == 23)
        let f = (1...23).map { (Double($0) - 0.3) / 23.4 }
        let w = try RankRegression.fit(.weibull2p, to: data, method: method)
        let hand = handLine(times: times, probabilities: f, lognormal: false, rrx: method == .rrx)
        #expect(relativelyClose(w.fit.parameters[0], exp(hand.mu), 1e-12))
        #expect(relativelyClose(w.fit.parameters[1], 1 / hand.sigma, 1e-12))
        #expect(relativelyClose(w.correlation, hand.r, 1e-12))
        #expect(relativelyClose(w.fit.parameters[0], pythonEta, 1e-10))
        #expect(relativelyClose(w.fit.parameters[1], pythonBeta, 1e-10))
        let l = try RankRegression.fit(.lognormal2p, to: data, method: method)
        let handL = handLine(times: times, probabilities: f, lognormal: true, rrx: method == .rrx)
        #expect(relativelyClose(l.fit.parameters[0], handL.mu, 1e-12))
        #expect(relativelyClose(l.fit.parameters[1], handL.sigma, 1e-12))
        #expect(relativelyClose(l.fit.parameters[0], 4.150382688326942, 1e-10))
        #expect(relativelyClose(l.fit.parameters[1], pythonSigma, 1e-10))
    }

    // Suspensions between failures: F 10, S 20, F 30, F 40, S 50, F 60, F 75, S 80 (N = 8). Johnson's
    // ranks 1, 15/7, 23/7, 33/7, 43/7 (see PlottingPositionsTests), Benard F = (O - 0.3) / 8.4.
    // Python reliability 0.9.0: Weibull RRX alpha = 73.1880874879809, beta = 1.3058950090520427,
    // loglik = -25.810100969029943; RRY alpha = 74.50313943540465, beta = 1.27488441612088.
    @Test func johnsonAdjustedWeibull() throws {
        var d = LifetimeData()
        for t in [10.0, 30, 40, 60, 75] { try d.addFailure(at: t) }
        for t in [20.0, 50, 80] { try d.addSuspension(at: t) }
        let f = [1.0, 15.0 / 7, 23.0 / 7, 33.0 / 7, 43.0 / 7].map { ($0 - 0.3) / 8.4 }
        let times: [Double] = [10, 30, 40, 60, 75]
        for (method, eta, beta) in [(EstimationMethod.rrx, 73.1880874879809, 1.3058950090520427),
                                    (.rry, 74.50313943540465, 1.27488441612088)] {
            let result = try RankRegression.fit(.weibull2p, to: d, method: method)
            let hand = handLine(times: times, probabilities: f, lognormal: false, rrx: method == .rrx)
            #expect(relativelyClose(result.fit.parameters[0], exp(hand.mu), 1e-12))
            #expect(relativelyClose(result.fit.parameters[1], 1 / hand.sigma, 1e-12))
            #expect(relativelyClose(result.fit.parameters[0], eta, 1e-10))
            #expect(relativelyClose(result.fit.parameters[1], beta, 1e-10))
        }
        let rrx = try RankRegression.fit(.weibull2p, to: d)
        #expect(relativelyClose(rrx.fit.logLikelihood, -25.810100969029943, 1e-10))
    }

    // Exact median ranks: the same regression on the Beta(i, N - i + 1) medians. For the NIST data the
    // positions are checked against their defining equation, I_F(i, 21 - i) = 1/2, through the library's
    // own positions, and the line against the hand computation on them.
    @Test func exactMedianRanks() throws {
        let data = lifetimeDataset("nist_8_4_1_3_weibull_example.csv")
        let result = try RankRegression.fit(.weibull2p, to: data, positions: .exactMedian)
        let f = result.plottingPositions.map(\.probability)
        // F_1 = 1 - 2^(-1/20) in closed form (Beta(1, 20)).
        #expect(relativelyClose(f[0], 1 - pow(2, -1.0 / 20), 1e-12))
        let hand = handLine(times: Self.nistFailures, probabilities: f, lognormal: false, rrx: true)
        #expect(relativelyClose(result.fit.parameters[1], 1 / hand.sigma, 1e-12))
        // Benard is within 0.5% of the exact median ranks here.
        let benard = try RankRegression.fit(.weibull2p, to: data)
        #expect(relativelyClose(result.fit.parameters[1], benard.fit.parameters[1], 5e-3))
    }

    @Test func dataWithoutALineAreTypedErrors() throws {
        var interval = LifetimeData()
        try interval.addFailure(at: 5)
        try interval.addFailure(at: 7)
        try interval.addInterval(from: 1, to: 2, count: 2)
        #expect(throws: RankRegressionError.censoringNotSupported(leftCensored: 0, intervalCensored: 2)) {
            try RankRegression.fit(.weibull2p, to: interval)
        }
        var left = LifetimeData()
        try left.addFailure(at: 5)
        try left.addLeftCensored(before: 3)
        #expect(throws: RankRegressionError.censoringNotSupported(leftCensored: 1, intervalCensored: 0)) {
            try RankRegression.fit(.exponential1p, to: left)
        }
        var one = LifetimeData()
        try one.addFailure(at: 5, count: 3)
        #expect(throws: RankRegressionError.tooFewDistinctFailures(found: 1, required: 2)) {
            try RankRegression.fit(.lognormal2p, to: one)
        }
        var none = LifetimeData()
        try none.addSuspension(at: 5)
        #expect(throws: RankRegressionError.noFailures) { try RankRegression.fit(.exponential1p, to: none) }
        var zero = LifetimeData()
        try zero.addFailure(at: 0)
        try zero.addFailure(at: 4)
        #expect(throws: RankRegressionError.failureAtTimeZero(family: .weibull2p)) { try RankRegression.fit(.weibull2p, to: zero) }
        var complete = LifetimeData()
        try complete.addFailure(at: 1)
        try complete.addFailure(at: 2)
        // Kaplan-Meier reaches F = 1 at the last failure of complete data.
        #expect(throws: RankRegressionError.probabilityOne(time: 2)) {
            try RankRegression.fit(.weibull2p, to: complete, positions: .kaplanMeier)
        }
        #expect(throws: RankRegressionError.unsupportedFamily(.gamma2p)) { try RankRegression.fit(.gamma2p, to: complete) }
    }
}
