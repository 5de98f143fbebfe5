/// One-dimensional root finding.
public enum RootFinding: Sendable {
    /// Brent's method (R. P. Brent, "Algorithms for Minimization without Derivatives", 1973, ch. 4, the
    /// `zeroin` algorithm): inverse quadratic interpolation and secant steps, falling back to bisection
    /// whenever they do not shrink the bracket fast enough, so convergence is guaranteed for any function
    /// that changes sign on [a, b] (continuous or not) and superlinear for smooth ones.
    ///
    /// Stops when the bracket around the returned point is narrower than
    /// 4 ulp(b) + absoluteTolerance + relativeTolerance * |b|, or when f is exactly 0. The ends may be given
    /// in either order; an end where f is exactly 0 is returned at once.
    ///
    /// - Returns: the root, or nil when f(a) and f(b) have the same sign (not bracketed), when f returns
    ///   NaN, or when `maxIterations` function evaluations after the first two do not suffice (which needs a
    ///   budget below ~(log2(width / tolerance))^2, i.e. never with the default for continuous f).
    /// - Cost: two evaluations plus one per iteration; typically 10-15 for smooth f.
    public static func brent(_ a: Double, _ b: Double, absoluteTolerance: Double = 1e-12,
                             relativeTolerance: Double = 1e-14, maxIterations: Int = 200,
                             _ f: (Double) -> Double) -> Double? {
        var a = a
        var b = b
        var fa = f(a)
        var fb = f(b)
        if fa.isNaN || fb.isNaN { return nil }
        if fa == 0 { return a }
        if fb == 0 { return b }
        if (fa > 0) == (fb > 0) { return nil }
        var c = a
        var fc = fa
        var d = b - a
        var e = d
        for _ in 0..<maxIterations {
            if (fb > 0) == (fc > 0) {
                // Keep the root bracketed between b and c.
                c = a
                fc = fa
                d = b - a
                e = d
            }
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let tol = 2 * Double.ulpOfOne * abs(b) + 0.5 * (absoluteTolerance + relativeTolerance * abs(b))
            let m = 0.5 * (c - b)
            if abs(m) <= tol || fb == 0 { return b }
            if abs(e) < tol || abs(fa) <= abs(fb) {
                d = m
                e = m
            } else {
                let s = fb / fa
                var p: Double
                var q: Double
                if a == c {
                    // Secant.
                    p = 2 * m * s
                    q = 1 - s
                } else {
                    // Inverse quadratic interpolation.
                    let qa = fa / fc
                    let r = fb / fc
                    p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * m * q - abs(tol * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = m
                    e = m
                }
            }
            a = b
            fa = fb
            b += abs(d) > tol ? d : (m > 0 ? tol : -tol)
            fb = f(b)
            if fb.isNaN { return nil }
        }
        return nil
    }
}
