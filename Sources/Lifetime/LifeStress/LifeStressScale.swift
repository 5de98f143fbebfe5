extension LifeStressFit {
    /// The scale parameter as engineers report it: sigma for the lognormal, the shape beta = 1/sigma
    /// for the Weibull; nil for the exponential (sigma fixed at 1).
    public struct ReportedScale: Sendable, Equatable {
        /// "sigma" or "beta".
        public var name: String
        public var value: Double
        /// Delta method: se(beta) = se(sigma) / sigma^2.
        public var standardError: Double?
        public var fisher: ConfidenceInterval
        public var lr: ConfidenceInterval
    }

    /// The reported scale with its standard error and Fisher and likelihood-ratio bounds at `confidence`.
    /// Bounds on beta = 1/sigma are the reciprocals of sigma's, ends swapped.
    /// - Complexity: one profile likelihood for the likelihood-ratio bounds.
    public func reportedScale(confidence: Double) -> ReportedScale? {
        guard family.fixedSigma == nil else { return nil }
        let lognormal = family == .lognormal2p
        let seSigma = standardErrors.map { $0[coefficients.count] }
        func reported(_ i: ConfidenceInterval) -> ConfidenceInterval {
            lognormal ? i : ConfidenceInterval(lower: i.upper.map { 1 / $0 }, upper: i.lower.map { 1 / $0 })
        }
        return ReportedScale(name: lognormal ? "sigma" : "beta", value: lognormal ? sigma : shape,
                             standardError: seSigma.map { lognormal ? $0 : $0 / (sigma * sigma) },
                             fisher: reported(sigmaBounds(.fisher, confidence: confidence)),
                             lr: reported(sigmaBounds(.lr, confidence: confidence)))
    }
}
