import RelmodelJSON

/// How the variance components of a nested design are estimated.
public enum ComponentsMethod: String, Sendable, CaseIterable {
    /// Restricted maximum likelihood (`NestedREML`, restricted): profile-likelihood intervals.
    case reml
    /// Maximum likelihood (`NestedREML`, not restricted).
    case ml
    /// Type I ANOVA with unbalanced expected-mean-square coefficients (`NestedANOVA`): Satterthwaite intervals.
    case anova

    /// The method in words, for reports.
    public var name: String {
        switch self {
        case .reml: "REML (restricted maximum likelihood)"
        case .ml: "ML (maximum likelihood)"
        case .anova: "Type I ANOVA (expected mean squares)"
        }
    }
}

/// The variance components of a nested design as `relmodel spc components` reports them: the chosen
/// method's estimates and intervals, the shares of the total, and the Type I ANOVA table (computed
/// with every method).
public struct NestedComponentsAnalysis: JSONRepresentable, Sendable {
    public let sample: NestedSample
    public let method: ComponentsMethod
    public let anova: NestedANOVA
    /// The REML or ML fit (nil for ANOVA).
    public let fit: NestedREML.Fit?

    /// - Parameters:
    ///   - sample: the nested design.
    ///   - method: REML (default), ML or Type I ANOVA.
    ///   - confidence: two-sided level of the intervals.
    ///   - intervals: REML/ML profile-likelihood intervals (their cost is several fits per level).
    /// - Throws: `SPCError` when the likelihood has no usable maximum (see `NestedREML.fit`).
    /// - Complexity: linear in the observations per likelihood evaluation (the group tree).
    public init(_ sample: NestedSample, method: ComponentsMethod = .reml, confidence: Double = 0.95,
                intervals: Bool = true) throws(SPCError) {
        self.sample = sample
        self.method = method
        anova = NestedANOVA(sample, confidence: confidence)
        fit = method == .anova ? nil
            : try NestedREML.fit(sample, restricted: method == .reml, confidence: confidence, intervals: intervals)
    }

    /// Variance of each level, outermost first, the residual last.
    public var components: [Double] { fit?.components ?? anova.components }
    /// Two-sided intervals of the components (nil where none exists).
    public var intervals: [ClosedRange<Double>?] { fit?.intervals ?? anova.intervals }
    /// The sum of the components.
    public var total: Double { components.reduce(0, +) }
    /// Each component's percentage of the sum of the non-negative ones (a negative ANOVA estimate counts as 0).
    public var percentOfTotal: [Double] {
        let positive = components.reduce(0) { $0 + max($1, 0) }
        return components.map { 100 * max($0, 0) / positive }
    }
    /// Square roots of the components (nil for a negative ANOVA estimate), and of the total.
    public var standardDeviations: [Double?] { components.map { $0 >= 0 ? $0.squareRoot() : nil } }
    public var totalStandardDeviation: Double? { total >= 0 ? total.squareRoot() : nil }
    /// The process mean: REML/ML's generalised least-squares mean, the grand mean for ANOVA.
    public var mean: Double { fit?.mean ?? sample.mean }
    /// The interval method in words.
    public var intervalMethod: String { fit == nil ? "Satterthwaite (the residual: exact chi-square)" : "profile likelihood" }
    public var notes: [String] { (fit?.notes ?? []) + anova.notes }

    /// The document of `relmodel spc components --json` (docs/CLI.md).
    public var json: JSONValue {
        let components = components, intervals = intervals, percent = percentOfTotal
        func byLevel(_ f: (Int) -> JSONValue) -> JSONValue { .object(sample.levels.indices.map { (sample.levels[$0], f($0)) }) }
        var fields: [(String, JSONValue)] = [
            ("method", .string(method.rawValue)),
            ("levels", .array(sample.levels.map { .string($0) })),
            ("components", byLevel { .number(components[$0]) }),
            ("percentOfTotal", byLevel { .number(percent[$0]) }),
            ("total", .number(total)),
            ("confidence", .number(anova.confidence)),
            ("intervalMethod", .string(intervalMethod)),
            ("intervals", byLevel { i in intervals[i].map { .array([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null }),
            ("n", .number(Double(sample.count))),
            ("groups", byLevel { i in .number(Double(i < sample.groupingLevels ? sample.groupCount(i) : sample.count)) }),
            ("balanced", .bool(sample.isBalanced)),
            ("meanSquares", .array(anova.lines.map { line in
                .object([("level", .string(line.level)), ("df", .number(line.degreesOfFreedom)),
                         ("sumOfSquares", .number(line.sumOfSquares)), ("meanSquare", .number(line.meanSquare)),
                         ("expectedMeanSquare", .object(zip(sample.levels, line.expectedMeanSquare).map { ($0, .number($1)) }))])
            })),
        ]
        if let fit {
            fields += [
                ("mean", .number(fit.mean)), ("meanStandardError", .number(fit.meanStandardError)),
                (fit.restricted ? "remlCriterion" : "deviance", .number(fit.criterion)),
                ("converged", .bool(fit.converged)), ("iterations", .number(Double(fit.iterations))),
                ("gradientNorm", .number(fit.gradientNorm)),
                ("atZero", .array(sample.levels.indices.filter { fit.atZero[$0] }.map { .string(sample.levels[$0]) })),
            ]
        } else {
            fields += [("mean", .number(sample.mean)),
                       ("degreesOfFreedom", byLevel { .number(anova.degreesOfFreedom[$0]) })]
        }
        fields.append(("notes", .array(notes.map { .string($0) })))
        return .object(fields)
    }
}

/// A chart of one level's means with limits from the nested variance components: the document of
/// `relmodel spc nested --json` (after "command" and "file").
public struct NestedChartAnalysis: JSONRepresentable, Sendable {
    /// The level charted, the components used and the chart.
    public let level: String
    public let method: ComponentsMethod
    public let levels: [String]
    public let components: [Double]
    public let chart: ControlChart
    public let notes: [String]

    /// Estimates the components by `method` (no intervals) and charts the means of `level`.
    /// - Throws: `SPCError` for a level that is not a grouping level, or components that cannot be estimated.
    public init(_ sample: NestedSample, level: String, method: ComponentsMethod = .reml,
                options: ChartOptions = ChartOptions()) throws(SPCError) {
        guard let index = sample.levels.firstIndex(of: level), index < sample.groupingLevels else {
            throw .invalidParameter("'\(level)' is not a grouping level of \(sample.levels.joined(separator: ", "))")
        }
        let estimate = try NestedComponentsAnalysis(sample, method: method, intervals: false)
        self.level = level
        self.method = method
        levels = sample.levels
        components = estimate.components
        // The chart reports its own method's notes only (the ANOVA table is not shown here).
        notes = estimate.fit?.notes ?? estimate.anova.notes
        chart = try NestedMeansChart.chart(sample, level: index, components: estimate.components, center: estimate.mean, options: options)
    }

    public var json: JSONValue {
        .object([
            ("level", .string(level)),
            ("method", .string(method.rawValue)),
            ("components", .object(zip(levels, components).map { ($0, .number($1)) })),
            ("charts", .array([chart.json])),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
    }
}
