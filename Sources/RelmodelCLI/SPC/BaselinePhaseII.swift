import RelmodelJSON
import ArgumentParser
import LimitRegistry
import Report
import SPC

/// Where frozen limits come from on the chart commands that have a baseline study (xbar-r, xbar-s,
/// imr, p, np, c, u): a baseline file, or a limit registry for one context or for every context of
/// the data (`--by`).
struct BaselineOption: ParsableArguments {
    @Option(help: "Chart every point (phase II) against the limits frozen in this baseline file (written by `relmodel spc baseline`).")
    var baseline: String?

    @Option(help: "Chart against the current limits in this limit registry (SQLite; see `relmodel limits`), for --context or for each context of --by.")
    var registry: String?

    @Option(help: "With --registry: the context whose limits apply, key=value,... (e.g. product=A,tool=F3).")
    var context: String?

    @Option(help: "With --registry: columns whose values make each row's context (e.g. product,tool); each context is charted against its own limits, one JSON line per context.")
    var by: String?

    func validate() throws {
        if baseline != nil && registry != nil { throw ValidationError("give --baseline or --registry, not both") }
        if registry != nil && (context == nil) == (by == nil) { throw ValidationError("--registry needs --context or --by (one of them)") }
        if registry == nil && (context != nil || by != nil) { throw ValidationError("--context and --by need --registry") }
    }
}

enum BaselinePhaseII {
    /// Charts the command's data against frozen limits when `source` names them, prints the result,
    /// and returns true; returns false (nothing done) without --baseline or --registry.
    /// --phase, --phase1 and --stage contradict frozen limits (usage error); the frozen file's
    /// constants, sigma multiplier, sigma method and span are used; --rules applies.
    ///
    /// With `--registry --by COLS`: one JSON line per context, in order of first appearance:
    /// `{"context", "registry", "version", "charts"}`, or `{"context", "error"}` for a context without
    /// limits or whose data cannot be charted; the other contexts go on. Exit 0 when every context
    /// was charted, 65 when any was not (after all lines are printed).
    static func emit(_ options: ChartInputOptions, _ source: BaselineOption, chart: BaselineChart, size: String? = nil,
                     command: String) throws -> Bool {
        guard source.baseline != nil || source.registry != nil else { return false }
        if options.phase != nil || options.phase1 != nil || options.stage != nil {
            throw ValidationError("frozen limits (--baseline, --registry): every point is phase II, so --phase, --phase1 and --stage do not apply")
        }
        // Every row of the file against one set of frozen limits, the source named in each chart's notes.
        func chartFile(_ limits: FrozenLimits, source note: String) throws -> Bool {
            let input = try BaselineInput.read(file: options.file, chart: chart, value: options.value, subgroup: options.subgroup,
                                               size: chart == .c ? nil : size)
            var charts = try phaseII(input.data, limits: limits, rules: options.rules, chart: chart)
            for i in charts.indices { charts[i].notes.append(note) }
            try ChartOutput.emit(charts, command: command, options: options)
            return true
        }
        if let path = source.baseline {
            let (limits, version) = try storeErrors { () throws(BaselineFileStore.StoreError) in try BaselineFileStore.load(path, chart: chart) }
            return try chartFile(limits, source: "baseline: \(path) (version \(version))")
        }
        let path = source.registry!
        let registry = try RegistryAccess.open(path)
        if let text = source.context {
            let context = try RegistryAccess.context(text)
            let entry = try RegistryAccess.entry(registry, context: context, chart: chart)
            return try chartFile(try RegistryAccess.limits(entry, chart: chart),
                                 source: "registry: \(path), context \(context), version \(entry.version)")
        }
        // --by: every context of the data against its own limits.
        try BaselineInput.check(chart: chart, value: options.value, subgroup: options.subgroup, size: chart == .c ? nil : size)
        let (input, _) = try BaselineInput.load(options.file)
        let columns = source.by!.split(separator: ",").map { String($0).trimmingSpaces }
        let keys = try columns.map { try input.strings($0) }
        var order: [String] = [], rows: [String: [Int]] = [:], contexts: [String: Result<LimitContext, RegistryError>] = [:]
        for row in 0..<input.table.rowCount {
            let pairs = columns.indices.map { (key: columns[$0], value: keys[$0][row].trimmingSpaces) }
            let label = pairs.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            if rows[label] == nil {
                order.append(label)
                do { contexts[label] = .success(try LimitContext(pairs)) } catch { contexts[label] = .failure(error) }
            }
            rows[label, default: []].append(row)
        }
        var failed = 0
        for label in order {
            let line: JSONValue
            do {
                let context = try contexts[label]!.get()
                let entry = try registry.entry(context: context, chart: chart.rawValue)
                let limits = try RegistryAccess.decode(entry, chart: chart)
                let data = try BaselineInput.build(input, rows: rows[label]!, chart: chart, value: options.value, subgroup: options.subgroup,
                                                   size: chart == .c ? nil : size, sha256: nil).data
                var charts = try phaseIICharts(data, limits: limits, rules: options.rules, chart: chart)
                for i in charts.indices { charts[i].notes.append("registry: \(path), context \(context), version \(entry.version)") }
                line = ContextCharts(context: context.canonical, registry: path, version: entry.version, charts: charts).json
            } catch is ExitCode {
                // A data error, already printed to standard error with its line and column.
                failed += 1
                line = GroupFailure(key: "context", value: label, message: "the context's rows cannot be charted: see standard error").json
            } catch {
                failed += 1
                line = GroupFailure(key: "context", value: label, message: "\(error)").json
            }
            writeOutput(line.serialized())
        }
        if failed > 0 {
            printError("\(failed) of \(order.count) contexts could not be charted (their lines say why)")
            throw ExitCode(65)
        }
        return true
    }

    /// Phase II charts of `data` against `limits`, errors mapped to exit 65.
    static func phaseII(_ data: BaselineData, limits: FrozenLimits, rules: RuleSpecification, chart: BaselineChart) throws -> [ControlChart] {
        try SPCInput.dataErrors { try phaseIICharts(data, limits: limits, rules: rules, chart: chart) }
    }

    static func phaseIICharts(_ data: BaselineData, limits: FrozenLimits, rules: RuleSpecification, chart: BaselineChart) throws -> [ControlChart] {
        let types = chart.chartTypes
        let dispersionRules = types.count > 1 ? rules.ruleSet(for: types[1]) : nil
        return try ControlChart.phaseII(data, limits: limits, rules: rules.ruleSet(for: types[0]), dispersionRules: dispersionRules)
    }
}

/// The CLI's access to a limit registry: errors printed with the file and mapped to exit codes
/// (66 cannot open, 65 not a registry or newer, no such entry).
enum RegistryAccess {
    static func open(_ path: String) throws -> LimitRegistry {
        do { return try LimitRegistry(path: path) } catch {
            printError(error.description)
            throw ExitCode(65)
        }
    }

    static func context(_ text: String) throws -> LimitContext {
        do { return try LimitContext(parsing: text) } catch { throw ValidationError("--context: \(error.description)") }
    }

    static func entry(_ registry: LimitRegistry, context: LimitContext, chart: BaselineChart, version: Int? = nil) throws -> LimitEntry {
        do { return try registry.entry(context: context, chart: chart.rawValue, version: version) } catch {
            printError(error.description)
            throw ExitCode(65)
        }
    }

    /// The frozen limits of an entry, exit 65 when its document is not a baseline for `chart`.
    static func limits(_ entry: LimitEntry, chart: BaselineChart) throws -> FrozenLimits {
        do { return try decode(entry, chart: chart) } catch {
            printError("registry entry \(entry.context) \(entry.chart) version \(entry.version): \(error)")
            throw ExitCode(65)
        }
    }

    static func decode(_ entry: LimitEntry, chart: BaselineChart) throws -> FrozenLimits {
        do { return try BaselineDocument.limits(Array(entry.document.utf8), chart: chart).limits } catch {
            throw RegistryEntryError(message: error.description)
        }
    }

    struct RegistryEntryError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
