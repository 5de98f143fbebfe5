#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinearAlgebra

/// Maximum-likelihood fitting of accelerated-life (life-stress) models: a Weibull, lognormal or
/// exponential life whose log-location depends linearly on transformed stress
/// (`LifeStressRelationship`) with a common scale sigma, on censored data at several stress levels.
public enum LifeStressRegression {
    /// Fits `family` with `relationship` to the stress levels.
    ///
    /// Method: covariates are centred at their unit-weighted mean (which decorrelates intercept and
    /// slope: 1/(kT) varies by a few percent around ~30), the starting point is least squares of the
    /// failures' log times on the covariates with sigma from the residual spread, the coefficients
    /// are first maximised at that sigma (a concave problem for log-concave Z), then all parameters by
    /// damped Newton (`DampedNewton`, through `LinearLocationMaximizer`) with analytic gradient and Hessian. Estimates and
    /// covariance are mapped back to the uncentred coefficients.
    ///
    /// Throws when no estimate can exist: no failures, fewer distinct failure times than the family
    /// needs, a failure at time 0, a stress outside the relationship's domain, or fewer distinct
    /// stress levels than coefficients. A fit that does not converge is returned with
    /// `diagnostics.converged == false` and notes.
    /// - Complexity: O(n p^2) per Newton iteration (p coefficients, n stored observations).
    public static func fit(_ family: LifetimeFamily, _ relationship: LifeStressRelationship,
                           to levels: [StressLevel], constants: ThermalConstants = .codata) throws(LifeStressError) -> LifeStressFit {
        guard LifeStressError.supportedFamilies.contains(family) else { throw .unsupportedFamily(family) }
        var all = LifetimeData()
        var rows: [[Double]] = []
        var offsets: [Double] = []
        for level in levels {
            guard let c = relationship.covariates(level.stress, constants: constants) else {
                throw .invalidStress("stress \(level.stress) is outside the domain of the \(relationship.rawValue) relationship")
            }
            rows.append(c.x)
            offsets.append(c.offset)
            all.append(contentsOf: level.data)
        }
        do { try MaximumLikelihood.checkExistence(family, all) } catch { throw .fit(error) }
        let coefficientCount = relationship.coefficientNames.count
        let distinctLevels = Set(rows).count
        guard distinctLevels >= coefficientCount else {
            throw .tooFewStressLevels(found: distinctLevels, required: coefficientCount)
        }
        // Unit-weighted centre of the covariates.
        var centre = [Double](repeating: 0, count: coefficientCount - 1)
        var totalUnits = 0.0
        for (k, level) in levels.enumerated() {
            let units = level.data.unitCount
            totalUnits += units
            for j in centre.indices { centre[j] += units * rows[k][j] }
        }
        centre = centre.map { $0 / totalUnits }
        let observations = LifeStressObservations(levels: levels, rows: rows, offsets: offsets, centre: centre)
        switch family {
        case .lognormal2p:
            return fit(NormalStandard.self, family, relationship, constants, observations, sampleSize: all.unitCount)
        case .loglogistic2p:
            return fit(LogisticStandard.self, family, relationship, constants, observations, sampleSize: all.unitCount)
        default:
            return fit(SmallestExtremeValue.self, family, relationship, constants, observations, sampleSize: all.unitCount)
        }
    }

    static func fit<Z: StandardDistribution>(_: Z.Type, _ family: LifetimeFamily, _ relationship: LifeStressRelationship,
                                             _ constants: ThermalConstants, _ observations: LifeStressObservations,
                                             sampleSize: Double) -> LifeStressFit {
        let likelihood = LinearLocationLikelihood<Z>(observations.centred)
        let maximizer = LinearLocationMaximizer(likelihood: likelihood)
        let fixedScale = family.fixedSigma != nil
        var start = observations.leastSquaresStart(Z.self)
        if fixedScale { start[start.count - 1] = 0 }
        let coefficientsOnly = maximizer.maximize(from: start, freeScale: false)
        var result = fixedScale ? coefficientsOnly : maximizer.maximize(from: coefficientsOnly.theta, freeScale: true)
        if !result.converged && !fixedScale {
            // A second start from the coefficient-only optimum with sigma = 1 (the exponential).
            var alternative = coefficientsOnly.theta
            alternative[alternative.count - 1] = 0
            let retry = maximizer.maximize(from: maximizer.maximize(from: alternative, freeScale: false).theta)
            if retry.converged || retry.value > result.value { result = retry }
        }
        return LifeStressFit(family: family, relationship: relationship, constants: constants,
                             centredTheta: result.theta, centredCovariance: result.covariance,
                             centre: observations.centre, logLikelihood: result.value,
                             observations: observations, sampleSize: sampleSize,
                             result: (result.converged, result.iterations, result.gradient(observations.centre, fixedScale),
                                      result.hessianNegativeDefinite, result.notes))
    }
}

extension LinearLocationMaximizer.Result {
    /// Gradient norm in the uncentred coefficients: g_b0 = g_a0, g_bj = g_aj + c_j g_a0.
    func gradient(_ centre: [Double], _ fixedScale: Bool) -> Double {
        var g = gradient
        for j in centre.indices { g[j + 1] += centre[j] * g[0] }
        if fixedScale { g.removeLast() }
        return g.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
}

/// The observations of a life-stress fit on the log scale with their covariate rows, centred
/// (for fitting) and uncentred (for profiles of the intercept).
struct LifeStressObservations: Sendable {
    let centre: [Double]
    let centred: [LinearObservation]
    let uncentred: [LinearObservation]

    typealias LinearObservation = LinearLocationObservation

    init(levels: [StressLevel], rows: [[Double]], offsets: [Double], centre: [Double]) {
        self.centre = centre
        var c: [LinearObservation] = [], u: [LinearObservation] = []
        for (k, level) in levels.enumerated() {
            let raw = [1] + rows[k]
            let shifted = [1] + zip(rows[k], centre).map { $0 - $1 }
            let d = level.data
            func add(_ kind: LinearLocationObservation.Kind, _ y: Double, _ y2: Double, _ w: Double) {
                u.append(.init(kind: kind, y: y, yUpper: y2, weight: w, x: raw, offset: offsets[k]))
                c.append(.init(kind: kind, y: y, yUpper: y2, weight: w, x: shifted, offset: offsets[k]))
            }
            for i in d.failureTimes.indices { add(.exact, log(d.failureTimes[i]), 0, d.failureCounts[i]) }
            for i in d.suspensionTimes.indices where d.suspensionTimes[i] > 0 { add(.right, log(d.suspensionTimes[i]), 0, d.suspensionCounts[i]) }
            for i in d.leftCensoredTimes.indices { add(.left, log(d.leftCensoredTimes[i]), 0, d.leftCensoredCounts[i]) }
            for i in d.intervalCounts.indices { add(.interval, log(d.intervalLowerTimes[i]), log(d.intervalUpperTimes[i]), d.intervalCounts[i]) }
        }
        centred = c
        uncentred = u
    }

    /// Weighted least squares of failure locations (exact y, left-censoring y, interval midpoints)
    /// minus offsets on the centred covariates; sigma from the residual spread over sd(Z). Falls back
    /// to zero slopes when the failures do not determine them.
    func leastSquaresStart<Z: StandardDistribution>(_: Z.Type) -> [Double] {
        let p = (centred.first?.x.count ?? 1)
        var rows: [[Double]] = [], targets: [Double] = [], weights: [Double] = []
        for o in centred where o.kind != .right {
            rows.append(o.x)
            targets.append((o.kind == .interval ? 0.5 * (o.y + o.yUpper) : o.y) - o.offset)
            weights.append(o.weight)
        }
        var a = Matrix(rows: p, columns: p), b = [Double](repeating: 0, count: p)
        for (i, row) in rows.enumerated() {
            for j in 0..<p {
                b[j] += weights[i] * row[j] * targets[i]
                for k in 0..<p { a[j, k] += weights[i] * row[j] * row[k] }
            }
        }
        var beta = [Double](repeating: 0, count: p)
        if let solved = try? a.solve(b), solved.allSatisfy(\.isFinite) {
            beta = solved
        } else {
            beta[0] = b[0] / a[0, 0]
        }
        var ss = 0.0, total = 0.0
        for (i, row) in rows.enumerated() {
            var fitted = 0.0
            for j in 0..<p { fitted += row[j] * beta[j] }
            ss += weights[i] * (targets[i] - fitted) * (targets[i] - fitted)
            total += weights[i]
        }
        let sigma = (ss / max(total - Double(p), 1)).squareRoot() / Z.variance.squareRoot()
        return beta + [sigma.isFinite && sigma > 1e-3 ? log(sigma) : 0]
    }
}
