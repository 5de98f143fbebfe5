import RelmodelJSON

/// A demonstration-test plan as `relmodel plan` computes it: one of the five plan kinds with its
/// inputs, and the answers in a fixed order (docs/CLI.md).
public struct DemonstrationPlan: JSONRepresentable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Zero- or F-failure success run: the sample size.
        case successRun = "success-run"
        /// Exponential (chi-square) test: total device-hours for an MTTF.
        case exponential
        /// Weibayes: test time per unit for a reliability at a mission time with a known shape.
        case weibayes
        /// Demonstrated lot tolerance percent defective (Clopper-Pearson upper bound).
        case ltpd
        /// Early-life failure rate: ppm bounds and FIT.
        case elfr
    }

    /// One answer or input: its key, its value (nil when it does not exist, e.g. the early-life FIT
    /// without stress hours), and whether it is a count.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: Double?
        public var isCount: Bool
    }

    public let kind: Kind
    /// Inputs first (kind aside), then answers, in the order of the document.
    public let entries: [Entry]

    /// - Parameters:
    ///   - kind: the plan.
    ///   - confidence: the demonstration's confidence, in (0, 1).
    ///   - failures: failures allowed.
    ///   - units: units on test (weibayes, ltpd and elfr need it; exponential divides the hours by it).
    ///   - reliability: the reliability to demonstrate (success-run and weibayes).
    ///   - mttf: the MTTF to demonstrate, hours (exponential).
    ///   - missionTime: the time at which the reliability is demonstrated (weibayes).
    ///   - shape: the known Weibull shape (weibayes).
    ///   - hours: the early-life stress duration (elfr, optional: without it no FIT).
    ///   - accelerationFactor: from test to use conditions (exponential, weibayes, elfr).
    /// - Throws: `QualificationError` (kind `.invalidArgument`) when an input the kind needs is missing or out of range.
    public init(_ kind: Kind, confidence: Double, failures: Int = 0, units: Int? = nil, reliability: Double? = nil,
                mttf: Double? = nil, missionTime: Double? = nil, shape: Double? = nil, hours: Double? = nil,
                accelerationFactor: Double = 1) throws(QualificationError) {
        func need<T>(_ value: T?, _ name: String) throws(QualificationError) -> T {
            guard let value else { throw QualificationError.invalidArgument("the \(kind.rawValue) plan needs \(name)") }
            return value
        }
        var entries = [Entry(key: "confidence", value: confidence, isCount: false),
                       Entry(key: "failures", value: Double(failures), isCount: true)]
        func add(_ key: String, _ value: Double?, count: Bool = false) { entries.append(Entry(key: key, value: value, isCount: count)) }
        switch kind {
        case .successRun:
            let r = try need(reliability, "a reliability")
            let n = try SuccessRun.sampleSize(reliability: r, confidence: confidence, failures: failures)
            add("reliability", r)
            add("sampleSize", Double(n), count: true)
        case .exponential:
            let m = try need(mttf, "an MTTF")
            let total = try LifeTestPlan.exponentialTestHours(mttf: m, confidence: confidence, failures: failures)
            add("mttf", m)
            add("totalDeviceHours", total)
            add("accelerationFactor", accelerationFactor)
            add("totalDeviceHoursAtStress", total / accelerationFactor)
            if let units { add("hoursPerUnit", total / accelerationFactor / Double(units)) }
        case .weibayes:
            let r = try need(reliability, "a reliability"), t0 = try need(missionTime, "a mission time"), b = try need(shape, "a shape")
            let t = try LifeTestPlan.weibayesTestTime(units: try need(units, "a number of units"), reliability: r, missionTime: t0,
                                                      shape: b, confidence: confidence, failures: failures)
            add("reliability", r); add("missionTime", t0); add("shape", b)
            add("testTime", t)
            add("testTimeAtStress", t / accelerationFactor)
        case .ltpd:
            let p = try LotTolerance.demonstratedLTPD(units: try need(units, "a number of units"), failures: failures, confidence: confidence)
            add("ltpd", p)
            add("demonstratedReliability", 1 - p)
        case .elfr:
            let e = try EarlyLifeFailureRate(units: try need(units, "a number of units"), failures: failures, confidence: confidence,
                                             hours: hours, accelerationFactor: accelerationFactor)
            add("ppmChiSquare", e.ppmChiSquare)
            add("ppmExact", e.ppmExact)
            add("fit", e.fit)
        }
        if let units, kind != .weibayes { entries.insert(Entry(key: "units", value: Double(units), isCount: true), at: 0) }
        self.kind = kind
        self.entries = entries
    }

    /// `{"kind": ..., "units"?: ..., "confidence": ..., "failures": ..., answers...}`.
    public var json: JSONValue {
        .object([("kind", .string(kind.rawValue))] + entries.map { ($0.key, .number($0.value)) })
    }
}
