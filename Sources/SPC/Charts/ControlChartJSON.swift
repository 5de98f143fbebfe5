import RelmodelJSON

extension ControlChart: JSONRepresentable {
    /// One chart of a chart document (docs/CLI.md): limits, sigma, parameters, stages when there are
    /// several, the count behind the limits, notes and every point with its signals.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", .string(type.rawValue)),
            ("center", .number(center)),
            ("lcl", .number(lcl)),
            ("ucl", .number(ucl)),
            ("sigma", .number(sigma)),
            ("parameters", .object(parameters.map { ($0.0, .number($0.1)) })),
        ]
        if stages.count > 1 || stages.first?.stage != nil {
            members.append(("stages", .array(stages.map { s in
                .object([("stage", s.stage.map(JSONValue.string) ?? .null), ("center", .number(s.center)),
                         ("lcl", .number(s.lcl)), ("ucl", .number(s.ucl)), ("sigma", .number(s.sigma)),
                         ("estimationCount", .number(Double(s.estimationCount)))])
            })))
        }
        members.append(("estimationCount", .number(Double(stages.reduce(0) { $0 + $1.estimationCount }))))
        members.append(("notes", .array(notes.map(JSONValue.string))))
        members.append(("points", .array(points.map { p in
            var point: [(String, JSONValue)] = [("subgroup", .string(p.subgroup)), ("value", .number(p.value))]
            if let lower = p.lowerValue { point.append(("lower", .number(lower))) }
            point += [("center", .number(p.center)), ("lcl", .number(p.lcl)), ("ucl", .number(p.ucl)),
                      ("phase", .string(p.phase.rawValue))]
            if let stage = p.stage { point.append(("stage", .string(stage))) }
            if let size = p.size { point.append(("size", .number(size))) }
            point.append(("signals", .array(p.signals.map { .number(Double($0)) })))
            return .object(point)
        })))
        return .object(members)
    }
}

/// The charts of one chart command: `{"charts": [...]}` (with the command and file in front, see
/// `CommandDocument`).
public struct ChartSet: JSONRepresentable, Sendable {
    public var charts: [ControlChart]

    public init(_ charts: [ControlChart]) { self.charts = charts }

    public var json: JSONValue { .object([("charts", .array(charts.map(\.json)))]) }
}

/// One context's phase II charts against its limits from the registry: a line of
/// `relmodel spc CHART ... --registry FILE --by KEYS --json`.
public struct ContextCharts: JSONRepresentable, Sendable {
    /// The context as the registry writes it, the registry file and the limits' version.
    public var context: String
    public var registry: String
    public var version: Int
    public var charts: [ControlChart]

    public init(context: String, registry: String, version: Int, charts: [ControlChart]) {
        self.context = context
        self.registry = registry
        self.version = version
        self.charts = charts
    }

    public var json: JSONValue {
        .object([("context", .string(context)), ("registry", .string(registry)), ("version", .number(Double(version))),
                 ("charts", .array(charts.map(\.json)))])
    }
}
