import RelmodelNumerics

extension LifetimeAnalysis {
    /// Analyses each group (a lot, a wafer, a stress cell) independently, spreading the groups over
    /// every core; the result keeps the groups' order. A group whose data support no model gets an
    /// analysis whose outcomes say why, like any other.
    /// - Complexity: one `LifetimeAnalysis` per group, run in parallel.
    public static func grouped(_ groups: [(group: String, input: LifetimeInput)],
                               options: LifetimeAnalysisOptions) -> [(group: String, analysis: LifetimeAnalysis)] {
        let analyses = Parallel.map(groups.count) { i in
            LifetimeAnalysis(data: groups[i].input.data, rows: groups[i].input.rows, options: options)
        }
        return groups.indices.map { (groups[$0].group, analyses[$0]) }
    }
}
