#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Derivative-free minimisation for small problems (likelihood profiles, threshold parameters, mixtures).
public enum Minimization: Sendable {
    /// Brent's one-dimensional minimiser (Brent 1973, ch. 5, the `localmin`/`fmin` algorithm that R's
    /// `optimize` uses): golden-section steps combined with successive parabolic interpolation.
    ///
    /// Finds a local minimum of f in [a, b] (ends in either order); for a unimodal f it is the global one.
    /// It stops when the bracket has shrunk to 2 (sqrt(eps) |x| + tolerance/3) around the current best x,
    /// as R does; the location is therefore good to ~1e-8 relative at best (a smooth minimum is flat to
    /// second order, so function values cannot locate it more finely), while the value is accurate to
    /// ~1e-16 relative. Non-finite f values are treated as the largest finite double, which keeps the
    /// search away from them. `converged` is false when `maxIterations` iterations did not meet the test.
    /// Cost: one evaluation per iteration, typically 10-40 in all.
    public static func brent(_ a: Double, _ b: Double, tolerance: Double = 1e-10, maxIterations: Int = 200,
                             _ f: (Double) -> Double) -> (x: Double, value: Double, converged: Bool) {
        func g(_ x: Double) -> Double {
            let v = f(x)
            return v.isFinite ? v : .greatestFiniteMagnitude
        }
        let golden = 0.5 * (3 - 5.0.squareRoot())
        let sqrtEps = Double.ulpOfOne.squareRoot()
        var lo = min(a, b)
        var hi = max(a, b)
        var v = lo + golden * (hi - lo)
        var w = v
        var x = v
        var d = 0.0
        var e = 0.0
        var fx = g(x)
        var fv = fx
        var fw = fx
        let tol3 = tolerance / 3
        for _ in 0..<maxIterations {
            let xm = 0.5 * (lo + hi)
            let tol1 = sqrtEps * abs(x) + tol3
            let t2 = 2 * tol1
            if abs(x - xm) <= t2 - 0.5 * (hi - lo) {
                return (x, fx, true)
            }
            var p = 0.0
            var q = 0.0
            var r = 0.0
            if abs(e) > tol1 {
                // Parabola through (v, fv), (w, fw), (x, fx).
                r = (x - w) * (fx - fv)
                q = (x - v) * (fx - fw)
                p = (x - v) * q - (x - w) * r
                q = 2 * (q - r)
                if q > 0 { p = -p } else { q = -q }
                r = e
                e = d
            }
            if abs(p) >= abs(0.5 * q * r) || p <= q * (lo - x) || p >= q * (hi - x) {
                // Golden-section step into the larger part.
                e = x < xm ? hi - x : lo - x
                d = golden * e
            } else {
                d = p / q
                let u = x + d
                if u - lo < t2 || hi - u < t2 {
                    d = x < xm ? tol1 : -tol1
                }
            }
            let u = abs(d) >= tol1 ? x + d : (d > 0 ? x + tol1 : x - tol1)
            let fu = g(u)
            if fu <= fx {
                if u < x { hi = x } else { lo = x }
                v = w; fv = fw
                w = x; fw = fx
                x = u; fx = fu
            } else {
                if u < x { lo = u } else { hi = u }
                if fu <= fw || w == x {
                    v = w; fv = fw
                    w = u; fw = fu
                } else if fu <= fv || v == x || v == w {
                    v = u; fv = fu
                }
            }
        }
        return (x, fx, false)
    }
}
