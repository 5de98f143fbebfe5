extension Minimization {
    /// Nelder-Mead simplex minimiser for small unconstrained problems (2-10 parameters: three-parameter
    /// threshold fits, mixtures), with an explicit convergence verdict.
    ///
    /// Reflection, expansion, contraction and shrink coefficients are the standard (1, 2, 1/2, 1/2) for one
    /// or two parameters and the dimension-adapted (1, 1 + 2/n, 3/4 - 1/(2n), 1 - 1/n) of Gao & Han
    /// (Comput. Optim. Appl. 51, 2012) above that, which avoids the stalling of the standard coefficients in
    /// higher dimensions. The initial simplex is `start` plus `step[i]` along each axis (a zero step is
    /// replaced by 5% of the coordinate, or 0.00025 for a zero coordinate, as MATLAB does).
    ///
    /// A run has converged when 2 |f_worst - f_best| <= tolerance (|f_worst| + |f_best| + 1e-10), the test of
    /// Numerical Recipes. Because the simplex can collapse away from a minimum (McKinnon 1998), the search is
    /// then restarted from the best vertex with the original steps, and `converged` is reported only when a
    /// restarted run ends without improving the value by more than the same tolerance. NaN values are treated
    /// as +infinity (so infeasible parameter regions can be rejected by returning NaN); a value of -infinity
    /// ends the search at once with `converged == false` (unbounded below), as does exhausting
    /// `maxEvaluations`.
    ///
    /// A `step` with another count than `start` is an error reported as a failed search: the start, a
    /// NaN value, `converged == false` and no evaluations.
    /// - Returns: the best point, its value, the convergence verdict and the number of evaluations.
    /// - Cost: typically a few hundred evaluations per parameter; memory O(n^2).
    public static func nelderMead(start: [Double], step: [Double], tolerance: Double = 1e-12,
                                  maxEvaluations: Int = 20_000,
                                  _ f: ([Double]) -> Double) -> (x: [Double], value: Double, converged: Bool,
                                                                 evaluations: Int) {
        guard step.count == start.count else { return (start, .nan, false, 0) }
        let n = start.count
        var evaluations = 0
        func evaluate(_ x: [Double]) -> Double {
            evaluations += 1
            let v = f(x)
            return v.isNaN ? .infinity : v
        }
        if n == 0 {
            let v = evaluate(start)
            return (start, v, v.isFinite, evaluations)
        }
        let nd = Double(n)
        let (expansion, contraction, shrink) = n <= 2
            ? (2.0, 0.5, 0.5)
            : (1 + 2 / nd, 0.75 - 1 / (2 * nd), 1 - 1 / nd)
        let steps = (0..<n).map { i -> Double in
            if step[i] != 0 { return step[i] }
            return start[i] != 0 ? 0.05 * start[i] : 0.00025
        }
        let tiny = 1e-10

        var best = start
        var bestValue = evaluate(start)
        if bestValue == -.infinity { return (best, bestValue, false, evaluations) }
        var previousConverged: Double? = nil

        while true {
            // Build a simplex around the current best point.
            var simplex = [best]
            var values = [bestValue]
            for i in 0..<n {
                var vertex = best
                vertex[i] += steps[i]
                let v = evaluate(vertex)
                if v == -.infinity { return (vertex, v, false, evaluations) }
                simplex.append(vertex)
                values.append(v)
            }
            var runConverged = false
            while evaluations < maxEvaluations {
                // Order: best first, worst last.
                let order = values.indices.sorted { values[$0] < values[$1] }
                simplex = order.map { simplex[$0] }
                values = order.map { values[$0] }
                let fBest = values[0]
                let fWorst = values[n]
                if 2 * abs(fWorst - fBest) <= tolerance * (abs(fWorst) + abs(fBest) + tiny) {
                    runConverged = true
                    break
                }
                var centroid = [Double](repeating: 0, count: n)
                for vertex in simplex[0..<n] {
                    for j in 0..<n { centroid[j] += vertex[j] }
                }
                for j in 0..<n { centroid[j] /= nd }
                let worst = simplex[n]
                func along(_ t: Double) -> [Double] {
                    (0..<n).map { centroid[$0] + t * (centroid[$0] - worst[$0]) }
                }
                let reflected = along(1)
                let fr = evaluate(reflected)
                if fr == -.infinity { return (reflected, fr, false, evaluations) }
                if fr < fBest {
                    let expanded = along(expansion)
                    let fe = evaluate(expanded)
                    if fe == -.infinity { return (expanded, fe, false, evaluations) }
                    if fe < fr {
                        simplex[n] = expanded; values[n] = fe
                    } else {
                        simplex[n] = reflected; values[n] = fr
                    }
                    continue
                }
                if fr < values[n - 1] {
                    simplex[n] = reflected; values[n] = fr
                    continue
                }
                // Contraction: outside if the reflection improved on the worst point, inside otherwise.
                let outside = fr < fWorst
                let contracted = along(outside ? contraction : -contraction)
                let fc = evaluate(contracted)
                if fc == -.infinity { return (contracted, fc, false, evaluations) }
                if outside ? fc <= fr : fc < fWorst {
                    simplex[n] = contracted; values[n] = fc
                    continue
                }
                // Shrink towards the best vertex.
                for i in 1...n {
                    for j in 0..<n {
                        simplex[i][j] = simplex[0][j] + shrink * (simplex[i][j] - simplex[0][j])
                    }
                    values[i] = evaluate(simplex[i])
                    if values[i] == -.infinity { return (simplex[i], values[i], false, evaluations) }
                }
            }
            let bestIndex = values.indices.min { values[$0] < values[$1] }!
            best = simplex[bestIndex]
            bestValue = values[bestIndex]
            if !runConverged || evaluations >= maxEvaluations {
                return (best, bestValue, false, evaluations)
            }
            if let previous = previousConverged,
               2 * abs(previous - bestValue) <= tolerance * (abs(previous) + abs(bestValue) + tiny) {
                return (best, bestValue, true, evaluations)
            }
            previousConverged = bestValue
        }
    }
}
