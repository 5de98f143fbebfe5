/// A batch judged against a multiway PCA model's limits: reference batches (phase I) against the
/// phase I T² limit, new batches (phase II) against the phase II T² limit; both against the SPE limit.
/// A value exactly on a limit is not above it.
public struct BatchAssessment: Sendable, Equatable {
    public let statistics: BatchStatistics
    public let phase: ChartPhase
    public let t2Limit: Double
    public let speLimit: Double
    public var t2AboveLimit: Bool { statistics.t2 > t2Limit }
    public var speAboveLimit: Bool { statistics.spe > speLimit }
}

extension MultiwayPCA {
    /// Control limits at `confidence` (see `BatchPCALimits`). O(I) plus three quantiles.
    public func limits(confidence: Double) throws(SPCError) -> BatchPCALimits {
        try BatchPCALimits(confidence: confidence, components: componentCount, referenceSPE: reference.map(\.spe))
    }

    /// Scores, T² and SPE of new batches, scaled with the reference means and standard deviations.
    /// O(I_new·J·K·A).
    /// - Throws: `.invalidParameter` when the batches have other variables (names or count) or other
    ///   time points than the reference.
    public func project(_ batches: BatchTrajectoryData) throws(SPCError) -> [BatchStatistics] {
        guard batches.variables == variables, batches.variableCount == variableCount else {
            throw .invalidParameter("new batches have variables \(batches.variables.joined(separator: ", ")), the model has \(variables.joined(separator: ", "))")
        }
        guard batches.timeCount == timeCount, batches.times == times else {
            throw .invalidParameter("new batches have \(batches.timeCount) time points, the model has \(timeCount) (the same time points are needed)")
        }
        return (0..<batches.batchCount).map { i in
            statistics(scaledRow: scaling.scale(batches.unfoldedRow(i)), label: batches.labels[i])
        }
    }

    /// The reference batches (phase I) followed by `newBatches` (phase II, from `project`), flagged
    /// against the limits at `confidence`.
    public func assess(confidence: Double, newBatches: [BatchStatistics] = []) throws(SPCError) -> [BatchAssessment] {
        let limits = try limits(confidence: confidence)
        return reference.map { BatchAssessment(statistics: $0, phase: .estimation, t2Limit: limits.t2PhaseI, speLimit: limits.spe) }
            + newBatches.map { BatchAssessment(statistics: $0, phase: .monitoring, t2Limit: limits.t2PhaseII, speLimit: limits.spe) }
    }
}
