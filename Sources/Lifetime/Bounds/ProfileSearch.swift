import RelmodelNumerics

/// The search for the two ends of a likelihood-ratio interval, given the profile log-likelihood of a
/// quantity phi: each end is the root of l_max - profile(phi) - drop, bracketed by doubling steps from
/// a Wald-sized first step and solved by Brent's method. Shared by every profile in relmodel (the
/// threshold and gamma profiles of `GeneralProfileBounds`, the constrained profiles of
/// `ParametricProfileBounds`).
///
/// What is reported instead of a number, per end, in `ConfidenceInterval.notes`:
/// - **open**: the profile has not fallen by `drop` within `width` of the estimate;
/// - **not computed**: the profile's budget was spent, or it met a log-likelihood above the fit's
///   (so the fit is not the maximum the bounds are measured from), or the root search failed.
struct ProfileSearch {
    /// Why a profile stopped before it found an end.
    enum Stop: Error {
        case budgetSpent(String)
        case aboveMaximum(Double)
    }

    /// The fit's log-likelihood and the drop chi2(c; 1)/2 that defines an end.
    let maximum: Double
    let drop: Double

    /// Bounds on phi.
    /// - Parameters:
    ///   - estimate: phi at the fit; `scale`: its standard error (the first step), or a guess.
    ///   - upperLimit: a value phi cannot pass (a threshold's first failure): when the profile has not
    ///     fallen far enough there, the limit is the upper bound.
    ///   - restart: called before each end's search (to reset warm starts).
    ///   - profile: the profile log-likelihood at phi; throws `Stop`.
    func interval(estimate: Double, scale: Double, width: Double, upperLimit: Double? = nil,
                  restart: () -> Void, profile: (Double) throws(Stop) -> Double) -> ConfidenceInterval {
        let step0 = scale.isFinite && scale > 0 ? min(scale, width / 4) : 0.1 * max(1, abs(estimate))
        func end(_ direction: Double) -> (Double?, String?) {
            let side = direction < 0 ? "lower end" : "upper end"
            restart()
            var inner = estimate, step = step0
            do throws(Stop) {
                while true {
                    var outer = estimate + direction * min(step, width)
                    var atLimit = false
                    if let limit = upperLimit, direction > 0, outer >= limit {
                        outer = limit - 1e-9 * max(1, abs(limit))
                        atLimit = true
                    }
                    let excessAtOuter = maximum - (try profile(outer)) - drop
                    if atLimit && excessAtOuter <= 0 { return (upperLimit, nil) }
                    if excessAtOuter > 0 {
                        var failure: Stop?
                        func excess(_ phi: Double) -> Double {
                            if failure != nil { return .nan }
                            do throws(Stop) { return maximum - (try profile(phi)) - drop } catch {
                                failure = error
                                return .nan
                            }
                        }
                        let tolerance = 1e-10 * max(1, abs(estimate))
                        var root = RootFinding.brent(min(inner, outer), max(inner, outer), absoluteTolerance: tolerance, excess)
                        if root == nil && failure == nil {
                            // The profile at `inner`, maximised again from a warm start near `outer`, can
                            // land on another local maximum of the nuisance parameters and leave the
                            // bracket without a sign change; the estimate itself always has excess -drop.
                            restart()
                            root = RootFinding.brent(min(estimate, outer), max(estimate, outer), absoluteTolerance: tolerance, excess)
                        }
                        if let failure { throw failure }
                        return (root, root == nil ? "\(side): not computed: the root search did not converge" : nil)
                    }
                    if step >= width {
                        return (nil, "\(side): open: the profile log-likelihood does not fall by \(NoteNumbers.significant(drop, 7)) within \(NoteNumbers.significant(width, 7)) of the estimate on the internal scale")
                    }
                    inner = outer
                    step *= 2
                }
            } catch {
                switch error {
                case let .budgetSpent(reason):
                    return (nil, "\(side): not computed: \(reason)")
                case let .aboveMaximum(value):
                    return (nil, "\(side): not computed: the profile reached a log-likelihood of \(NoteNumbers.significant(value, 7)), above the fit's \(NoteNumbers.significant(maximum, 7)): the fit is not at the maximum")
                }
            }
        }
        let (lower, lowerNote) = end(-1)
        let (upper, upperNote) = end(1)
        return ConfidenceInterval(lower: lower, upper: upper, notes: [lowerNote, upperNote].compactMap { $0 })
    }
}
