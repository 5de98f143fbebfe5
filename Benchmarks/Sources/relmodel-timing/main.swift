// Release-mode timing driver for bench/compare (built with `swift build -c release`).
//
//   relmodel-timing weibull FILE [BUDGET_S]   weibull2p MLE + 95 % Fisher bounds on eta, beta
//   relmodel-timing fitall  FILE [BUDGET_S]   LifetimeAnalysis, default families (weibull2p, lognormal2p,
//                                             exponential1p), Fisher bounds, MTTF, B10, ranked by AICc
//   relmodel-timing fitall-every FILE [BUDGET_S]  the same with every family (`relmodel fit --all`)
//   relmodel-timing lr      FILE [BUDGET_S]   likelihood-ratio bounds on eta, beta of a weibull2p fit
//   relmodel-timing ingest  FILE [BUDGET_S]   CSVTable.read, and CSVTable.read + LifetimeReader.read
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
case "fitall", "fitall-every":
    let input = load(path)
    let families = mode == "fitall" ? LifetimeFamily.defaultSet : LifetimeFamily.allCases
    let t = Timer.measure(budget: budget) { BenchWork.fitAll(input.data, rows: input.rows, families: families) }
    let analysis = BenchWork.fitAll(input.data, rows: input.rows, families: families)
    var models: [String] = []
    for outcome in analysis.outcomes {
        if case let .fitted(s) = outcome { models.append(fitDescription(s.fit, bounds: s.parameterBounds)) }
    }
    print("{\"case\": \"\(mode)\", \"families\": \(families.count), \"units\": \(number(input.data.unitCount)), \(timing(t)), \"best\": \"\(analysis.best?.fit.family.rawValue ?? "")\", \"models\": [\(models.joined(separator: ", "))]}")
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
default:
    fail("unknown case '\(mode)'")
}
