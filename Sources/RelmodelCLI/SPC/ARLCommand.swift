import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Report
import SPC

extension ARLStudy.Chart: ExpressibleByArgument {}
extension ARLStudy.CUSUMMethod: ExpressibleByArgument {}

/// `relmodel spc arl`: average run lengths of Shewhart charts with run rules, EWMA and tabular
/// CUSUM charts at a list of shifts, and the critical value (L or h) for a target in-control ARL.
public struct ARLCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "arl",
        abstract: "Average run length of Shewhart (with run rules), EWMA and CUSUM charts.",
        discussion: RelmodelHelp.discussion("""
            Normal data with known parameters, zero-state ARLs. Shifts are in process standard \
            deviations; with --n the plotted statistic is the mean of n, so its shift is shift*sqrt(n).

            Shewhart: Markov chain of the run rules (Champ & Woodall 1987). --rules takes the same \
            Nelson/Minitab test numbers as the chart commands: 1 (beyond L sigma), 2 (K in a row on one \
            side), 5 (2 of 3 beyond 2 sigma, same side), 6 (4 of 5 beyond 1 sigma, same side), as a comma \
            list; "we" is the Western Electric set 1, 5, 6 and 2 with K = 8. --run-length sets K of test 2 \
            (default 9, Minitab; 8 with "we"); --L is the test-1 limit.

            EWMA: asymptotic limits L*sqrt(lambda/(2-lambda)), integral equation (Crowder 1987).

            CUSUM: integral equation per side combined as 1/ARL = 1/ARL+ + 1/ARL- (--method exact), \
            or Siegmund's approximation (--method siegmund).

            --target-arl first solves for L (EWMA, or Shewhart with rule 1 alone) or h (CUSUM).
            """)
    )

    public typealias Chart = ARLStudy.Chart
    public typealias CUSUMMethod = ARLStudy.CUSUMMethod

    @Option(help: "Chart type: shewhart, ewma or cusum.")
    var chart: Chart = .shewhart

    @Option(help: "Shewhart run rules as Nelson/Minitab test numbers: a comma list of 1, 2, 5, 6 (TEST:K sets K), or \"we\" for the Western Electric set (tests 1, 5, 6 and 2 with K = 8); with --simulate any of tests 1-8, nelson or all.", transform: RuleSpecification.argument)
    var rules: RuleSpecification = .minitabDefault

    @Option(name: .customLong("run-length"), help: "K of test 2 (K points in a row on one side); default 9, or 8 with --rules we.")
    var runLength: Int?

    @Option(name: .customLong("L"), help: "Limit width L in sigma (Shewhart rule 1: default 3; EWMA: required unless --target-arl).")
    var limitWidth: Double?

    @Option(help: "EWMA smoothing constant, in (0, 1].")
    var lambda: Double?

    @Option(help: "CUSUM reference value k, in sigma of the plotted statistic.")
    var k: Double = 0.5

    @Option(help: "CUSUM decision interval h, in sigma of the plotted statistic (required unless --target-arl).")
    var h: Double?

    @Option(name: .customLong("head-start"), help: "CUSUM head start of both sums, in sigma (0 <= head start < h).")
    var headStart: Double = 0

    @Option(help: "CUSUM ARL method: exact (integral equation) or siegmund.")
    var method: CUSUMMethod = .exact

    @Option(help: "Comma-separated shifts, in process standard deviations.")
    var shifts: String = "0,0.5,1,1.5,2,3"

    @Option(help: "Subgroup size n (the chart plots means of n).")
    var n: Int = 1

    @Flag(help: "Shewhart: estimate the ARL by Monte Carlo simulation with the chart rule engine, for any rules (tests 1-8, TEST:K as in the chart commands); reports standard errors.")
    var simulate = false

    @Option(help: "Simulation replicates (with --simulate).")
    var replicates: Int = 10_000

    @Option(help: "Seed of the simulation (with --simulate); results repeat exactly on any number of cores.")
    var seed: UInt64 = 1

    @Option(name: .customLong("target-arl"), help: "Solve for the critical value (L or h) giving this in-control ARL.")
    var targetARL: Double?

    @Flag(help: "Print one JSON document.")
    var json = false

    public init() {}

    public func validate() throws {
        guard n >= 1 else { throw ValidationError("--n must be >= 1, got \(n)") }
        if simulate {
            guard chart == .shewhart else { throw ValidationError("--simulate applies to the Shewhart chart") }
            guard targetARL == nil else { throw ValidationError("--target-arl is solved exactly: drop --simulate") }
            guard replicates >= 2 else { throw ValidationError("--replicates must be at least 2, got \(replicates)") }
        }
        _ = try SPCDesignArguments.doubles(shifts, option: "--shifts")
        if let targetARL, !(targetARL.isFinite && targetARL > 1) {
            throw ValidationError("--target-arl must be > 1, got \(targetARL)")
        }
        switch chart {
        case .shewhart where simulate:
            break
        case .shewhart:
            _ = try SPCDesignArguments.rules(rules, runLength: runLength, limitWidth: limitWidth ?? 3)
            if targetARL != nil, Set(rules.ruleSet(for: .i).rules.map(\.test)) != [1] {
                throw ValidationError("--target-arl with a Shewhart chart needs --rules 1 (the L of rule 1)")
            }
        case .ewma:
            guard let lambda else { throw ValidationError("--chart ewma needs --lambda") }
            guard lambda > 0, lambda <= 1 else { throw ValidationError("--lambda must be in (0, 1], got \(lambda)") }
            guard limitWidth != nil || targetARL != nil else { throw ValidationError("--chart ewma needs --L or --target-arl") }
        case .cusum:
            guard k.isFinite, k >= 0 else { throw ValidationError("--k must be >= 0, got \(k)") }
            guard h != nil || targetARL != nil else { throw ValidationError("--chart cusum needs --h or --target-arl") }
            if let h, !(h.isFinite && h > 0) { throw ValidationError("--h must be > 0, got \(h)") }
            guard headStart.isFinite, headStart >= 0 else { throw ValidationError("--head-start must be >= 0, got \(headStart)") }
            if targetARL != nil, headStart != 0 || method == .siegmund {
                throw ValidationError("--target-arl solves the exact zero-state CUSUM: drop --head-start and --method siegmund")
            }
            if method == .siegmund, headStart != 0 { throw ValidationError("Siegmund's approximation is for the zero state: drop --head-start") }
        }
        if let limitWidth, !(limitWidth.isFinite && limitWidth > 0) {
            throw ValidationError("--L must be > 0, got \(limitWidth)")
        }
    }

    public func run() throws {
        let shiftValues = try SPCDesignArguments.doubles(shifts, option: "--shifts")
        let specification = rules
        let design: ARLStudy.Design = switch chart {
        case .shewhart where simulate:
            .shewhartSimulated(rules: specification, limitWidth: limitWidth ?? 3, replicates: replicates, seed: seed)
        case .shewhart: .shewhart(rules: specification, runLength: runLength, limitWidth: limitWidth)
        case .ewma: .ewma(lambda: lambda!, limitWidth: limitWidth)
        case .cusum: .cusum(reference: k, decisionInterval: h, headStart: headStart, method: method)
        }
        let study: ARLStudy
        do {
            let progress = simulate ? TerminalProgress.start("ARL simulation replicates") : nil
            defer { progress?.finish() }
            study = try ARLStudy(design, shifts: shiftValues, subgroupSize: n, targetARL: targetARL, progress: progress?.reporter)
        } catch {
            throw SPCDesignArguments.exit(for: error)
        }
        if json { return writeOutput(study.json.serialized()) }
        let title = study.title
        let errors = study.rows.compactMap(\.standardError)
        writeOutput(title + (n > 1 ? ", subgroups of \(n)" : ""))
        var headers = n > 1 ? ["shift", "mean shift", "ARL"] : ["shift", "ARL"]
        if !errors.isEmpty { headers.append("std. error") }
        var styles: [TextTable.NumberStyle] = n > 1 ? [.init(), .init(digits: 4), .init(digits: 5)] : [.init(), .init(digits: 5)]
        if !errors.isEmpty { styles.append(.init(digits: 3)) }
        var table = TextTable(headers: headers, numberStyles: styles)
        for r in study.rows {
            let cells: [TextTable.Cell] = [.number(r.shift), .number(r.statisticShift), .number(r.averageRunLength)]
            var row = n > 1 ? cells : [cells[0], cells[2]]
            if let se = r.standardError { row.append(.number(se)) }
            table.append(cells: row)
        }
        writeOutput(table.rendered())
    }
}

/// Argument parsing shared by `spc arl` and `study subgroup-size`.
enum SPCDesignArguments {
    /// A comma-separated list of finite numbers.
    static func doubles(_ text: String, option: String) throws -> [Double] {
        let values = text.split(separator: ",").map { Double(trim($0)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0!.isFinite }) else {
            throw ValidationError("\(option) must be a comma-separated list of numbers, got \"\(text)\"")
        }
        return values.map { $0! }
    }

    /// A comma-separated list of integers.
    static func integers(_ text: String, option: String) throws -> [Int] {
        let values = text.split(separator: ",").map { Int(trim($0)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else {
            throw ValidationError("\(option) must be a comma-separated list of integers, got \"\(text)\"")
        }
        return values.map { $0! }
    }

    /// The exact chain's zone rules of `rules` (usage errors otherwise), for validation.
    static func rules(_ rules: RuleSpecification, runLength: Int?, limitWidth: Double) throws -> [ARL.RunRule] {
        do { return try rules.markovChainRules(runLength: runLength, limitWidth: limitWidth) } catch {
            throw exit(for: error)
        }
    }

    /// Impossible arguments are usage errors (exit 64); a numerical failure exits 70.
    static func exit(for error: ARLError) -> Error {
        switch error {
        case let .invalidParameter(message), let .noCriticalValue(message):
            return ValidationError(message)
        case let .tooManyStates(found, limit):
            return ValidationError("the run rules need more than \(limit) Markov-chain states (found \(found))")
        case let .budgetSpent(message):
            printError("not computed: \(message)")
            return ExitCode(70)
        case .linearSystem, .notConverged:
            printError("numerical failure: \(error)")
            return ExitCode(70)
        }
    }

    static func trim(_ text: some StringProtocol) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
