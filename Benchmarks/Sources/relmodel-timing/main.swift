// Release-mode timing driver for bench/compare (built with `swift build -c release`).
//
//   relmodel-timing weibull FILE [BUDGET_S]   weibull2p MLE + 95 % Fisher bounds on eta, beta
//   relmodel-timing fitall  FILE [BUDGET_S]   LifetimeAnalysis, default families (weibull2p, lognormal2p,
//                                             exponential1p), Fisher bounds, MTTF, B10, ranked by AICc
//   relmodel-timing fitall-common FILE [BUDGET_S] the same with the 7 families that surpyval's default
//                                             fit_best list shares with relmodel
//   relmodel-timing fitall-every FILE [BUDGET_S]  the same with every family (`relmodel fit --all`)
//   relmodel-timing lr      FILE [BUDGET_S]   likelihood-ratio bounds on eta, beta of a weibull2p fit
//   relmodel-timing per-family FILE [BUDGET_S] each family alone, as fitall times it
//   relmodel-timing fit-FAMILY FILE [BUDGET_S] one family (e.g. fit-gamma2p), as fitall times it, with
//                                             its estimates (a call slower than BUDGET_S is timed once)
//   relmodel-timing ingest  FILE [BUDGET_S]   CSVTable.read, and CSVTable.read + LifetimeReader.read
//   relmodel-timing xbarr   COUNT [BUDGET_S]  Xbar-R charts with all eight Nelson tests on COUNT seeded
//                                             normal values in subgroups of 5 (COUNT replaces FILE)
//   relmodel-timing bootstrap FILE [BUDGET_S] 1,000-replicate parametric bootstrap of a weibull2p fit
//                                             (run under `taskset -c 0` for the one-core time)
//   relmodel-timing pca     FILE [BUDGET_S]   multiway PCA of batch trajectories (long CSV batch,time,vars):
//                                             3 components, T2 and SPE of every batch, 0.99 limits
//
// FILE is a lifetime CSV (time,event). Reading the file is not part of the fit timings. Each case runs
// once untimed, then repeats for BUDGET_S seconds (default 2) and at least 5 times, and prints one
// JSON object: median and minimum seconds, repeats, and the estimates so the driver can compare them.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BenchSupport
import Ingest
import Lifetime
import SPC

func fail(_ message: String) -> Never {
    let text = Array("relmodel-timing: \(message)\n".utf8)
    _ = text.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
    exit(64)
}

/// A JSON number, or null for a value JSON cannot hold.
func number(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "null" }
    return "\(x)"
}

func timing(_ r: TimingResult) -> String {
    "\"median_s\": \(number(r.median)), \"min_s\": \(number(r.minimum)), \"repeats\": \(r.repeats)"
}

func interval(_ i: ConfidenceInterval) -> String { "[\(number(i.lower)), \(number(i.upper))]" }

func load(_ path: String) -> LifetimeInput {
    do { return try LifetimeReader.read(try CSVTable.read(path: path), file: path) }
    catch { fail("\(error)") }
}

func fitDescription(_ fit: LifetimeFit, bounds: [ConfidenceInterval]) -> String {
    let names = fit.family.parameterNames
    var fields: [String] = ["\"family\": \"\(fit.family.rawValue)\""]
    for (k, name) in names.enumerated() {
        fields.append("\"\(name)\": \(number(fit.parameters[k]))")
        fields.append("\"\(name)_se\": \(number(fit.standardErrors?[k]))")
        if k < bounds.count { fields.append("\"\(name)_bounds\": \(interval(bounds[k]))") }
    }
    fields.append("\"loglik\": \(number(fit.logLikelihood))")
    fields.append("\"aicc\": \(number(fit.aicc))")
    fields.append("\"converged\": \(fit.diagnostics.converged)")
    fields.append("\"iterations\": \(fit.diagnostics.iterations)")
    return "{" + fields.joined(separator: ", ") + "}"
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: relmodel-timing weibull|fitall|lr|ingest FILE [BUDGET_S]") }
let (mode, path) = (arguments[1], arguments[2])
let budget = arguments.count > 3 ? (Double(arguments[3]) ?? 2) : 2

switch mode {
case "weibull":
    let input = load(path)
    let t = Timer.measure(budget: budget) { BenchWork.weibullWithFisherBounds(input.data) }
    let (fit, bounds) = BenchWork.weibullWithFisherBounds(input.data)
    print("{\"case\": \"weibull\", \"units\": \(number(input.data.unitCount)), \(timing(t)), \"fit\": \(fitDescription(fit, bounds: bounds))}")
case "lr":
    let input = load(path)
    let fit = try! MaximumLikelihood.fit(.weibull2p, to: input.data)
    let t = Timer.measure(budget: budget) { BenchWork.likelihoodRatioBounds(fit) }
    print("{\"case\": \"lr\", \"units\": \(number(input.data.unitCount)), \(timing(t)), \"fit\": \(fitDescription(fit, bounds: BenchWork.likelihoodRatioBounds(fit)))}")
case "fitall", "fitall-common", "fitall-every":
    let input = load(path)
    let families: [LifetimeFamily] = switch mode {
    case "fitall": LifetimeFamily.defaultSet
    case "fitall-common": [.weibull2p, .lognormal2p, .exponential1p, .normal, .gumbel, .loglogistic2p, .gamma2p]
    default: LifetimeFamily.allCases
    }
    let t = Timer.measure(budget: budget) { BenchWork.fitAll(input.data, rows: input.rows, families: families) }
    let analysis = BenchWork.fitAll(input.data, rows: input.rows, families: families)
    var models: [String] = []
    for outcome in analysis.outcomes {
        if case let .fitted(s) = outcome { models.append(fitDescription(s.fit, bounds: s.parameterBounds)) }
    }
    print("{\"case\": \"\(mode)\", \"families\": \(families.count), \"units\": \(number(input.data.unitCount)), \(timing(t)), \"best\": \"\(analysis.best?.fit.family.rawValue ?? "")\", \"models\": [\(models.joined(separator: ", "))]}")
case let m where m.hasPrefix("fit-"):
    guard let family = LifetimeFamily(rawValue: String(m.dropFirst(4))) else { fail("unknown family in \(m)") }
    let input = load(path)
    let t = Timer.measure(budget: budget) { BenchWork.fitAll(input.data, rows: input.rows, families: [family]) }
    let analysis = BenchWork.fitAll(input.data, rows: input.rows, families: [family])
    var models: [String] = []
    for outcome in analysis.outcomes {
        if case let .fitted(s) = outcome { models.append(fitDescription(s.fit, bounds: s.parameterBounds)) }
    }
    print("{\"case\": \"\(mode)\", \"units\": \(number(input.data.unitCount)), \(timing(t)), \"models\": [\(models.joined(separator: ", "))]}")
case "per-family":
    // Each family alone (maximum likelihood, Fisher bounds, MTTF, B10), to see where fit-all's time goes.
    let input = load(path)
    var rows: [String] = []
    for family in LifetimeFamily.allCases {
        let t = Timer.measure(budget: budget / Double(LifetimeFamily.allCases.count), minimumRepeats: 3) {
            BenchWork.fitAll(input.data, rows: input.rows, families: [family])
        }
        rows.append("{\"family\": \"\(family.rawValue)\", \(timing(t))}")
    }
    print("{\"case\": \"per-family\", \"units\": \(number(input.data.unitCount)), \"families\": [\(rows.joined(separator: ", "))]}")
case "ingest":
    var info = stat()
    guard stat(path, &info) == 0 else { fail("cannot stat \(path)") }
    let bytes = Double(info.st_size)
    let read = Timer.measure(budget: budget) { BenchWork.readCSV(path: path) }
    let typed = Timer.measure(budget: budget) { BenchWork.readLifetimes(path: path) }
    let input = BenchWork.readLifetimes(path: path)
    print("{\"case\": \"ingest\", \"bytes\": \(Int(bytes)), \"rows\": \(input.rows), "
          + "\"read\": {\(timing(read)), \"mb_per_s\": \(number(bytes / 1e6 / read.median))}, "
          + "\"read_typed\": {\(timing(typed)), \"mb_per_s\": \(number(bytes / 1e6 / typed.median))}, "
          + "\"failures\": \(number(input.data.failureCount)), \"suspensions\": \(number(input.data.suspensionCount))}")
case "xbarr":
    guard let count = Int(path), count >= 10 else { fail("xbarr needs a value count >= 10") }
    let data = BenchWork.subgroups(values: count)
    let t = Timer.measure(budget: budget, minimumRepeats: 3) { BenchWork.xbarRWithNelsonTests(data) }
    let pair = BenchWork.xbarRWithNelsonTests(data)
    let signalled = pair.location.points.filter { !$0.signals.isEmpty }.count
    print("{\"case\": \"xbarr\", \"values\": \(data.values.count * 5), \(timing(t)), \"signalled_points\": \(signalled)}")
case "bootstrap":
    let input = load(path)
    let fit = try! MaximumLikelihood.fit(.weibull2p, to: input.data)
    let t = Timer.measure(budget: budget, minimumRepeats: 3) { BenchWork.bootstrap(fit, data: input.data) }
    let result = BenchWork.bootstrap(fit, data: input.data)!
    print("{\"case\": \"bootstrap\", \"units\": \(number(input.data.unitCount)), \"replicates\": 1000, \(timing(t)), \"failed\": \(result.failedReplicates)}")
case "pca":
    let batches: BatchTrajectoryData
    do { batches = try BatchTrajectoryReader.read(try CSVTable.read(path: path)) } catch { fail("\(error)") }
    let t = Timer.measure(budget: budget) { BenchWork.batchPCA(batches) }
    let (model, assessed) = BenchWork.batchPCA(batches)
    let t2 = assessed.map { number($0.statistics.t2) }.joined(separator: ", ")
    let spe = assessed.map { number($0.statistics.spe) }.joined(separator: ", ")
    let explained = model.explainedVariance.prefix(model.componentCount).map(number).joined(separator: ", ")
    print("{\"case\": \"pca\", \"batches\": \(batches.batchCount), \"variables\": \(batches.variableCount), "
          + "\"time_points\": \(batches.timeCount), \(timing(t)), \"components\": \(model.componentCount), "
          + "\"explained\": [\(explained)], \"t2\": [\(t2)], \"spe\": [\(spe)], "
          + "\"t2_limit\": \(number(assessed.first?.t2Limit)), \"spe_limit\": \(number(assessed.first?.speLimit))}")
default:
    fail("unknown case '\(mode)'")
}
