import LinearAlgebra

/// A function's value with its gradient and Hessian at a point.
public struct LikelihoodDerivatives: Sendable {
    public var value: Double
    public var gradient: [Double]
    public var hessian: Matrix

    public init(value: Double, gradient: [Double], hessian: Matrix) {
        self.value = value
        self.gradient = gradient
        self.hessian = hessian
    }

    /// True when value, gradient and Hessian are all finite.
    public var isFinite: Bool {
        value.isFinite && gradient.allSatisfy(\.isFinite) && hessian.storage.allSatisfy(\.isFinite)
    }
}

/// Newton's method for a maximum, damped by Levenberg-Marquardt where the Hessian is not negative
/// definite or the full step does not increase the function, with the checks that make a reported
/// maximum a verified one.
///
/// Each iteration solves (-H + lambda I) d = g. lambda starts at 0 (the pure Newton step) and grows by
/// 8 until the matrix is positive definite and the step, cut to at most `maximumStep` in any
/// coordinate, does not decrease the function (by more than 1e-13 relative, rounding), or is an
/// undamped step whose predicted gain g.d is below the rounding of the function (1e-12 |f|), where
/// comparing values says nothing; after an
/// accepted step lambda shrinks by 16 and returns to 0. The iteration has converged when an undamped,
/// uncut step is below `relativeStepTolerance` relative in every coordinate; the result is then
/// checked: a converged point whose Hessian is not negative definite, or whose gradient is not small
/// (1e-6 (1 + |f|)), is reported as not converged, with a note, never as a maximum.
///
/// The function is evaluated with derivatives only at accepted points: a rejected trial costs one
/// plain evaluation (unless `evaluatesTrialsWithDerivatives`).
public struct DampedNewton: Sendable {
    public var maximumIterations = 500
    public var relativeStepTolerance = 1e-10
    /// Largest change of any coordinate in one step (the coordinates are unconstrained: logs of scales
    /// and shapes, logits of fractions, so 2 is a factor e^2 at most).
    public var maximumStep = 2.0
    /// Largest change of each coordinate in one step, when they differ (a regression's coefficients
    /// may move further than a log-scale); nil: `maximumStep` for every coordinate. A step beyond
    /// them is shortened along its direction until every coordinate is within its limit.
    public var stepLimits: [Double]?
    /// Stops the iteration when spent (the result then says so).
    public var budget: ComputationBudget?
    /// Evaluate each trial point with `derivatives` rather than `value`: for a likelihood whose
    /// derivatives cost little more than its value (one pass that yields both), an accepted trial then
    /// costs one pass instead of two, at the price of a full pass for a rejected one.
    public var evaluatesTrialsWithDerivatives = false

    public init() {}

    public struct Result: Sendable {
        public var point: [Double]
        public var evaluation: LikelihoodDerivatives
        public var iterations: Int
        /// An undamped step below the tolerance at a strict local maximum with a small gradient.
        public var converged: Bool
        /// Inverse of the negative Hessian; nil when it is not positive definite.
        public var covariance: Matrix?
        public var notes: [String]
        /// Euclidean norm of the gradient at `point`.
        public var gradientNorm: Double { evaluation.gradient.reduce(0) { $0 + $1 * $1 }.squareRoot() }
    }

    /// The step limit of coordinate i.
    private func limit(_ i: Int) -> Double {
        guard let stepLimits, i < stepLimits.count, stepLimits[i] > 0 else { return maximumStep }
        return stepLimits[i]
    }

    /// Maximises from `start`. `derivatives` gives value, gradient and Hessian; `value` the value alone.
    /// - Complexity: at most `maximumIterations` iterations, each one `derivatives` call, a k x k
    ///   Cholesky and solve per damping trial, and one `value` call per trial.
    public func maximize(from start: [Double], derivatives: ([Double]) -> LikelihoodDerivatives,
                         value: ([Double]) -> Double) -> Result {
        let k = start.count
        var x = start
        var current = derivatives(x)
        var notes: [String] = []
        guard current.isFinite else {
            notes.append("the log-likelihood or its derivatives are not finite at the starting point")
            return Result(point: x, evaluation: current, iterations: 0, converged: false, covariance: nil, notes: notes)
        }
        var damping = 0.0, iterations = 0, converged = false
        while iterations < maximumIterations {
            if let budget, budget.isSpent {
                notes.append("stopped: \(budget.reason ?? "budget spent")")
                break
            }
            iterations += 1
            var accepted = false, cut = false
            var step = [Double](repeating: 0, count: k)
            let scale = max(1, (0..<k).reduce(0.0) { $0 + abs(current.hessian[$1, $1]) })
            while damping < 1e16 * scale {
                var a = Matrix(rows: k, columns: k)
                for i in 0..<k {
                    for j in 0..<k { a[i, j] = -current.hessian[i, j] }
                    a[i, i] += damping
                }
                if a.isPositiveDefinite(), let d = try? a.solve(current.gradient), d.allSatisfy(\.isFinite) {
                    var ratio = 0.0
                    for i in 0..<k { ratio = max(ratio, abs(d[i]) / limit(i)) }
                    cut = ratio > 1
                    step = cut ? d.map { $0 / ratio } : d
                    let trial = zip(x, step).map { $0 + $1 }
                    let early = evaluatesTrialsWithDerivatives ? derivatives(trial) : nil
                    let v = early?.value ?? value(trial)
                    // Near the maximum of a large sample the gain g.d of a Newton step is far below the
                    // rounding of the log-likelihood itself (|LL| ~ 5e6 at a million units), so comparing
                    // values cannot judge it; an undamped step on a negative definite Hessian whose
                    // predicted gain is below that rounding is taken on the quadratic model's word.
                    var predictedGain = 0.0
                    for i in 0..<k { predictedGain += current.gradient[i] * step[i] }
                    let belowRounding = damping == 0 && predictedGain >= 0 && predictedGain <= 1e-12 * (1 + abs(current.value))
                    if v.isFinite && (belowRounding || v >= current.value - 1e-13 * abs(current.value)) {
                        let evaluation = early ?? derivatives(trial)
                        if evaluation.isFinite {
                            x = trial
                            current = evaluation
                            accepted = true
                            break
                        }
                    }
                }
                damping = damping == 0 ? 1e-6 * scale : damping * 8
            }
            if !accepted {
                notes.append("no step increases the log-likelihood (damping exhausted)")
                break
            }
            if damping == 0 && !cut && (0..<k).allSatisfy({ abs(step[$0]) <= relativeStepTolerance * (1 + abs(x[$0])) }) {
                converged = true
                break
            }
            damping = damping < 1e-8 * scale ? 0 : damping / 16
        }
        if !converged && iterations >= maximumIterations { notes.append("iteration limit \(maximumIterations) reached") }
        var information = Matrix(rows: k, columns: k)
        for i in 0..<k { for j in 0..<k { information[i, j] = -current.hessian[i, j] } }
        let covariance = try? information.symmetricPositiveDefiniteInverse()
        let gradientNorm = current.gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if converged && (covariance == nil || gradientNorm > 1e-6 * (1 + abs(current.value))) {
            converged = false
            notes.append("the step converged but the point is not a strict maximum with a small gradient")
        }
        return Result(point: x, evaluation: current, iterations: iterations, converged: converged,
                      covariance: covariance, notes: notes)
    }
}
