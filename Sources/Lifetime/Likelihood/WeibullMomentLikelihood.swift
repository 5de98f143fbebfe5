#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Weibull (SEV on the log scale, or Gumbel) log-likelihood of exact and right-censored data,
/// evaluated from cached moments instead of a pass over the data.
///
/// At a shape beta_p one pass stores M_k = sum w u d^k (see `WeibullProfileEstimation`); at any
/// (mu, beta) with |beta - beta_p| max|d| within the series' reach, the value, gradient and Hessian
/// follow from the power series in beta - beta_p at no cost proportional to n. A request outside the
/// reach takes a new pass there. The likelihood-ratio bounds of a large sample, dozens of profile
/// evaluations all within a few standard errors of the estimate, then need one pass or none.
///
/// A class because the cache changes as it is used; it is meant for one computation on one thread
/// and is not `Sendable`.
final class WeibullMomentLikelihood: LocationScaleSurface {
    let sample: PreparedSample
    let layout: WeibullProfileEstimation.Layout
    /// Moments taken so far, newest last; at most `cacheSize`. A profile search moves back and forth
    /// between the two ends of an interval, so one set alone would be retaken again and again.
    private var cache: [WeibullProfileEstimation.Moments]
    private let cacheSize = 6
    /// Passes over the data so far (one at creation).
    private(set) var passes = 1

    /// - Precondition: `WeibullProfileEstimation.applies(to: sample)`.
    init(_ sample: PreparedSample, shape: Double) {
        self.sample = sample
        layout = WeibullProfileEstimation.Layout(sample)
        cache = [WeibullProfileEstimation.moments(sample, layout: layout, shape: shape)]
    }

    /// True when the fast path's conditions hold: exact and right-censored data only.
    static func applies(to sample: PreparedSample) -> Bool { WeibullProfileEstimation.applies(to: sample) }

    /// T0, T1, T2 at `shape` from the nearest cached moments within reach, or from a new pass.
    private func sums(at shape: Double) -> WeibullProfileEstimation.Sums {
        let nearest = cache.indices.min { abs(shape - cache[$0].shape) < abs(shape - cache[$1].shape) }!
        if abs(shape - cache[nearest].shape) * layout.spread <= WeibullProfileEstimation.taylorReach {
            return WeibullProfileEstimation.sums(cache[nearest], at: shape)
        }
        let fresh = WeibullProfileEstimation.moments(sample, layout: layout, shape: shape)
        passes += 1
        cache.append(fresh)
        if cache.count > cacheSize { cache.removeFirst() }
        return WeibullProfileEstimation.sums(fresh, at: shape)
    }

    func evaluate(mu: Double, s: Double) -> LocationScaleEvaluation {
        let shape = exp(-s)
        return WeibullProfileEstimation.evaluation(mu: mu, shape: shape, sums: sums(at: shape), layout: layout, sample: sample)
    }

    func logLikelihood(mu: Double, sigma: Double) -> Double { evaluate(mu: mu, s: log(sigma)).value }
}
