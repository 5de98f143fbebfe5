import RelmodelNumerics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ARL {
    /// The EWMA limit width L that gives in-control ARL `targetARL` for smoothing constant `lambda`.
    ///
    /// Method: Brent's root of log ARL0(L) - log target, ARL0 computed by
    /// `EWMADesign.averageRunLength(shift: 0)`. ARL0 increases with L; the bracket starts at
    /// [0.5, 4] and its upper end doubles (up to 16) until it holds the target. Round trip:
    /// lambda 0.5, target 500 gives 3.0708 (Lucas & Saccucci print 3.071).
    /// - Throws: `.invalidParameter` for lambda outside (0, 1] or a target <= 1 or not finite;
    ///   `.noCriticalValue` if the target is not bracketed; errors of the ARL computation.
    /// - Complexity: about 10-40 ARL evaluations, each O(N³) with N ~ 100.
    public static func ewmaLimitWidth(lambda: Double, targetARL: Double) throws(ARLError) -> Double {
        _ = try EWMADesign(lambda: lambda, limitWidth: 1)
        return try criticalValue(named: "EWMA L", targetARL: targetARL, lower: 0.5, upper: 4, ceiling: 16) {
            (width: Double) throws(ARLError) -> Double in
            try EWMADesign(lambda: lambda, limitWidth: width).averageRunLength(shift: 0).averageRunLength
        }
    }

    /// The decision interval h of a two-sided tabular CUSUM with reference value `reference` (k)
    /// and head start `headStart` (as a fraction of h, e.g. 0.5 for Lucas & Crosier's FIR) that
    /// gives in-control ARL `targetARL`.
    ///
    /// Method: Brent's root of log ARL0(h) - log target, ARL0 the integral-equation value of
    /// `CUSUMDesign.averageRunLength(shift: 0)`; bracket [0.05, 4], upper end doubling up to 64.
    /// Example: k 0.5, target 465.4 gives h 5.
    /// - Throws: `.invalidParameter` for k < 0, a head-start fraction outside [0, 1) or a target
    ///   <= 1; `.noCriticalValue` if the target is below the ARL of the smallest h searched
    ///   or not bracketed; errors of the ARL computation.
    /// - Complexity: about 10-40 ARL evaluations, each O(N³).
    public static func cusumDecisionInterval(
        reference: Double, targetARL: Double, headStartFraction: Double = 0
    ) throws(ARLError) -> Double {
        guard headStartFraction.isFinite, headStartFraction >= 0, headStartFraction < 1 else {
            throw .invalidParameter("the head start fraction must be in [0, 1), got \(headStartFraction)")
        }
        _ = try CUSUMDesign(reference: reference, decisionInterval: 1)
        return try criticalValue(named: "CUSUM h", targetARL: targetARL, lower: 0.05, upper: 4, ceiling: 64) {
            (h: Double) throws(ARLError) -> Double in
            try CUSUMDesign(reference: reference, decisionInterval: h, headStart: headStartFraction * h)
                .averageRunLength(shift: 0).averageRunLength
        }
    }

    /// The root of log arl(x) = log target for an increasing `arl`, bracketed in [lower, upper]
    /// with `upper` doubled up to `ceiling`.
    static func criticalValue(
        named name: String, targetARL: Double, lower: Double, upper: Double, ceiling: Double,
        _ arl: (Double) throws(ARLError) -> Double
    ) throws(ARLError) -> Double {
        guard targetARL.isFinite, targetARL > 1 else {
            throw .invalidParameter("the target ARL must be finite and > 1, got \(targetARL)")
        }
        let logTarget = log(targetARL)
        let atLower = try arl(lower)
        guard atLower < targetARL else {
            throw .noCriticalValue("\(name): the ARL is already \(atLower) at \(lower), above the target \(targetARL)")
        }
        var high = upper
        while try arl(high) < targetARL {
            guard high < ceiling else {
                throw .noCriticalValue("\(name): the ARL stays below the target \(targetARL) up to \(ceiling)")
            }
            high *= 2
        }
        // Brent's closure cannot throw: remember the first failure and report it afterwards.
        var failure: ARLError?
        let root = RootFinding.brent(lower, high) { x in
            if failure != nil { return 0 }
            do throws(ARLError) {
                return log(try arl(x)) - logTarget
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        guard let root else { throw .noCriticalValue("\(name): root finding failed in [\(lower), \(high)]") }
        return root
    }
}
