import RelmodelNumerics
import RelmodelJSON
import ArgumentParser
import Ingest
import Report
import SPC

/// `relmodel study load-size`: how full to load a batch tool.
public struct LoadSizeStudyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "load-size",
        abstract: "Compare minimum-batch policies of a batch tool (furnace, wet bench, oven) by wait, fill rate and utilisation.",
        discussion: RelmodelHelp.discussion("""
            A tool of --capacity b lots; lots arrive as a Poisson stream of --arrival-rate per hour; a \
            batch takes --service-mean hours whatever its size (--service: exponential, deterministic, \
            gamma:K with shape K, or empirical with --service-file, the observed batch times resampled). \
            Policy a: start when at least a lots wait (or, with --max-wait W, when the oldest has waited \
            W) and take up to b; with --families, a batch holds one family's lots and the family whose \
            oldest lot came first goes. Exact where exact exists: exponential batch times without --max-wait \
            are Neuts' M/M^(a,b)/1 in closed form; capacity 1 without --max-wait is Pollaczek-Khinchine \
            (their 95th-percentile wait is simulated). Otherwise, or with --simulate, a seeded \
            simulation: --replications independent runs of --lots lots each, the first 10% of each \
            discarded, 95% t intervals on every figure; the same --seed gives the same numbers. \
            Example: relmodel study load-size --arrival-rate 1 --service-mean 2 --capacity 4.
            """)
    )

    @Option(name: .customLong("arrival-rate"), help: "Lots arriving per hour (Poisson).")
    var arrivalRate: Double

    @Option(name: .customLong("service-mean"), help: "Mean batch time in hours (not needed with --service empirical).")
    var serviceMean: Double?

    @Option(help: "Batch-time distribution: exponential, deterministic, gamma:K (shape K) or empirical (with --service-file).")
    var service: String = "exponential"

    @Option(name: .customLong("service-file"), help: "CSV of observed batch times (with --service empirical).")
    var serviceFile: String?

    @Option(name: .customLong("service-column"), help: "Column of --service-file holding the batch times (the first column when not given).")
    var serviceColumn: String?

    @Option(help: "Tool capacity b in lots.")
    var capacity: Int

    @Option(name: .customLong("min-batch"), help: "Comma-separated minimum batch sizes a to compare (every a from 1 to b when not given).")
    var minBatch: String?

    @Option(name: .customLong("max-wait"), help: "Start with fewer than a lots when the oldest has waited this many hours.")
    var maxWait: Double?

    @Option(help: "Product families that may not share a batch: their shares of the arrivals, comma-separated (e.g. 0.5,0.3,0.2); simulated.")
    var families: String?

    @Flag(help: "Simulate even where a closed form exists.")
    var simulate = false

    @Option(help: "Lots per simulated replication.")
    var lots: Int = 200_000

    @Option(help: "Independent simulated replications.")
    var replications: Int = 10

    @Option(help: "Seed of the simulation.")
    var seed: UInt64 = 1

    @Flag(help: "Print one JSON document.")
    var json = false

    @Option(help: "Also write the trade-off plot (mean wait against fill rate, per policy, with intervals) to this SVG file.")
    var svg: String?

    public init() {}

    public func validate() throws {
        guard arrivalRate > 0, arrivalRate.isFinite else { throw ValidationError("--arrival-rate must be a positive number") }
        guard capacity >= 1 else { throw ValidationError("--capacity must be at least 1") }
        if service != "empirical" { guard let m = serviceMean, m > 0, m.isFinite else { throw ValidationError("--service-mean must be a positive number") } }
        if service == "empirical" && serviceFile == nil { throw ValidationError("--service empirical needs --service-file") }
        if let maxWait, !(maxWait >= 0 && maxWait.isFinite) { throw ValidationError("--max-wait must be a non-negative number") }
        guard lots >= 1_000 else { throw ValidationError("--lots must be at least 1000") }
        guard replications >= 2 else { throw ValidationError("--replications must be at least 2 (the intervals need them)") }
        _ = try parsedService(samples: [1])
        if let families {
            let shares = try SPCDesignArguments.doubles(families, option: "--families")
            guard shares.allSatisfy({ $0 > 0 }) else { throw ValidationError("--families shares must be positive") }
        }
        if let minBatch {
            let values = try SPCDesignArguments.integers(minBatch, option: "--min-batch")
            guard values.allSatisfy({ $0 >= 1 && $0 <= capacity }) else { throw ValidationError("--min-batch values must be between 1 and --capacity \(capacity)") }
        }
    }

    /// `--service` parsed by the library; a bad name is a usage error.
    func parsedService(samples: [Double]) throws -> BatchToolSimulation.Service {
        do { return try BatchToolSimulation.Service(parsing: service, mean: serviceMean ?? 1, samples: samples) } catch {
            if case let .invalidParameter(message) = error { throw ValidationError(message) }
            throw ValidationError(error.description)
        }
    }

    public func run() throws {
        var samples: [Double] = []
        if let serviceFile {
            let input = try SPCInput(serviceFile)
            let column = try serviceColumn.map { try input.column($0) } ?? 0
            samples = try SPCInput.dataErrors { try input.table.doubles(column: column, .nonNegative) }
        }
        let model = try parsedService(samples: samples)
        let progress = TerminalProgress.start("simulating replications")
        defer { progress?.finish() }
        let study = try SPCInput.dataErrors {
            try LoadSizeStudy(arrivalRate: arrivalRate, service: model, capacity: capacity,
                                  minimumBatches: try minBatch.map { try SPCDesignArguments.integers($0, option: "--min-batch") },
                                  maximumWait: maxWait, simulate: simulate, lots: lots, replications: replications,
                                  families: try families.map { try SPCDesignArguments.doubles($0, option: "--families") } ?? [1],
                                  seed: seed, progress: progress?.reporter)
        }
        progress?.finish()
        writeOutput(json ? study.json.serialized() : Self.text(study))
        if let svg { try writeOutputFile(svg, Self.plot(study).rendered()) }
    }

    static func text(_ study: LoadSizeStudy) -> String {
        var table = TextTable(headers: ["min batch", "max wait", "method", "mean wait", "95% interval", "P95 wait", "fill rate", "mean batch",
                                        "utilisation", "lots waiting"],
                              alignments: [.right, .right, .left, .right, .left, .right, .right, .right, .right, .right],
                              numberStyles: [.init(), .init(digits: 4), .init(), .init(digits: 5), .init(), .init(digits: 5), .init(digits: 4),
                                             .init(digits: 4), .init(digits: 4), .init(digits: 5)])
        for r in study.rows {
            let ci = r.meanWait.lower.map { "\(NumberFormatting.significant($0, 4)) to \(NumberFormatting.significant(r.meanWait.upper!, 4))" } ?? "-"
            table.append(cells: [.text(String(r.policy.minimumBatch)), .number(r.policy.maximumWait), .text(r.method.rawValue),
                                 .number(r.meanWait.value), .text(ci), .number(r.waitP95.value), .number(r.fillRate.value),
                                 .number(r.meanBatch.value), .number(r.utilization.value), .number(r.lotsWaiting.value)])
        }
        let best = study.best
        var lines = [
            "Batch tool: capacity \(study.capacity) lots, \(NumberFormatting.significant(study.arrivalRate)) lots/h arriving, "
                + "\(study.service.name) batch time of mean \(NumberFormatting.significant(study.service.mean)) h "
                + "(load \(NumberFormatting.significant(study.load, 4)) of full batches)",
            table.rendered(),
            "Best by mean wait: min batch \(best.policy.minimumBatch) (\(NumberFormatting.significant(best.meanWait.value, 5)) h, fill rate \(NumberFormatting.significant(best.fillRate.value, 4)))",
        ]
        if study.rows.contains(where: { $0.method != .simulation }) {
            lines.append("Exact rows: every figure exact but the P95 wait, which is simulated (its interval in --json)")
        }
        lines.append("\(study.lotsSimulated) lots simulated; intervals are 95% t intervals over the replications")
        return lines.joined(separator: "\n")
    }

    /// Mean wait against fill rate, one marker per policy, with the simulation's intervals.
    static func plot(_ study: LoadSizeStudy) -> LinePlot {
        var series: [LinePlot.Series] = []
        for (i, r) in study.rows.enumerated() {
            let color = LinePlot.palette[i % LinePlot.palette.count]
            series.append(.init(label: "a = \(r.policy.minimumBatch)", points: [(r.fillRate.value, r.meanWait.value)], style: .markers, color: color))
            if let lo = r.meanWait.lower, let hi = r.meanWait.upper {
                series.append(.init(points: [(r.fillRate.value, lo), (r.fillRate.value, hi)], style: .line, color: color))
            }
        }
        return LinePlot(title: "Mean wait against fill rate, capacity \(study.capacity)", xLabel: "fill rate (mean batch / capacity)",
                        yLabel: "mean wait (h)", series: series)
    }
}
