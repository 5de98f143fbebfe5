import LinearAlgebra

/// Multiway (batch-wise unfolded) principal component analysis of reference batch trajectories, the
/// phase I model of Nomikos & MacGregor (AIChE J. 40, 1994; Technometrics 37, 1995).
///
/// Fit, for I reference batches of J variables at K time points:
/// 1. unfold to the I × (J·K) matrix (column `k·J + j`, see `BatchTrajectoryData`);
/// 2. autoscale every column by its reference mean and standard deviation, divisor I - 1
///    (`UnfoldedScaling`; constant columns are centred only), giving X;
/// 3. singular values σ and right singular vectors of X (`PrincipalAxes`: from the eigendecomposition
///    of the I × I Gram matrix X Xᵀ by LAPACK `dsyev` when I <= J·K, else the thin SVD by `dgesdd`);
///    the loadings P are the first A right singular vectors (J·K × A), each signed so that its
///    largest-magnitude element is positive (the first on ties);
/// 4. scores T = X P (= U Σ for the retained columns); score variances s_a² = t_aᵀt_a/(I - 1) =
///    σ_a²/(I - 1); explained variance of component a = σ_a² / Σ_b σ_b² = σ_a² / ‖X‖²_F.
///
/// Per batch (`BatchStatistics`): Hotelling T² = Σ_a t_a²/s_a² and SPE (Q) = ‖e‖² with the residual
/// e = x - P t of its scaled unfolded row x. For the reference batches Σ_i T²_i = A (I - 1) exactly and
/// ‖x_i‖² = Σ_a t_ia² + SPE_i.
///
/// The number of components A is given, or chosen as the smallest A whose cumulative explained variance
/// reaches a fraction (default 0.8; 1e-12 tolerance for rounding). A must satisfy 1 <= A <= I - 2 (the
/// phase I T² limit needs I - A - 1 > 0) and A < rank(X) (with A = rank no residual is left for SPE).
/// The numerical rank counts singular values above `PrincipalAxes.rankTolerance` (sqrt(max(I, J·K)·ε)·σ_1
/// through the Gram matrix, max(I, J·K)·ε·σ_1 through the SVD); autoscaled data has rank <= I - 1.
///
/// Complexity: O(I·J·K) to scale, O(I²·J·K + I³) for the axes (I <= J·K as usual; O(I·(J·K)²) otherwise),
/// O(I·J·K·A) for the scores, T² and SPE. Memory O(I·J·K).
public struct MultiwayPCA: Sendable, Equatable {
    /// How the number of principal components is chosen.
    public enum ComponentSelection: Sendable, Equatable {
        /// Exactly this many components.
        case count(Int)
        /// The fewest components whose cumulative explained variance is at least this fraction (0, 1].
        case explainedVariance(Double)
    }

    /// The default cumulative explained-variance fraction when no count is given.
    public static let defaultExplainedVariance = 0.8

    /// I, J, K of the reference data.
    public let batchCount: Int
    public let variableCount: Int
    public let timeCount: Int
    /// Variable names and time points of the reference data (new batches must match them).
    public let variables: [String]
    public let times: [Double]
    /// How A was chosen.
    public let selection: ComponentSelection
    /// A, the number of retained components.
    public let componentCount: Int
    /// Reference column means and standard deviations.
    public let scaling: UnfoldedScaling
    /// P, J·K × A, orthonormal columns.
    public let loadings: Matrix
    /// All min(I, J·K) singular values of X, descending.
    public let singularValues: [Double]
    /// Explained-variance fraction of every component (all min(I, J·K)), σ_a² / ‖X‖²_F.
    public let explainedVariance: [Double]
    /// Numerical rank of X.
    public let rank: Int
    /// s_a² = t_aᵀt_a/(I - 1) of the A retained components.
    public let scoreVariances: [Double]
    /// Scores, T² and SPE of every reference batch, in input order.
    public let reference: [BatchStatistics]

    /// Fits the model with exactly `components` principal components (entry point for benchmarks).
    /// - Throws: see `init(reference:selection:)`.
    public init(reference: BatchTrajectoryData, components: Int) throws(SPCError) {
        try self.init(reference: reference, selection: .count(components))
    }

    /// Fits the model with the fewest components explaining at least `explainedVariance` (default 0.8).
    /// - Throws: see `init(reference:selection:)`.
    public init(reference: BatchTrajectoryData, explainedVariance: Double = MultiwayPCA.defaultExplainedVariance) throws(SPCError) {
        try self.init(reference: reference, selection: .explainedVariance(explainedVariance))
    }

    /// Fits the model.
    /// - Throws: `.insufficientData` for fewer than 3 batches; `.invalidParameter` for A < 1, A > I - 2
    ///   or a fraction outside (0, 1]; `.degenerate` when every column is constant, when A exceeds or
    ///   equals the rank of the scaled data, or when LAPACK fails.
    public init(reference data: BatchTrajectoryData, selection: ComponentSelection) throws(SPCError) {
        let n = data.batchCount, width = data.unfoldedColumnCount
        guard n >= 3 else { throw .insufficientData("multiway PCA needs at least 3 reference batches, got \(n)") }
        let scaling = UnfoldedScaling(reference: data)
        var scaled: [Double] = []
        scaled.reserveCapacity(n * width)
        for i in 0..<n { scaled += scaling.scale(data.unfoldedRow(i)) }
        let total = scaled.reduce(0) { $0 + $1 * $1 }
        guard total > 0 else { throw .degenerate("every unfolded column is constant over the reference batches") }

        let axes: PrincipalAxes
        do { axes = try PrincipalAxes(rowMajor: scaled, rows: n, columns: width) } catch {
            throw .degenerate("the principal axes of the scaled data could not be computed: \(error)")
        }
        let sigma = axes.singularValues
        let rank = sigma.filter { $0 > axes.rankTolerance }.count
        let explained = sigma.map { $0 * $0 / total }

        let a: Int
        switch selection {
        case let .count(count):
            guard count >= 1 else { throw .invalidParameter("the number of components must be at least 1, got \(count)") }
            a = count
        case let .explainedVariance(fraction):
            guard fraction > 0, fraction <= 1 else {
                throw .invalidParameter("the explained-variance fraction must be in (0, 1], got \(fraction)")
            }
            var cumulative = 0.0
            var chosen = explained.count
            for (index, e) in explained.enumerated() {
                cumulative += e
                if cumulative >= fraction - 1e-12 { chosen = index + 1; break }
            }
            a = chosen
        }
        let why: String = switch selection {
        case .count: ""
        case let .explainedVariance(f): " (chosen to explain \(f) of the variance)"
        }
        guard a <= n - 2 else {
            throw .invalidParameter("\(a) components\(why) with \(n) reference batches: at most I - 2 = \(n - 2) (the phase I T² limit needs I - A - 1 > 0)")
        }
        guard a < rank else {
            throw .degenerate("\(a) components\(why) but the scaled reference data have rank \(rank): A must be below the rank so that SPE has a residual space")
        }

        var p = axes.leadingAxes(a)
        for c in 0..<a {
            let column = (c * width)..<((c + 1) * width)
            var largest = column.lowerBound
            for r in column where abs(p[r]) > abs(p[largest]) { largest = r }
            if p[largest] < 0 { for r in column { p[r] = -p[r] } }
        }
        self.batchCount = n
        self.variableCount = data.variableCount
        self.timeCount = data.timeCount
        self.variables = data.variables
        self.times = data.times
        self.selection = selection
        self.componentCount = a
        self.scaling = scaling
        self.loadings = Matrix(rows: width, columns: a, columnMajor: p)
        self.singularValues = sigma
        self.explainedVariance = explained
        self.rank = rank
        let scoreVariances = sigma[0..<a].map { $0 * $0 / Double(n - 1) }
        self.scoreVariances = scoreVariances
        self.reference = (0..<n).map { i in
            Self.statistics(scaledRow: Array(scaled[(i * width)..<((i + 1) * width)]), label: data.labels[i],
                            loadings: p, scoreVariances: scoreVariances)
        }
    }

    /// Scores, T² and SPE of one scaled unfolded row. O(J·K·A).
    func statistics(scaledRow x: [Double], label: String) -> BatchStatistics {
        Self.statistics(scaledRow: x, label: label, loadings: loadings.storage, scoreVariances: scoreVariances)
    }

    /// Scores, T² and SPE of one scaled unfolded row x against column-major loadings (J·K × A).
    static func statistics(scaledRow x: [Double], label: String, loadings: [Double],
                           scoreVariances: [Double]) -> BatchStatistics {
        let width = x.count, a = scoreVariances.count
        var scores = [Double](repeating: 0, count: a)
        loadings.withUnsafeBufferPointer { p in
            for c in 0..<a {
                var s = 0.0
                for r in 0..<width { s += p[c * width + r] * x[r] }
                scores[c] = s
            }
        }
        var residual = x
        loadings.withUnsafeBufferPointer { p in
            for c in 0..<a {
                let t = scores[c]
                for r in 0..<width { residual[r] -= p[c * width + r] * t }
            }
        }
        let spe = residual.reduce(0) { $0 + $1 * $1 }
        var t2 = 0.0
        for c in 0..<a { t2 += scores[c] * scores[c] / scoreVariances[c] }
        return BatchStatistics(label: label, scores: scores, t2: t2, spe: spe)
    }
}

/// One batch's position in the model: scores t (A values), Hotelling T² = Σ_a t_a²/s_a² and
/// SPE = ‖x - P t‖² of its scaled unfolded row x.
public struct BatchStatistics: Sendable, Equatable {
    public let label: String
    public let scores: [Double]
    public let t2: Double
    public let spe: Double

    public init(label: String, scores: [Double], t2: Double, spe: Double) {
        self.label = label
        self.scores = scores
        self.t2 = t2
        self.spe = spe
    }
}
