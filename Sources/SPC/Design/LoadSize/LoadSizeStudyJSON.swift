import RelmodelJSON
import RelmodelNumerics

extension BatchToolSimulation.Service {
    /// The batch-time distribution in words ("gamma:2", "empirical (40 observed batch times)").
    public var name: String {
        switch self {
        case .exponential: "exponential"
        case .deterministic: "deterministic"
        case let .gamma(k, _): "gamma:\(NumberFormatting.significant(k))"
        case let .empirical(times): "empirical (\(times.count) observed batch times)"
        }
    }
}

extension LoadSizeStudy: JSONRepresentable {
    /// Offered load: arrivals times mean batch time over capacity (the utilisation full batches would give).
    public var load: Double { arrivalRate * service.mean / Double(capacity) }

    /// The document of `relmodel study load-size --json` (docs/CLI.md).
    public var json: JSONValue {
        let study = self
        func interval(_ f: LoadSizeStudy.Figure?) -> JSONValue {
            guard let f, let lo = f.lower, let hi = f.upper else { return .null }
            return .array([.number(lo), .number(hi)])
        }
        func row(_ r: LoadSizeStudy.Row) -> JSONValue {
            .object([
                ("minBatch", .number(Double(r.policy.minimumBatch))), ("maxWait", r.policy.maximumWait.map { .number($0) } ?? .null),
                ("meanWait", .number(r.meanWait.value)), ("waitP95", .number(r.waitP95.value)),
                ("waitP95Method", .string(r.waitP95FromSimulation ? "simulation" : r.method.rawValue)),
                ("fillRate", .number(r.fillRate.value)), ("meanBatch", .number(r.meanBatch.value)),
                ("utilization", .number(r.utilization.value)), ("throughput", .number(r.throughput.value)),
                ("method", .string(r.method.rawValue)), ("ci", interval(r.meanWait)), ("waitingLots", .number(r.lotsWaiting.value)),
                ("intervals", r.method == .simulation ? .object([
                    ("waitP95", interval(r.waitP95)), ("fillRate", interval(r.fillRate)), ("meanBatch", interval(r.meanBatch)),
                    ("utilization", interval(r.utilization)), ("throughput", interval(r.throughput)), ("waitingLots", interval(r.lotsWaiting)),
                ]) : .object([("waitP95", interval(r.waitP95))])),
            ])
        }
        return .object([
            ("study", .string("load-size")), ("arrivalRate", .number(study.arrivalRate)),
            ("service", .string(study.service.name)), ("serviceMean", .number(study.service.mean)),
            ("capacity", .number(Double(study.capacity))), ("lotsSimulated", .number(Double(study.lotsSimulated))),
            ("policies", .array(study.rows.map(row))), ("best", row(study.best)),
        ])
    }
}

extension BatchToolSimulation.Service {
    /// A batch-time distribution as written on the command line: `exponential`, `deterministic`,
    /// `gamma:K` (shape K > 0) with mean `mean`, or `empirical` (resampling `samples`).
    /// - Throws: `SPCError.invalidParameter` for anything else.
    public init(parsing text: String, mean: Double, samples: [Double] = []) throws(SPCError) {
        switch text {
        case "exponential": self = .exponential(mean: mean)
        case "deterministic": self = .deterministic(mean)
        case "empirical": self = .empirical(samples)
        default:
            let parts = text.split(separator: ":")
            guard parts.count == 2, parts[0] == "gamma", let k = Double(parts[1]), k > 0, k.isFinite else {
                throw .invalidParameter("--service must be exponential, deterministic, gamma:K (K > 0) or empirical, got \"\(text)\"")
            }
            self = .gamma(shape: k, mean: mean)
        }
    }
}
