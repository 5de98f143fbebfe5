import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import LimitRegistry
import Report
import SPC

/// `relmodel spc baseline FILE --chart CHART --value COL ...`: a phase I baseline study whose frozen
/// limits go to a versioned baseline file (see docs/BASELINE.md).
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Phase I baseline study: exclusion rounds with an audit trail, normality and autocorrelation checks, frozen limits.",
        discussion: RelmodelHelp.discussion("""
        Round 1 estimates the limits from every subgroup and flags signals; flagged subgroups are \
        excluded (from both charts of a pair) and the limits re-estimated, until a round has no \
        signal or --max-rounds is reached (then the baseline is marked not stable). Fewer than \
        --min-subgroups remaining is a data error (exit 65). --out writes the frozen limits; if the \
        file holds an earlier baseline, that version is kept as NAME.vN.json and NAME.json gets \
        version N + 1 (nothing is written when the result is identical). Chart commands read the \
        file with --baseline FILE.
        """)
    )

    @Argument(help: "CSV file (long form, with a header row), or - for standard input.")
    var file: String

    @Option(help: "Chart: xbar-r, xbar-s, imr, p, np, c, u.")
    var chart: BaselineChart

    @Option(help: "Column of measurements (counts for attribute charts).")
    var value: String?

    @Option(help: "Column identifying the subgroup (required for xbar-r and xbar-s; row numbers otherwise).")
    var subgroup: String?

    @Option(help: "Column of subgroup sizes (required for p, np and u).")
    var size: String?

    @Option(help: "Use only subgroups whose rows are marked I or 1 in this column.")
    var phase: String?

    @Option(name: .customLong("phase1"), help: "Use only subgroups FIRST-LAST (1-based positions).")
    var phase1: String?

    @Option(help: "Rules that exclude, as Nelson/Minitab test numbers: we (tests 1, 5, 6 and 2 with K = 8), nelson, all, or test numbers like 1,2,5 (K overrides as 2:8); 1 is points beyond the limits.", transform: RuleSpecification.argument)
    var rules: RuleSpecification = .minitabDefault

    @Option(help: "Constants: exact, table, textbook.")
    var constants: ConstantSource = .exact

    @Option(name: .customLong("sigma-multiplier"), help: "Control limits at ± this many sigma.")
    var sigmaMultiplier: Double = 3

    @Option(name: .customLong("sigma-method"), help: "Within sigma of xbar charts: rbar, sbar, pooled, mvlue-r, mvlue-s (default rbar for xbar-r, sbar for xbar-s).")
    var sigmaMethod: SigmaMethod?

    @Option(help: "Moving range span of imr.")
    var span: Int = 2

    @Option(name: .customLong("max-rounds"), help: "At most this many rounds of limits.")
    var maxRounds: Int = 5

    @Option(name: .customLong("min-subgroups"), help: "Fail (exit 65) when fewer subgroups would remain.")
    var minSubgroups: Int = BaselineOptions.defaultMinimumSubgroups

    @Option(help: "Comma-separated subgroup labels never to exclude (no assignable cause found); their signals are recorded as kept.")
    var keep: String?

    @Option(help: "Write the baseline file here (versioned: an earlier baseline is kept as NAME.vN.json).")
    var out: String?

    @Flag(help: "Print the baseline document (the file's content) instead of the report.")
    var json = false

    @Option(help: "Also write the study's subgroups against the frozen limits as a control chart (SVG), the rules evaluated against those final limits: the removed subgroups stand out (the Signals table says which tests removed them).")
    var svg: String?

    @Option(help: "Also store the frozen limits in this limit registry (SQLite; see `relmodel limits`) as the next version of --context.")
    var registry: String?

    @Option(help: "With --registry: the context the limits belong to, key=value,... (e.g. product=A,tool=F3).")
    var context: String?

    @Option(help: "With --registry: a free note stored with the entry.")
    var note: String = ""

    @Option(help: "With --registry: when fewer than --min-subgroups subgroups remain, pool the within sigma with the current baselines of the contexts that share these keys' values (e.g. product: the other tools of this product), keeping the context's own center; the entry says so. xbar-r, xbar-s and imr only.")
    var borrow: String?

    func validate() throws {
        guard maxRounds >= 1 else { throw ValidationError("--max-rounds must be at least 1") }
        guard minSubgroups >= 2 else { throw ValidationError("--min-subgroups must be at least 2") }
        guard span >= 2 else { throw ValidationError("--span must be at least 2") }
        guard sigmaMultiplier > 0, sigmaMultiplier.isFinite else { throw ValidationError("--sigma-multiplier must be positive") }
        if phase != nil && phase1 != nil { throw ValidationError("give --phase or --phase1, not both") }
        if let phase1 { _ = try ChartInputOptions.parseRange(phase1) }
        if sigmaMethod != nil, ![.xbarR, .xbarS].contains(chart) { throw ValidationError("--sigma-method applies to xbar-r and xbar-s only") }
        if (registry == nil) != (context == nil) { throw ValidationError("--registry and --context go together") }
        if let context { _ = try RegistryAccess.context(context) }
        if borrow != nil {
            guard let context, registry != nil else { throw ValidationError("--borrow needs --registry and --context") }
            guard chart.isVariables else { throw ValidationError("--borrow applies to xbar-r, xbar-s and imr (attribute charts have no within sigma to pool)") }
            let own = try RegistryAccess.context(context)
            for key in borrowKeys where own[key] == nil {
                throw ValidationError("--borrow: the context has no key '\(key)' (it has \(own.pairs.map(\.key).joined(separator: ", ")))")
            }
            guard !borrowKeys.isEmpty else { throw ValidationError("--borrow needs at least one key") }
        }
    }

    var borrowKeys: [String] { (borrow ?? "").split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty } }

    func run() throws {
        let input = try BaselineInput.read(file: file, chart: chart, value: value, subgroup: subgroup, size: size,
                                           phase: phase, phase1: phase1)
        let types = chart.chartTypes
        let options = BaselineOptions(
            chart: chart, constants: constants, sigmaMultiplier: sigmaMultiplier,
            rules: rules.ruleSet(for: types[0]),
            dispersionRules: types.count > 1 ? rules.ruleSet(for: types[1]) : nil,
            sigmaMethod: sigmaMethod, span: span, maxRounds: maxRounds,
            // With --borrow a context with few subgroups still gets its own center; the check is below.
            minimumSubgroups: borrow == nil ? minSubgroups : 2,
            keep: Set((keep ?? "").split(separator: ",").map { String($0).trimmingSpaces }))
        let result = try SPCInput.dataErrors { try BaselineResult(input.data, options: options) }
        let borrowed = borrow == nil || result.limits.subgroups >= minSubgroups ? nil : try borrowedLimits(result.limits)
        let source = BaselineProvenance(
            file: file, sha256: input.sha256, rows: input.rows, fileRows: input.fileRows, subgroups: input.data.count,
            selection: input.selection, value: value, subgroup: subgroup, size: size)
        let render = { (version: Int) in
            BaselineDocument(result, provenance: source, version: version, rulesName: rules.description, borrowed: borrowed).json.pretty()
        }
        var outcome: BaselineFileStore.WriteOutcome?
        if let out {
            outcome = try storeErrors(notOverwritten: true) { () throws(BaselineFileStore.StoreError) in
                try BaselineFileStore.writeVersioned(out, chart: chart, render: render)
            }
        }
        let version = outcome?.version ?? 1
        var stored: LimitEntry?
        if let registry, let context {
            let opened = try RegistryAccess.open(registry)
            stored = try LimitsCommand.put(opened, context: try RegistryAccess.context(context), chart: chart.rawValue, render: render,
                                           digest: input.sha256 ?? "none (standard input)", note: note, borrowed: borrowed?.record.description)
        }
        if let svg { try writeOutputFile(svg, ControlChartSVG.render(try frozenChart(input.data, limits: result.limits))) }
        if json {
            writeOutput(stored?.document ?? render(version), terminator: "")
        } else {
            writeOutput(BaselineReport.text(result, source: source, rulesName: rules.description))
            switch outcome {
            case let .created(v): writeOutput("\nbaseline written to \(out!) (version \(v))")
            case let .unchanged(v): writeOutput("\n\(out!) already holds this baseline (version \(v)); unchanged")
            case let .rebaselined(v, archive): writeOutput("\nbaseline written to \(out!) (version \(v)); version \(v - 1) kept as \(archive)")
            case nil: if stored == nil { writeOutput("\nno --out: the baseline was not written") }
            }
            if let borrowed { writeOutput("\nborrowed strength: \(borrowed.record)") }
            if let stored { writeOutput("limits stored in \(registry!) for \(stored.context) (\(stored.chart)) as version \(stored.version)") }
        }
    }

    /// Every subgroup of the study charted against the frozen limits with the study's rules (as phase
    /// II charts are), labelled phase I.
    func frozenChart(_ data: BaselineData, limits: FrozenLimits) throws -> [ControlChart] {
        var charts = try BaselinePhaseII.phaseII(data, limits: limits, rules: rules, chart: chart)
        for c in charts.indices {
            for p in charts[c].points.indices { charts[c].points[p].phase = .estimation }
        }
        return charts
    }

    /// The context's own limits with the within sigma pooled over its family's current baselines in
    /// the registry (`BorrowedLimits`) and the record the baseline document keeps of it.
    func borrowedLimits(_ own: FrozenLimits) throws -> (limits: FrozenLimits, record: BorrowedLimits.Record) {
        let registry = try RegistryAccess.open(self.registry!)
        let context = try RegistryAccess.context(self.context!)
        let entries: [LimitEntry]
        do { entries = try registry.current() } catch {
            printError(error.description)
            throw ExitCode(65)
        }
        let family = entries.filter { e in
            e.chart == chart.rawValue && e.context != context && borrowKeys.allSatisfy { e.context[$0] == context[$0] }
        }
        let familyName = borrowKeys.map { "\($0)=\(context[$0]!)" }.joined(separator: ",")
        guard !family.isEmpty else {
            printError("only \(own.subgroups) subgroups remain (fewer than --min-subgroups \(minSubgroups)) and the registry has no other \(chart.rawValue) baseline of \(familyName) to borrow from")
            throw ExitCode(65)
        }
        let sources = try family.map {
            BorrowedLimits.Source(context: $0.context.canonical, version: $0.version, limits: try RegistryAccess.limits($0, chart: chart))
        }
        do { return try BorrowedLimits.borrow(own, from: sources, keys: borrowKeys, family: familyName) } catch {
            printError("cannot borrow strength: \(error.description)")
            throw ExitCode(65)
        }
    }
}
