// What a qualification pipeline does with relmodel, through the library alone:
// read failures, fit, FIT at use conditions, a burn-in duration, new lots checked against a
// baseline, and the results printed as JSON through the Codable result types.
//
//   swift run --package-path Examples/QualificationPipeline QualificationPipeline DATASETS_DIR
import Foundation
import Ingest
import Lifetime
import Qualification
import RelmodelJSON
import SPC

let datasets = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "datasets"

// 1. Life data: read a CSV (time, event, count), fit the candidate families, rank them by AICc.
let failures = try LifetimeReader.read(try CSVTable.read(path: "\(datasets)/lifetime/nist_8_4_1_3_weibull_example.csv"))
let life = LifetimeAnalysis(data: failures.data, rows: failures.rows,
                            options: LifetimeAnalysisOptions(boundsMethod: .lr, bLives: [1, 10], times: [100]))
guard let best = life.best else { fatalError("no model: \(life.outcomes)") }

// 2. FIT at use conditions from an HTOL test: 231 units, 1,000 h at 125 C, no failure, Arrhenius 0.7 eV to 55 C.
let htol = FailureRatePlan.single(units: 231, hours: 1000, failures: 0, stressCelsius: 125, useCelsius: 55,
                                  activationEnergy: 0.7, constants: ThermalConstants())
let rate = try htol.evaluate(confidence: 0.6)

// 3. Burn-in: the defective subpopulation of the IC data, half of the defectives removed at an AF of 20.
let ic = try LifetimeReader.read(try CSVTable.read(path: "\(datasets)/lifetime/ic_lfp1370.csv"))
let defects = try DefectiveSubpopulation.fit(.weibull2p, to: ic.data)
let burnIn = try BurnInPlan(BurnInModel(defects), target: .defectiveFractionRemoved(0.5), accelerationFactor: 20, confidence: 0.9)
let burnInReport = BurnInReport(model: BurnInModelSummary(defects), accelerationFactor: 20, confidence: 0.9, plan: burnIn)

// 4. SPC: a baseline from the phase I lots, stored as its document, read back, new lots checked against it.
let rings = try SPCTable(path: "\(datasets)/spc/piston_rings.csv")
let phaseI = try rings.baselineData(chart: .xbarR, value: "diameter", subgroup: "sample", size: nil, phase: "phase")
let study = try BaselineResult(phaseI.data, options: BaselineOptions(chart: .xbarR))
let provenance = BaselineProvenance(file: "piston_rings.csv", sha256: nil, rows: phaseI.rows, fileRows: phaseI.fileRows,
                                    subgroups: phaseI.data.count, selection: phaseI.selection,
                                    value: "diameter", subgroup: "sample", size: nil)
let stored = BaselineDocument(study, provenance: provenance, version: 1, rulesName: "1").json.pretty()
let (frozen, version) = try BaselineDocument.limits(Array(stored.utf8), chart: .xbarR)
let labels = try rings.strings("phase")
let newRows = (0..<rings.rowCount).filter { labels[$0] != "I" }
let newLots = try rings.baselineData(chart: .xbarR, value: "diameter", subgroup: "sample", size: nil, rows: newRows)
let charts = try ControlChart.phaseII(newLots.data, limits: frozen, rules: .nelson)
let flagged = charts[0].signalledIndices.map { charts[0].points[$0].subgroup }

// 5. One JSON document for the pipeline's log, through the Codable types (Foundation's encoder).
struct PipelineResult: Encodable {
    let fit: LifetimeAnalysis
    let bestModel: String
    let htolFIT: FailureRateResult
    let burnIn: BurnInReport
    let baselineVersion: Int
    let newLots: ChartSet
    let lotsOutOfControl: [String]
}
let result = PipelineResult(fit: life, bestModel: best.fit.family.rawValue, htolFIT: rate, burnIn: burnInReport,
                            baselineVersion: version, newLots: ChartSet(charts), lotsOutOfControl: flagged)
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
print(String(decoding: try encoder.encode(result), as: UTF8.self))

// The summary a person reads.
let b10 = best.bLives[1].estimate
FileHandle.standardError.write(Data("""
    best model \(best.fit.family.rawValue); B10 \(b10.value) h [\(b10.bounds.lower ?? .nan), \(b10.bounds.upper ?? .nan)] (likelihood ratio)
    HTOL: \(rate.fit) FIT at 55 C (60 % upper bound)
    burn-in: \(burnIn.stressHours.value) h at stress removes half of the \(defects.model.fraction) defective fraction
    new lots out of control against baseline v\(version): \(flagged.isEmpty ? "none" : flagged.joined(separator: ", "))

    """.utf8))
