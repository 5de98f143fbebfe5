import RelmodelJSON
import RelmodelNumerics

/// The baseline document: frozen limits with their audit trail (docs/BASELINE.md), the file
/// `relmodel spc baseline --out` writes and the limit registry stores.
///
/// Deterministic: no timestamps, host or user names; members in a fixed order; numbers in shortest
/// round-trip form. The same study gives the same bytes (`json.pretty()`).
public struct BaselineDocument: JSONRepresentable, Sendable {
    /// The value of the document's "format" member.
    public static let format = "relmodel-baseline"
    /// Version of the layout (`format_version`); the document's `version` is the baseline's revision.
    public static let formatVersion = 1

    public let json: JSONValue

    /// The document of a finished study.
    /// - Parameters:
    ///   - result: the finished study.
    ///   - provenance: where its data came from.
    ///   - version: the baseline's revision (1 for a new file; see `BaselineFileStore`).
    ///   - rulesName: the run-rule specification as the user gave it ("nelson", "1,2,5").
    ///   - borrowed: when the limits were rebuilt with a pooled within sigma (`BorrowedLimits`), those
    ///     limits and the record of where the sigma came from; they replace the study's own limits.
    public init(_ result: BaselineResult, provenance: BaselineProvenance, version: Int, rulesName: String,
                borrowed: (limits: FrozenLimits, record: BorrowedLimits.Record)? = nil) {
        let limits = result.limits
        var members: [(String, JSONValue)] = [
            ("format", .string(Self.format)),
            ("format_version", .number(Double(Self.formatVersion))),
            ("version", .number(Double(version))),
            ("chart", .string(limits.chart.rawValue)),
            ("created_from", .object([
                ("file", .string(provenance.file)),
                ("sha256", provenance.sha256.map(JSONValue.string) ?? .null),
                ("rows", .number(Double(provenance.rows))),
                ("file_rows", .number(Double(provenance.fileRows))),
                ("subgroups", .number(Double(provenance.subgroups))),
                ("selection", .string(provenance.selection)),
                ("columns", .object([("value", provenance.value), ("subgroup", provenance.subgroup), ("size", provenance.size)]
                    .map { ($0.0, $0.1.map(JSONValue.string) ?? .null) })),
            ])),
            ("constants", .string(limits.constants.rawValue)),
            ("sigma_multiplier", .number(limits.sigmaMultiplier)),
            ("sigma_method", limits.sigmaMethod.map { .string($0.rawValue) } ?? .null),
            ("span", limits.span.map { .number(Double($0)) } ?? .null),
            ("rules", .object([
                ("name", .string(rulesName)),
                ("charts", .array(result.options.rules.map { type, set in
                    .object([("chart", .string(type.rawValue)), ("tests", .array(set.rules.map { r in
                        .object([("test", .number(Double(r.test))), ("k", .number(Double(r.k))), ("number", .number(Double(r.test)))])
                    }))])
                })),
            ])),
            ("study", .object([
                ("max_rounds", .number(Double(result.options.maxRounds))),
                ("min_subgroups", .number(Double(result.options.minimumSubgroups))),
                ("keep", .array(result.options.keep.map(JSONValue.string))),
                ("exclusion_policy", .string(Self.exclusionPolicy(limits.chart))),
                ("stable", .bool(result.stop.isStable)),
                ("rounds", .number(Double(result.rounds.count))),
            ])),
            ("limits", Self.limits(borrowed?.limits ?? limits)),
            ("excluded", .array(result.exclusions.map { e in
                .object([("subgroup", .string(e.subgroup)), ("round", .number(Double(e.round))),
                         ("signals", .array(e.signals.map { Self.signal($0, withSubgroup: false) }))])
            })),
            ("retained", .array(result.retained.map(JSONValue.string))),
            ("rounds", .array(result.rounds.map { round in
                .object([
                    ("round", .number(Double(round.number))),
                    ("subgroups", .number(Double(round.subgroups))),
                    ("limits", .array(round.limits.charts.map(Self.chartLimits))),
                    ("signals", .array(round.signals.map { Self.signal($0, withSubgroup: true) })),
                    ("excluded", .array(round.excluded.map(JSONValue.string))),
                ])
            })),
        ]
        let checks = result.checks
        if let ad = checks.normality {
            members.append(("normality", .object([
                ("test", .string("anderson-darling")), ("of", .string(checks.normalityOf ?? "")),
                ("n", .number(Double(ad.count))), ("mean", .number(ad.mean)), ("sd", .number(ad.standardDeviation)),
                ("a2", .number(ad.statistic)), ("a2_adjusted", .number(ad.adjustedStatistic)), ("p_value", .number(ad.pValue)),
                ("alpha", .number(result.options.alpha)), ("normal", .bool(ad.pValue >= result.options.alpha)),
            ])))
        } else {
            members.append(("normality", .object([
                ("test", .string("anderson-darling")), ("of", checks.normalityOf.map(JSONValue.string) ?? .null),
                ("note", .string(checks.normalityNote ?? "")),
            ])))
        }
        if let r = checks.autocorrelation {
            members.append(("autocorrelation", .object([
                ("of", .string(checks.autocorrelationOf)), ("lag", .number(1)), ("n", .number(Double(r.count))),
                ("r1", .number(r.r1)), ("limit", .number(r.limit)), ("significant", .bool(r.significant)),
            ])))
        } else {
            members.append(("autocorrelation", .object([
                ("of", .string(checks.autocorrelationOf)), ("lag", .number(1)), ("note", .string(checks.autocorrelationNote ?? "")),
            ])))
        }
        members.append(("warnings", .array(result.warnings.map { .string($0.description) })))
        if let borrowed { members.append(("borrowed", borrowed.record.json)) }
        json = .object(members)
    }

    /// A document read back (see `BaselineDocument.read`).
    init(json: JSONValue) { self.json = json }

    /// Which points a signal removes, in words (recorded in the document).
    public static func exclusionPolicy(_ chart: BaselineChart) -> String {
        switch chart {
        case .xbarR, .xbarS: "a subgroup signalling on either chart is removed from both"
        case .imr: "a point signalling on the I chart is removed; an MR signal removes the later point of its window unless the I chart removes a point of that window in the same round"
        default: "a signalling subgroup is removed"
        }
    }

    static func limits(_ limits: FrozenLimits) -> JSONValue {
        .object([
            ("subgroups", .number(Double(limits.subgroups))),
            ("subgroup_size", .number(limits.subgroupSize)),
            ("process", .object([("center", .number(limits.processCenter)), ("sigma", .number(limits.processSigma))])),
            ("charts", .array(limits.charts.map(chartLimits))),
        ])
    }

    static func chartLimits(_ c: FrozenChartLimits) -> JSONValue {
        .object([("type", .string(c.type.rawValue)), ("center", .number(c.center)), ("lcl", .number(c.lcl)),
                 ("ucl", .number(c.ucl)), ("sigma", .number(c.sigma))])
    }

    static func signal(_ s: BaselineSignal, withSubgroup: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if withSubgroup { members.append(("subgroup", .string(s.subgroup))) }
        members += [("chart", .string(s.chart.rawValue)), ("rules", .array(s.rules.map { .number(Double($0)) })),
                    ("value", .number(s.value)), ("center", .number(s.center)), ("lcl", .number(s.lcl)), ("ucl", .number(s.ucl)),
                    ("reason", .string(s.reason))]
        if withSubgroup { members.append(("action", .string(s.action.rawValue))) }
        return .object(members)
    }
}

extension BaselineSignal {
    /// "rule 1: 0.44 > UCL 0.4102" (the value against the limit it crossed, for test 1).
    public var reason: String {
        let f = { (x: Double) in NumberFormatting.significant(x, 7) }
        return rules.map { rule -> String in
            if rule == 1 && value > ucl { return "rule 1: \(f(value)) > UCL \(f(ucl))" }
            if rule == 1 && value < lcl { return "rule 1: \(f(value)) < LCL \(f(lcl))" }
            return "rule \(rule): value \(f(value)), center \(f(center))"
        }.joined(separator: "; ")
    }
}

extension BaselineWarning: CustomStringConvertible {
    /// The warning as the baseline document and the report state it.
    public var description: String {
        let f = { (x: Double) in NumberFormatting.significant(x, 4) }
        switch self {
        case let .notStable(rounds, unresolved):
            return "not stable after \(rounds) round\(rounds == 1 ? "" : "s"): subgroup\(unresolved.count == 1 ? "" : "s") \(unresolved.joined(separator: ", ")) still signal; the limits are those of round \(rounds), estimated with them"
        case let .keptSignals(labels):
            return "subgroup\(labels.count == 1 ? "" : "s") \(labels.joined(separator: ", ")) signal in the final round but are kept by decision (--keep)"
        case let .nonNormal(ad, alpha, of):
            return "the \(of) are not normal: Anderson-Darling A*² = \(f(ad.adjustedStatistic)), p = \(f(ad.pValue)) < \(f(alpha)); 3-sigma limits will not have their nominal false-alarm rate"
        case let .autocorrelated(r, of):
            return "the \(of) are autocorrelated: lag-1 r1 = \(f(r.r1)) beyond ±\(f(r.limit)) (1.96/√\(r.count)); Shewhart limits assume independence"
        case let .checkUnavailable(check, reason):
            return "\(check) not checked: \(reason)"
        }
    }
}
