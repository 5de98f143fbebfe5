import RelmodelJSON
import ArgumentParser
import Report
import SPC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The baseline file: frozen limits with their audit trail, as JSON (see docs/BASELINE.md).
///
/// Deterministic: no timestamps, host or user names; keys in a fixed order; numbers in shortest
/// round-trip form. The same data and options give the same bytes.
enum BaselineFile {
    static let format = "relmodel-baseline"
    /// Version of the file layout (`format_version`); `version` is the baseline's revision.
    static let formatVersion = 1

    /// Where the study's data came from.
    struct Source {
        let file: String
        let sha256: String?
        let rows: Int
        let fileRows: Int
        let subgroups: Int
        let selection: String
        let columns: [(String, String?)]
    }

    // MARK: writing

    static func document(_ result: BaselineResult, source: Source, version: Int, rulesName: String) -> JSONValue {
        let limits = result.limits
        var members: [(String, JSONValue)] = [
            ("format", .string(format)),
            ("format_version", .number(Double(formatVersion))),
            ("version", .number(Double(version))),
            ("chart", .string(limits.chart.rawValue)),
            ("created_from", .object([
                ("file", .string(source.file)),
                ("sha256", source.sha256.map(JSONValue.string) ?? .null),
                ("rows", .number(Double(source.rows))),
                ("file_rows", .number(Double(source.fileRows))),
                ("subgroups", .number(Double(source.subgroups))),
                ("selection", .string(source.selection)),
                ("columns", .object(source.columns.map { ($0.0, $0.1.map(JSONValue.string) ?? .null) })),
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
                ("exclusion_policy", .string(exclusionPolicy(limits.chart))),
                ("stable", .bool(result.stop.isStable)),
                ("rounds", .number(Double(result.rounds.count))),
            ])),
            ("limits", limitsJSON(limits)),
            ("excluded", .array(result.exclusions.map { e in
                .object([("subgroup", .string(e.subgroup)), ("round", .number(Double(e.round))),
                         ("signals", .array(e.signals.map { signalJSON($0, withSubgroup: false) }))])
            })),
            ("retained", .array(result.retained.map(JSONValue.string))),
            ("rounds", .array(result.rounds.map { round in
                .object([
                    ("round", .number(Double(round.number))),
                    ("subgroups", .number(Double(round.subgroups))),
                    ("limits", .array(round.limits.charts.map(chartLimitsJSON))),
                    ("signals", .array(round.signals.map { signalJSON($0, withSubgroup: true) })),
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
        members.append(("warnings", .array(result.warnings.map { .string(warningText($0)) })))
        return .object(members)
    }

    static func exclusionPolicy(_ chart: BaselineChart) -> String {
        switch chart {
        case .xbarR, .xbarS: "a subgroup signalling on either chart is removed from both"
        case .imr: "a point signalling on the I chart is removed; an MR signal removes the later point of its window unless the I chart removes a point of that window in the same round"
        default: "a signalling subgroup is removed"
        }
    }

    static func limitsJSON(_ limits: FrozenLimits) -> JSONValue {
        .object([
            ("subgroups", .number(Double(limits.subgroups))),
            ("subgroup_size", .number(limits.subgroupSize)),
            ("process", .object([("center", .number(limits.processCenter)), ("sigma", .number(limits.processSigma))])),
            ("charts", .array(limits.charts.map(chartLimitsJSON))),
        ])
    }

    static func chartLimitsJSON(_ c: FrozenChartLimits) -> JSONValue {
        .object([("type", .string(c.type.rawValue)), ("center", .number(c.center)), ("lcl", .number(c.lcl)),
                 ("ucl", .number(c.ucl)), ("sigma", .number(c.sigma))])
    }

    static func signalJSON(_ s: BaselineSignal, withSubgroup: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if withSubgroup { members.append(("subgroup", .string(s.subgroup))) }
        members += [("chart", .string(s.chart.rawValue)), ("rules", .array(s.rules.map { .number(Double($0)) })),
                    ("value", .number(s.value)), ("center", .number(s.center)), ("lcl", .number(s.lcl)), ("ucl", .number(s.ucl)),
                    ("reason", .string(reason(s)))]
        if withSubgroup { members.append(("action", .string(s.action.rawValue))) }
        return .object(members)
    }

    /// "rule 1: 0.44 > UCL 0.4102" (the value against the limit it crossed, for test 1).
    static func reason(_ s: BaselineSignal) -> String {
        let f = { (x: Double) in NumberFormatting.significant(x, 7) }
        return s.rules.map { rule -> String in
            if rule == 1 && s.value > s.ucl { return "rule 1: \(f(s.value)) > UCL \(f(s.ucl))" }
            if rule == 1 && s.value < s.lcl { return "rule 1: \(f(s.value)) < LCL \(f(s.lcl))" }
            return "rule \(rule): value \(f(s.value)), center \(f(s.center))"
        }.joined(separator: "; ")
    }

    static func warningText(_ warning: BaselineWarning) -> String {
        let f = { (x: Double) in NumberFormatting.significant(x, 4) }
        switch warning {
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

    // MARK: reading

    /// The frozen limits of a baseline file for `chart`; exits 66 when unreadable and 65 (with the
    /// file name) when it is not a baseline, has another format version, or is for another chart.
    static func load(_ path: String, chart: BaselineChart) throws -> (limits: FrozenLimits, version: Int) {
        guard let bytes = BaselineJSON.readFile(path) else {
            printError("\(path): cannot open: \(String(cString: strerror(errno)))")
            throw ExitCode(66)
        }
        do {
            return try decode(String(decoding: bytes, as: UTF8.self), chart: chart)
        } catch let error as BaselineFileError {
            printError("\(path): \(error.message)")
            throw ExitCode(65)
        }
    }

    struct BaselineFileError: Error { let message: String }

    static func header(_ text: String) throws -> (document: JSONValue, version: Int, chart: String) {
        let document: JSONValue
        do { document = try BaselineJSON.parse(text) } catch { throw BaselineFileError(message: "not a relmodel baseline: \(error.description)") }
        guard document["format"]?.stringValue == format else {
            throw BaselineFileError(message: "not a relmodel baseline (\"format\" is not \"\(format)\")")
        }
        guard let fv = document["format_version"]?.doubleValue, fv == Double(formatVersion) else {
            let found = document["format_version"].map { $0.serialized() } ?? "missing"
            throw BaselineFileError(message: "baseline format_version \(found) is not supported (this relmodel reads \(formatVersion))")
        }
        guard let v = document["version"]?.doubleValue, v >= 1, v == v.rounded(), v < 1e9 else {
            throw BaselineFileError(message: "baseline \"version\" must be a positive whole number")
        }
        guard let chart = document["chart"]?.stringValue else { throw BaselineFileError(message: "baseline has no \"chart\"") }
        return (document, Int(v), chart)
    }

    static func decode(_ text: String, chart: BaselineChart) throws -> (limits: FrozenLimits, version: Int) {
        let (document, version, chartName) = try header(text)
        guard chartName == chart.rawValue else {
            throw BaselineFileError(message: "the baseline is for the \(chartName) chart, not \(chart.rawValue)")
        }
        func bad(_ what: String) -> BaselineFileError { BaselineFileError(message: "baseline \(what)") }
        guard let constants = document["constants"]?.stringValue.flatMap(ConstantSource.init(rawValue:)) else { throw bad("\"constants\" is missing or unknown") }
        guard let L = document["sigma_multiplier"]?.doubleValue, L > 0 else { throw bad("\"sigma_multiplier\" must be positive") }
        let sigmaMethod = document["sigma_method"]?.stringValue.flatMap(SigmaMethod.init(rawValue:))
        // Whole numbers are checked before conversion: Int(1e300) or Int(2.5) would trap or truncate.
        let span: Int?
        if let x = document["span"]?.doubleValue {
            guard let whole = wholeNumber(x), whole >= 2 else { throw bad("\"span\" must be a whole number of at least 2") }
            span = whole
        } else {
            span = nil
        }
        if chart == .imr, span == nil { throw bad("\"span\" must be at least 2") }
        guard let limits = document["limits"], let process = limits["process"],
              let center = process["center"]?.doubleValue,
              let subgroupCount = limits["subgroups"]?.doubleValue,
              let charts = limits["charts"]?.arrayValue else { throw bad("\"limits\" are incomplete") }
        guard let subgroups = wholeNumber(subgroupCount), subgroups >= 1 else {
            throw bad("\"limits\" \"subgroups\" must be a positive whole number")
        }
        let size = limits["subgroup_size"]?.doubleValue
        let sigma = process["sigma"]?.doubleValue
        if chart.isVariables, !(sigma.map { $0 > 0 } ?? false) { throw bad("process sigma must be positive") }
        var frozen: [FrozenChartLimits] = []
        for type in chart.chartTypes {
            guard let c = charts.first(where: { $0["type"]?.stringValue == type.rawValue }) else { throw bad("has no \(type.rawValue) limits") }
            let l = FrozenChartLimits(type: type, center: c["center"]?.doubleValue, lcl: c["lcl"]?.doubleValue,
                                      ucl: c["ucl"]?.doubleValue, sigma: c["sigma"]?.doubleValue)
            if let lo = l.lcl, let hi = l.ucl, let mid = l.center, !(lo <= mid && mid <= hi) {
                throw bad("\(type.rawValue) limits are not ordered (LCL <= center <= UCL)")
            }
            frozen.append(l)
        }
        return (FrozenLimits(chart: chart, constants: constants, sigmaMultiplier: L, sigmaMethod: sigmaMethod, span: span,
                             subgroupSize: size, processCenter: center, processSigma: sigma, charts: frozen,
                             subgroups: subgroups), version)
    }

    /// `x` as an `Int` when it is a whole number below 1e9 in magnitude (counts in a baseline file), else nil.
    static func wholeNumber(_ x: Double) -> Int? {
        x == x.rounded() && abs(x) < 1e9 ? Int(x) : nil
    }

    // MARK: versioned writing

    enum WriteOutcome: Equatable {
        case created(version: Int)
        /// The file already holds exactly this baseline: nothing written.
        case unchanged(version: Int)
        /// The previous version was archived at `archive`.
        case rebaselined(version: Int, archive: String)
    }

    /// `path.json` -> `path.v3.json` (other names: `path.v3`).
    static func archivePath(_ path: String, version: Int) -> String {
        path.hasSuffix(".json") ? String(path.dropLast(5)) + ".v\(version).json" : path + ".v\(version)"
    }

    /// Writes the baseline produced by `render(version)` to `path`, keeping every earlier version.
    ///
    /// - `path` absent: version 1.
    /// - `path` holds version N of a baseline of the same chart: if `render(N)` equals it byte for
    ///   byte the study is unchanged and nothing is written; otherwise the old bytes are copied to
    ///   `archivePath(path, N)` (refused if that file exists with other content) and version N + 1
    ///   replaces `path` (written to `path.tmp`, then renamed).
    /// - `path` holds something else, or another chart's baseline: refused (exit 65).
    static func writeVersioned(_ path: String, chart: BaselineChart, render: (Int) -> String) throws -> WriteOutcome {
        guard let existing = BaselineJSON.readFile(path) else {
            try write(path, render(1))
            return .created(version: 1)
        }
        let old = String(decoding: existing, as: UTF8.self)
        let version: Int
        do {
            let h = try header(old)
            guard h.chart == chart.rawValue else {
                throw BaselineFileError(message: "holds a baseline of the \(h.chart) chart; write the \(chart.rawValue) baseline to another --out file")
            }
            version = h.version
        } catch let error as BaselineFileError {
            printError("\(path): \(error.message); not overwritten")
            throw ExitCode(65)
        }
        if render(version) == old { return .unchanged(version: version) }
        let archive = archivePath(path, version: version)
        if let present = BaselineJSON.readFile(archive), present != existing {
            printError("\(archive) exists with other content; not overwritten (version \(version) of \(path) would be lost)")
            throw ExitCode(73)
        }
        try write(archive, old)
        try write(path, render(version + 1))
        return .rebaselined(version: version + 1, archive: archive)
    }

    static func write(_ path: String, _ text: String) throws {
        let temporary = path + ".tmp"
        guard writeFile(temporary, text), rename(temporary, path) == 0 else {
            unlink(temporary)
            printError("cannot write \(path): \(String(cString: strerror(errno)))")
            throw ExitCode(73)
        }
    }
}
