#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RelmodelNumerics

/// The hazard of a fitted family as a function of time and of the unconstrained parameters, with the
/// exact derivatives that the bounds on region boundaries need.
///
/// Everything is on ln h and ln t. Derivatives in t come from a hyper-dual time (seeded along e1),
/// derivatives in the parameters from hyper-dual parameters; no finite differences.
struct HazardCurve: Sendable {
    let family: any ParametricFamily

    /// ln h(t) = ln f(t) - ln S(t) for any scalar type.
    func logHazard<T: LikelihoodScalar>(_ t: T, _ p: [T]) -> T {
        family.logDensity(t, p) - family.logSurvival(t, p)
    }

    /// Natural parameters at u as constants.
    func natural(_ u: [Double]) -> [Double] { family.natural(u) }

    /// Natural parameters at u with u seeded along coordinates i (e1) and j (e2) (nil: not seeded).
    func seeded(_ u: [Double], _ i: Int?, _ j: Int?) -> [HyperDual] {
        family.natural(u, seeding: i, j)
    }

    /// ln h at t for parameters u.
    func logHazard(at t: Double, _ u: [Double]) -> Double { logHazard(t, natural(u)) }

    /// d ln h / d ln t and d2 ln h / d (ln t)^2 at t.
    func slopeAndCurvature(at t: Double, _ u: [Double]) -> (slope: Double, curvature: Double) {
        // ln t seeded in both directions; t = e^(ln t).
        let logT = HyperDual(log(t), e1: 1, e2: 1)
        let r = logHazard(HyperDual.exp(logT), natural(u).map { HyperDual($0) })
        return (r.e1, r.e12)
    }

    /// d ln h(t) / du at fixed t.
    func parameterGradient(at t: Double, _ u: [Double]) -> [Double] {
        u.indices.map { i in logHazard(HyperDual(t), seeded(u, i, nil)).e1 }
    }

    /// d2 ln h / (d ln t du_i) at t, for every i.
    func mixedDerivative(at t: Double, _ u: [Double]) -> [Double] {
        u.indices.map { i in
            let logT = HyperDual(log(t), e1: 1, e2: 0)
            return logHazard(HyperDual.exp(logT), family.natural(u, seeding: nil, i)).e12
        }
    }

    /// The minimum of ln h over [low, high] (ln t scale): a grid of `gridPoints` log-spaced times, then
    /// Brent's method on the slope d ln h / d ln t around the lowest grid point. `interior` is false
    /// when the lowest point is an end of the range (the hazard is monotone there).
    /// - Complexity: `gridPoints` + about 40 hazard evaluations.
    func minimum(_ u: [Double], low: Double, high: Double, gridPoints: Int = 400) -> (time: Double, logHazard: Double, interior: Bool)? {
        let a = log(low), b = log(high)
        guard a.isFinite, b.isFinite, b > a else { return nil }
        let p = natural(u)
        var bestIndex = -1, bestValue = Double.infinity
        for k in 0...gridPoints {
            let v = logHazard(exp(a + (b - a) * Double(k) / Double(gridPoints)), p)
            if v.isFinite && v < bestValue { bestValue = v; bestIndex = k }
        }
        guard bestIndex >= 0 else { return nil }
        let step = (b - a) / Double(gridPoints)
        let at = a + step * Double(bestIndex)
        if bestIndex == 0 || bestIndex == gridPoints {
            // Monotone on the range unless the slope changes sign just inside the end.
            return (exp(at), bestValue, false)
        }
        let root = RootFinding.brent(at - step, at + step, absoluteTolerance: 1e-13) { self.slopeAndCurvature(at: exp($0), u).slope }
        let logT = root ?? at
        let value = logHazard(exp(logT), p)
        return (exp(logT), min(value, bestValue), true)
    }

    /// The time on (low, high) (ln-t bracket) where ln h(t) - level(u) changes sign, by Brent's method.
    func crossing(_ u: [Double], level: Double, from low: Double, to high: Double) -> Double? {
        let p = natural(u)
        return RootFinding.brent(log(low), log(high), absoluteTolerance: 1e-13) { self.logHazard(exp($0), p) - level }.map(exp)
    }
}
