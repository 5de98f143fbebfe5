/// The criterion that orders fitted models, best first.
public enum RankingCriterion: String, Sendable, CaseIterable {
    /// Corrected Akaike information criterion, smaller is better (the default).
    case aicc
    case aic
    case bic
    /// Log-likelihood, larger is better (only fair between families with equal parameter counts).
    case logLikelihood = "loglik"
    /// Anderson-Darling statistic, smaller is better.
    case andersonDarling = "ad"

    /// The score to minimise; models without a score (e.g. no Anderson-Darling for interval data)
    /// sort after those with one.
    func score(_ fit: LifetimeFit) -> Double? {
        switch self {
        case .aicc: fit.aicc
        case .aic: fit.aic
        case .bic: fit.bic
        case .logLikelihood: -fit.logLikelihood
        case .andersonDarling: fit.andersonDarling
        }
    }
}
