import RelmodelJSON

/// Monitoring of batch trajectories by multiway PCA as `relmodel spc batch-pca` does it: the
/// reference model, T2 and SPE limits at 0.95, 0.99 and the chosen confidence, every reference
/// batch (and every new batch) assessed, and the contributions of each flagged batch.
public struct BatchMonitoring: JSONRepresentable, Sendable {
    /// The name of the new batches' file, recorded in the document (nil without new batches).
    public let newFile: String?
    public let model: MultiwayPCA
    public let confidence: Double
    public let limits: [BatchPCALimits]
    /// Reference batches first, then the new ones.
    public let batches: [BatchAssessment]
    /// Per batch (aligned with `batches`): its contributions when it is flagged, else nil.
    public let contributions: [BatchContributions?]

    /// - Parameters:
    ///   - reference: the phase I batches the model is built from.
    ///   - components: the number of components; nil: the fewest explaining `explainedVariance`.
    ///   - explainedVariance: the fraction of variance the components must explain (without `components`).
    ///   - newBatches: phase II batches projected on the reference model.
    ///   - newFile: the new batches' file name, recorded in the document.
    ///   - confidence: the level of the limits the batches are assessed against.
    /// - Throws: `SPCError` from the model, the projection or the limits.
    /// - Complexity: one SVD of the unfolded reference, then O(batches x columns x components).
    public init(reference: BatchTrajectoryData, components: Int? = nil, explainedVariance: Double = MultiwayPCA.defaultExplainedVariance,
                newBatches: BatchTrajectoryData? = nil, newFile: String? = nil, confidence: Double = 0.99) throws(SPCError) {
        let model = if let components { try MultiwayPCA(reference: reference, components: components) }
            else { try MultiwayPCA(reference: reference, explainedVariance: explainedVariance) }
        let projected = try newBatches.map { (b: BatchTrajectoryData) throws(SPCError) in try model.project(b) } ?? []
        var limits: [BatchPCALimits] = []
        for level in Array(Set([0.95, 0.99, confidence])).sorted() { limits.append(try model.limits(confidence: level)) }
        let batches = try model.assess(confidence: confidence, newBatches: projected)
        var contributions: [BatchContributions?] = []
        for (index, b) in batches.enumerated() {
            guard b.t2AboveLimit || b.speAboveLimit else { contributions.append(nil); continue }
            if index < model.batchCount {
                contributions.append(try model.contributions(of: reference, batch: index))
            } else if let newBatches {
                contributions.append(try model.contributions(of: newBatches, batch: index - model.batchCount))
            } else {
                contributions.append(nil)
            }
        }
        self.newFile = newFile
        self.model = model
        self.confidence = confidence
        self.limits = limits
        self.batches = batches
        self.contributions = contributions
    }

    /// Explained variance of each retained component, and cumulated.
    public var retained: [Double] { Array(model.explainedVariance.prefix(model.componentCount)) }
    public var cumulative: [Double] { retained.indices.map { retained[0...$0].reduce(0, +) } }

    /// (variable, time, unfolded column) of every constant column.
    public var constantColumns: [(variable: String, time: Double, column: Int)] {
        model.scaling.constantColumns.map { c in
            (model.variables[c % model.variableCount], model.times[c / model.variableCount], c)
        }
    }

    /// The percentage of batch `index`'s SPE and T2 that each variable contributes (nil when the batch
    /// is not flagged), so that batches of any size compare.
    public func contributionShares(_ index: Int) -> (spe: [Double], t2: [Double])? {
        guard let c = contributions[index] else { return nil }
        let s = batches[index].statistics
        return (c.speByVariable.map { 100 * $0 / s.spe }, c.t2ByVariable.map { 100 * $0 / s.t2 })
    }

    /// The time of the largest SPE contribution of batch `index`, and that contribution.
    public func peakSPE(_ index: Int) -> (time: Double, contribution: Double)? {
        guard let c = contributions[index], let k = c.speByTime.indices.max(by: { c.speByTime[$0] < c.speByTime[$1] }) else { return nil }
        return (model.times[k], c.speByTime[k])
    }

    /// Reference and new batches flagged at `confidence`.
    public var flaggedReference: Int { batches.filter { $0.phase == .estimation && ($0.t2AboveLimit || $0.speAboveLimit) }.count }
    public var flaggedNew: Int { batches.filter { $0.phase == .monitoring && ($0.t2AboveLimit || $0.speAboveLimit) }.count }
    public var newCount: Int { batches.filter { $0.phase == .monitoring }.count }
    /// Unfolded columns: variables times time points.
    public var unfoldedColumns: Int { model.variableCount * model.timeCount }

    /// The document of `relmodel spc batch-pca --json` after "command" and "file" (docs/CLI.md).
    public var json: JSONValue {
        var members: [(String, JSONValue)] = []
        if let newFile { members.append(("newFile", .string(newFile))) }
        members.append(("input", .object([
            ("batches", .number(Double(model.batchCount))),
            ("variables", .array(model.variables.map(JSONValue.string))),
            ("timePoints", .number(Double(model.timeCount))),
            ("times", .array(model.times.map { .number($0) })),
            ("unfoldedColumns", .number(Double(unfoldedColumns))),
            ("unfolding", .string("time-major: column k*J + j")),
        ])))
        members.append(("components", .number(Double(model.componentCount))))
        switch model.selection {
        case .count: members.append(("selection", .object([("method", .string("count"))])))
        case let .explainedVariance(fraction):
            members.append(("selection", .object([("method", .string("explainedVariance")), ("fraction", .number(fraction))])))
        }
        members += [
            ("rank", .number(Double(model.rank))),
            ("explainedVariance", .array(retained.map { .number($0) })),
            ("cumulativeExplainedVariance", .array(cumulative.map { .number($0) })),
            ("scoreVariances", .array(model.scoreVariances.map { .number($0) })),
            ("constantColumns", .array(constantColumns.map {
                .object([("variable", .string($0.variable)), ("time", .number($0.time)), ("column", .number(Double($0.column)))])
            })),
            ("confidence", .number(confidence)),
            ("limits", .array(limits.map { l in
                .object([("confidence", .number(l.confidence)), ("t2PhaseI", .number(l.t2PhaseI)),
                         ("t2PhaseII", .number(l.t2PhaseII)), ("spe", .number(l.spe)),
                         ("speScale", .number(l.speScale)), ("speDegreesOfFreedom", .number(l.speDegreesOfFreedom))])
            })),
            ("batches", .array(zip(batches, contributions).map { b, c in
                var fields: [(String, JSONValue)] = [
                    ("batch", .string(b.statistics.label)), ("phase", .string(b.phase.rawValue)),
                    ("t2", .number(b.statistics.t2)), ("spe", .number(b.statistics.spe)),
                    ("scores", .array(b.statistics.scores.map { .number($0) })),
                    ("t2Limit", .number(b.t2Limit)), ("speLimit", .number(b.speLimit)),
                    ("t2AboveLimit", .bool(b.t2AboveLimit)), ("speAboveLimit", .bool(b.speAboveLimit)),
                ]
                if let c {
                    func byVariable(_ v: [Double]) -> JSONValue { .object(zip(model.variables, v).map { ($0, .number($1)) }) }
                    fields.append(("contributions", .object([
                        ("spe", .object([("variables", byVariable(c.speByVariable)), ("times", .array(c.speByTime.map { .number($0) }))])),
                        ("t2", .object([("variables", byVariable(c.t2ByVariable)), ("times", .array(c.t2ByTime.map { .number($0) }))])),
                    ])))
                }
                return .object(fields)
            })),
        ]
        return .object(members)
    }
}
