/// The probability paper that linearises a family's CDF: the paper its probability plot is drawn on.
///
/// Weibull paper plots ln(-ln(1 - F)) against ln t, lognormal paper the normal quantile of F against
/// ln t, exponential paper -ln(1 - F) against t, normal paper the normal quantile of F against t.
/// Families without a linearising paper (gamma, log-logistic, the bathtub families, mixtures of
/// Weibulls) are drawn on Weibull paper, where a bend is read as departure from a Weibull.
public enum ProbabilityScale: String, Sendable, CaseIterable {
    case weibull, lognormal, exponential, normal
}

extension LifetimeFamily {
    /// The paper of this family's probability plot.
    public var probabilityScale: ProbabilityScale {
        switch self {
        case .lognormal2p, .lognormal3p: .lognormal
        case .exponential1p, .exponential2p: .exponential
        case .normal, .gumbel: .normal
        default: .weibull
        }
    }
}
