/// What makes a batch's T² and SPE large: the contribution of every variable (summed over the time
/// points) and of every time point (summed over the variables).
///
/// For the batch's scaled unfolded row x (column k·J + j), scores t = Pᵀx and residual e = x - P t:
/// - SPE contribution of a column: e_c², so the contributions are non-negative and sum to SPE;
/// - T² contribution of a column: x_c Σ_a (t_a / s_a²) p_ca, which sums to T² (Σ_c x_c p_ca = t_a);
///   a column can contribute negatively (Westerhuis, Gurden & Smilde, Chemometrics Intell. Lab. Syst. 51,
///   2000; Nomikos 1996's variable contributions to the scores).
/// A variable's contribution is the sum over its K columns; a time point's, over its J columns. The
/// variable that drove the alarm leads its list.
public struct BatchContributions: Sendable, Equatable {
    public let label: String
    /// By variable, in the model's variable order (J values).
    public let speByVariable: [Double]
    public let t2ByVariable: [Double]
    /// By time point, in the model's time order (K values).
    public let speByTime: [Double]
    public let t2ByTime: [Double]
}

extension MultiwayPCA {
    /// The contributions of one batch of `data` (reference or new, same variables and time points as
    /// the model), scaled with the reference means and standard deviations.
    /// - Throws: `.invalidParameter` when the data's variables or time points differ from the model's or
    ///   the index is out of range.
    /// - Complexity: O(J·K·A).
    public func contributions(of data: BatchTrajectoryData, batch index: Int) throws(SPCError) -> BatchContributions {
        guard data.variables == variables, data.times == times else {
            throw .invalidParameter("the batches have other variables or time points than the model")
        }
        guard data.labels.indices.contains(index) else { throw .invalidParameter("no batch \(index + 1)") }
        return contributions(scaledRow: scaling.scale(data.unfoldedRow(index)), label: data.labels[index])
    }

    /// The contributions of a scaled unfolded row x.
    func contributions(scaledRow x: [Double], label: String) -> BatchContributions {
        let width = x.count, a = componentCount, p = loadings.storage
        // The scores t = P^T x, as the batch's statistics compute them.
        let scores = statistics(scaledRow: x, label: label).scores
        var speBy = (variable: [Double](repeating: 0, count: variableCount), time: [Double](repeating: 0, count: timeCount))
        var t2By = speBy
        for r in 0..<width {
            var fitted = 0.0, weighted = 0.0
            for c in 0..<a {
                fitted += p[c * width + r] * scores[c]
                weighted += p[c * width + r] * scores[c] / scoreVariances[c]
            }
            let e = x[r] - fitted
            let k = r / variableCount, j = r % variableCount
            speBy.variable[j] += e * e
            speBy.time[k] += e * e
            t2By.variable[j] += x[r] * weighted
            t2By.time[k] += x[r] * weighted
        }
        return BatchContributions(label: label, speByVariable: speBy.variable, t2ByVariable: t2By.variable,
                                  speByTime: speBy.time, t2ByTime: t2By.time)
    }
}
