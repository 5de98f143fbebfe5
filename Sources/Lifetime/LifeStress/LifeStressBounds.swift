#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

extension LifeStressFit {
    /// Two-sided bounds on each coefficient b0, b1, ... (b1 is the activation energy in eV for
    /// Arrhenius and Eyring, the exponent for inverse power).
    ///
    /// - Fisher: b_j +- z_{(1+c)/2} se(b_j).
    /// - Likelihood ratio: the ends of { b_j : 2 (l_max - l_profile(b_j)) <= chi2(c; 1) }. The profile
    ///   holds b_j fixed (its column moves into the offsets) and maximises over the other
    ///   coefficients and sigma with the same damped Newton; each end is bracketed by stepping out in
    ///   doubling multiples of the Wald standard error and solved by Brent's method. An end that is
    ///   never bracketed is nil. Slopes are profiled in the centred coordinates (identical slopes),
    ///   the intercept in the uncentred ones.
    /// - Complexity: Fisher O(p); likelihood ratio some 50-200 profile fits.
    public func coefficientBounds(_ method: BoundsMethod, confidence: Double) -> [ConfidenceInterval] {
        let se = standardErrors
        switch method {
        case .fisher:
            let z = FisherBounds.criticalValue(confidence)
            return coefficients.indices.map { j in
                guard let se else { return ConfidenceInterval(lower: nil, upper: nil) }
                return ConfidenceInterval(lower: coefficients[j] - z * se[j], upper: coefficients[j] + z * se[j])
            }
        case .bootstrap:
            // Not offered for life-stress fits: the caller gets no bounds rather than Fisher ones in disguise.
            return coefficients.indices.map { _ in ConfidenceInterval(lower: nil, upper: nil) }
        case .lr:
            return coefficients.indices.map { j in
                switch family {
                case .lognormal2p:
                    likelihoodRatioInterval(NormalStandard.self, coefficient: j, standardError: se?[j], confidence: confidence)
                case .loglogistic2p:
                    likelihoodRatioInterval(LogisticStandard.self, coefficient: j, standardError: se?[j], confidence: confidence)
                default:
                    likelihoodRatioInterval(SmallestExtremeValue.self, coefficient: j, standardError: se?[j], confidence: confidence)
                }
            }
        }
    }

    /// Two-sided bounds on sigma: Fisher on log sigma, or likelihood ratio over s with the
    /// coefficients profiled out. Nil ends for the exponential (sigma fixed).
    public func sigmaBounds(_ method: BoundsMethod, confidence: Double) -> ConfidenceInterval {
        guard family.fixedSigma == nil else { return ConfidenceInterval(lower: nil, upper: nil) }
        let s = log(sigma)
        let seS = internalCovariance.map { $0[coefficients.count, coefficients.count].squareRoot() }
        switch method {
        case .fisher:
            guard let seS else { return ConfidenceInterval(lower: nil, upper: nil) }
            let z = FisherBounds.criticalValue(confidence)
            return ConfidenceInterval(lower: exp(s - z * seS), upper: exp(s + z * seS))
        case .bootstrap:
            return ConfidenceInterval(lower: nil, upper: nil)
        case .lr:
            let interval: ConfidenceInterval
            switch family {
            case .lognormal2p:
                interval = scaleInterval(NormalStandard.self, standardError: seS, confidence: confidence)
            case .loglogistic2p:
                interval = scaleInterval(LogisticStandard.self, standardError: seS, confidence: confidence)
            default:
                interval = scaleInterval(SmallestExtremeValue.self, standardError: seS, confidence: confidence)
            }
            return interval.mappedIncreasing(exp)
        }
    }

    private func likelihoodRatioInterval<Z: StandardDistribution>(_: Z.Type, coefficient j: Int, standardError: Double?,
                                                                   confidence: Double) -> ConfidenceInterval {
        let base = LinearLocationLikelihood<Z>(j == 0 ? observations.uncentred : observations.centred)
        // Start of the other parameters, in the coordinates of `base`.
        var theta = centredTheta
        if j == 0 { theta = coefficients + [centredTheta.last!] }
        let fixedScale = family.fixedSigma != nil
        var last = theta
        last.remove(at: j)
        let profile: (Double) -> Double? = { phi in
            let reduced = LinearLocationMaximizer(likelihood: base.fixing(coefficient: j, at: phi))
            let result = reduced.maximize(from: last, freeScale: !fixedScale)
            guard result.value.isFinite else { return nil }
            last = result.theta
            return result.value
        }
        return Self.profileInterval(estimate: coefficients[j], scale: standardError, maximum: logLikelihood,
                                    confidence: confidence, profile: profile, reset: { last = theta.enumerated().filter { $0.offset != j }.map(\.element) })
    }

    private func scaleInterval<Z: StandardDistribution>(_: Z.Type, standardError: Double?, confidence: Double) -> ConfidenceInterval {
        let maximizer = LinearLocationMaximizer(likelihood: LinearLocationLikelihood<Z>(observations.centred))
        var last = centredTheta
        let profile: (Double) -> Double? = { s in
            var start = last
            start[start.count - 1] = s
            let result = maximizer.maximize(from: start, freeScale: false)
            guard result.value.isFinite else { return nil }
            last = result.theta
            return result.value
        }
        return Self.profileInterval(estimate: log(sigma), scale: standardError, maximum: logLikelihood,
                                    confidence: confidence, profile: profile, reset: { last = centredTheta })
    }

    /// Ends of { phi : l_max - profile(phi) <= chi2(c; 1)/2 }, as in `LikelihoodRatioBounds`.
    static func profileInterval(estimate: Double, scale standardError: Double?, maximum: Double, confidence: Double,
                                profile: (Double) -> Double?, reset: () -> Void) -> ConfidenceInterval {
        let drop = ChiSquared.quantile(confidence, degreesOfFreedom: 1) / 2
        var scale = standardError ?? 0.1
        if !(scale.isFinite && scale > 0) { scale = 0.1 }
        func excess(_ phi: Double) -> Double? { profile(phi).map { maximum - $0 - drop } }
        func end(_ direction: Double) -> Double? {
            reset()
            var inner = estimate, step = scale
            for _ in 0..<40 {
                let outer = estimate + direction * step
                guard let f = excess(outer) else { return nil }
                if f > 0 {
                    return RootFinding.brent(min(inner, outer), max(inner, outer)) { excess($0) ?? .nan }
                }
                inner = outer
                step *= 2
            }
            return nil
        }
        return ConfidenceInterval(lower: end(-1), upper: end(1))
    }
}
