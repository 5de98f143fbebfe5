extension NormalCapability {
    /// Normal capability of phase I subgroups with the within sigma a chart would use: the pooled
    /// subgroup estimate `method` (R-bar/d2 by default) for subgroups, the moving-range sigma
    /// MR-bar/d2 for individual values (every subgroup of size one), as Minitab's capability analysis does.
    /// - Parameters:
    ///   - subgroups: the phase I subgroups in time order.
    ///   - individuals: the data are individual values (one per row, no subgroup column).
    ///   - method: the within-subgroup sigma estimator.
    ///   - constants: where d2, c4 and the other constants come from.
    ///   - specification: the limits and target.
    ///   - confidence: two-sided level of the intervals.
    /// - Throws: `SPCError` from the sigma estimate or the capability.
    /// - Complexity: O(values).
    public init(subgroups: [[Double]], individuals: Bool, method: SigmaMethod = .rBar, constants: ConstantSource = .exact,
                specification: Specification, confidence: Double = 0.95) throws(SPCError) {
        let values = subgroups.flatMap { $0 }
        let sigma = individuals
            ? try SigmaEstimators.movingRangeSigma(values, constants: constants)
            : try SigmaEstimators.withinSigma(subgroups, method: method, constants: constants)
        try self.init(values, withinSigma: sigma, specification: specification, confidence: confidence)
    }
}
