import RelmodelJSON

extension KaplanMeier: JSONRepresentable {
    /// Which of the two Greenwood intervals a document reports.
    public enum BoundsTransform: String, Sendable, CaseIterable {
        /// On log(-log S): stays inside [0, 1] (Minitab's and R survival's `log-log`).
        case logLog = "log-log"
        /// S ± z SE, clipped to [0, 1].
        case plain
    }

    /// The document of `relmodel nonparametric --method km --json` with log-log bounds.
    public var json: JSONValue { json(bounds: .logLog) }

    /// The document with the bounds chosen: method, confidence, bounds, units and every step.
    public func json(bounds transform: BoundsTransform) -> JSONValue {
        let points = steps.map { s in
            let b = transform == .plain ? s.plainBounds : s.logLogBounds
            return JSONValue.object([("time", .number(s.time)), ("atRisk", .number(s.atRisk)), ("failures", .number(s.failures)),
                                     ("survival", .number(s.survival)), ("standardError", .number(s.standardError)),
                                     ("lower", .number(b.lower)), ("upper", .number(b.upper))])
        }
        return .object([("method", .string("km")), ("confidence", .number(confidence)),
                        ("bounds", .string(transform.rawValue)), ("units", .number(unitCount)),
                        ("points", .array(points))])
    }
}

extension NelsonAalen: JSONRepresentable {
    /// The document of `relmodel nonparametric --method na --json` (log-transformed bounds).
    public var json: JSONValue {
        let points = steps.map { s in
            JSONValue.object([("time", .number(s.time)), ("atRisk", .number(s.atRisk)), ("failures", .number(s.failures)),
                              ("cumulativeHazard", .number(s.cumulativeHazard)), ("standardError", .number(s.standardError)),
                              ("lower", .number(s.bounds.lower)), ("upper", .number(s.bounds.upper)),
                              ("survival", .number(s.survival)), ("survivalLower", .number(s.survivalBounds.lower)),
                              ("survivalUpper", .number(s.survivalBounds.upper))])
        }
        return .object([("method", .string("na")), ("confidence", .number(confidence)),
                        ("bounds", .string("log")), ("units", .number(unitCount)), ("points", .array(points))])
    }
}

extension Turnbull: JSONRepresentable {
    /// The document of `relmodel nonparametric --method turnbull --json`: convergence and every innermost interval.
    public var json: JSONValue {
        let rows = intervals.map { i in
            JSONValue.object([("lower", .number(i.lower)), ("upper", .number(i.upper)), ("point", .bool(i.isPoint)),
                              ("mass", .number(i.mass)), ("survival", .number(i.survivalAfter))])
        }
        return .object([("method", .string("turnbull")), ("units", .number(unitCount)),
                        ("converged", .bool(converged)), ("iterations", .number(Double(iterations))),
                        ("tolerance", .number(tolerance)), ("lastChange", .number(lastChange)),
                        ("kktExcess", .number(kktExcess)), ("logLikelihood", .number(logLikelihood)),
                        ("intervals", .array(rows))])
    }
}
