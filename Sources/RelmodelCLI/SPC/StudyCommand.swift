import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Report
import SPC

/// `relmodel study`: design studies.
public struct StudyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Design studies: how large and how often to sample (subgroup-size), how full to load a batch tool (load-size).",
        discussion: RelmodelHelp.discussion("""
            subgroup-size: ARL and average time to signal of an Xbar chart for several subgroup sizes \
            and sampling intervals (relmodel study subgroup-size --sizes 2,4,6 --intervals 1,2 --shift 1). \
            load-size: mean and 95th-percentile wait, fill rate and utilisation of the minimum-batch \
            policies of a batch tool, exact (Neuts' bulk-service queue, Pollaczek-Khinchine) or simulated \
            (relmodel study load-size --arrival-rate 1 --service-mean 2 --capacity 4).
            """),
        subcommands: [SubgroupSizeStudyCommand.self, LoadSizeStudyCommand.self]
    )
    public init() {}
}

/// `relmodel study subgroup-size`: ARL and average time to signal of an Xbar chart for several
/// subgroup sizes and sampling intervals, for a shift of interest.
public struct SubgroupSizeStudyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "subgroup-size",
        abstract: "Compare subgroup sizes and sampling intervals by ARL and average time to signal.",
        discussion: RelmodelHelp.discussion("""
            For each subgroup size n and sampling interval (hours): the Xbar chart's in-control ARL, \
            its ARL at the shift of interest (in process sigma; the subgroup mean moves by \
            shift*sqrt(n) of its own sigma), the average times to signal ATS = ARL x interval, and \
            the units inspected per hour. Normal data with known parameters; run rules by Markov chain.
            """)
    )

    @Option(help: "Comma-separated subgroup sizes.")
    var sizes: String = "2,3,4,5,6"

    @Option(help: "Sampling interval in hours (default 1).")
    var interval: Double?

    @Option(help: "Comma-separated sampling intervals in hours (every size is paired with every interval).")
    var intervals: String?

    @Option(help: "Shift of interest in process standard deviations.")
    var shift: Double = 1

    @Option(help: "Run rules as Nelson/Minitab test numbers: a comma list of 1, 2, 5, 6 (TEST:K sets K), or \"we\" for the Western Electric set (tests 1, 5, 6 and 2 with K = 8).", transform: RuleSpecification.argument)
    var rules: RuleSpecification = .minitabDefault

    @Option(name: .customLong("run-length"), help: "K of test 2 (K points in a row on one side); default 9, or 8 with --rules we.")
    var runLength: Int?

    @Option(name: .customLong("L"), help: "Rule-1 limit width in sigma.")
    var limitWidth: Double = 3

    @Flag(help: "Print one JSON document.")
    var json = false

    public init() {}

    public func validate() throws {
        guard interval == nil || intervals == nil else {
            throw ValidationError("give --interval or --intervals, not both")
        }
        let sizeList = try SPCDesignArguments.integers(sizes, option: "--sizes")
        guard sizeList.allSatisfy({ $0 >= 1 }) else { throw ValidationError("--sizes must all be >= 1, got \(sizes)") }
        guard try intervalList().allSatisfy({ $0 > 0 }) else { throw ValidationError("sampling intervals must be > 0") }
        guard shift.isFinite else { throw ValidationError("--shift must be a finite number") }
        guard limitWidth.isFinite, limitWidth > 0 else { throw ValidationError("--L must be > 0, got \(limitWidth)") }
        _ = try zoneRules()
    }

    /// The rules as the exact chain's zone rules (usage errors for rules without one).
    func zoneRules() throws -> [ARL.RunRule] {
        do { return try rules.markovChainRules(runLength: runLength, limitWidth: limitWidth) } catch {
            throw SPCDesignArguments.exit(for: error)
        }
    }

    func intervalList() throws -> [Double] {
        if let intervals { return try SPCDesignArguments.doubles(intervals, option: "--intervals") }
        return [interval ?? 1]
    }

    public func run() throws {
        let ruleList = try zoneRules()
        let study: SubgroupSizeStudy
        do {
            study = try SubgroupSizeStudy(
                sizes: try SPCDesignArguments.integers(sizes, option: "--sizes"),
                intervals: try intervalList(), shift: shift, rules: ruleList)
        } catch let error as ARLError {
            throw SPCDesignArguments.exit(for: error)
        }
        if json {
            writeOutput(study.json.serialized())
            return
        }
        writeOutput("Xbar chart, shift \(NumberFormatting.significant(shift)) sigma, rules: " + ruleList.map(\.description).joined(separator: "; "))
        var table = TextTable(headers: ["n", "interval (h)", "units/h", "mean shift", "ARL0", "ARL1", "ATS0 (h)", "ATS1 (h)"],
                              numberStyles: [.init(), .init(), .init(digits: 4), .init(digits: 4), .init(digits: 5), .init(digits: 4),
                                             .init(digits: 5), .init(digits: 4)])
        for row in study.rows {
            table.append(cells: [
                .text(String(row.subgroupSize)), .number(row.interval), .number(row.unitsPerTime), .number(row.statisticShift),
                .number(row.inControlARL), .number(row.averageRunLength), .number(row.inControlATS), .number(row.averageTimeToSignal),
            ])
        }
        writeOutput(table.rendered())
    }
}
