import Ingest
import Lifetime
import RelmodelNumerics
import SPC

/// The units of work the benchmarks time, in one place so that the ordo-one suite and the
/// `relmodel-timing` driver of bench/compare time exactly the same calls.
public enum BenchWork {
    /// weibull2p maximum likelihood plus two-sided 95 % Fisher bounds on eta and beta: the per-lot
    /// case of a qualification pipeline. Crashes on a fit failure (benchmark data always has failures).
    public static func weibullWithFisherBounds(_ data: LifetimeData) -> (fit: LifetimeFit, bounds: [ConfidenceInterval]) {
        let fit = try! MaximumLikelihood.fit(.weibull2p, to: data)
        return (fit, fit.parameterBounds(.fisher, confidence: 0.95))
    }

    /// Likelihood-ratio bounds on eta and beta of an existing fit (the fit itself is not timed).
    public static func likelihoodRatioBounds(_ fit: LifetimeFit) -> [ConfidenceInterval] {
        fit.parameterBounds(.lr, confidence: 0.95)
    }

    /// Fit `families` (default: `LifetimeFamily.defaultSet`, what `relmodel fit` fits), with Fisher
    /// bounds, MTTF and B10 for each, ranked by AICc.
    public static func fitAll(_ data: LifetimeData, rows: Int,
                              families: [LifetimeFamily] = LifetimeFamily.defaultSet) -> LifetimeAnalysis {
        LifetimeAnalysis(data: data, rows: rows, options: .init(families: families))
    }

    /// Read and tokenize a CSV file (no numbers converted).
    public static func readCSV(path: String) -> CSVTable {
        try! CSVTable.read(path: path)
    }

    /// Read a CSV file and convert it to lifetime data (every time and event parsed): the typed
    /// equivalent of pandas.read_csv.
    public static func readLifetimes(path: String) -> LifetimeInput {
        let table = try! CSVTable.read(path: path)
        return try! LifetimeReader.read(table, file: path)
    }

    /// A parametric bootstrap of a weibull2p fit: `replicates` seeded resamples, each refitted, the
    /// parameters kept (percentile bounds come from these); spread over every core.
    public static func bootstrap(_ fit: LifetimeFit, data: LifetimeData, replicates: Int = 1000) -> ParametricBootstrap.Result? {
        ParametricBootstrap(replicates: replicates, seed: 1).run(fit, data: data) { $0.parameters }
    }

    /// `count` seeded N(10, 1) values in subgroups of 5 (Xoshiro256**, seed 42).
    public static func subgroups(values count: Int) -> SubgroupData {
        var generator = Xoshiro256StarStar(seed: 42)
        let subgroups = count / 5
        let values = (0..<subgroups).map { _ in (0..<5).map { _ in 10 + RandomVariates.standardNormal(using: &generator) } }
        return try! SubgroupData(labels: (0..<subgroups).map(String.init), values: values)   // one label per subgroup by construction
    }

    /// Xbar-R charts with all eight Nelson tests (tests 1-4 on the R chart).
    public static func xbarRWithNelsonTests(_ data: SubgroupData) -> ChartPair {
        try! ChartPair.xbarR(data, options: ChartOptions(rules: .nelson))
    }

    /// Multiway PCA of batch trajectories with 3 components, and T2 and SPE of every batch against
    /// its 0.99 limits: the phase I model of batch-trajectory monitoring.
    public static func batchPCA(_ batches: BatchTrajectoryData) -> (model: MultiwayPCA, assessed: [BatchAssessment]) {
        let model = try! MultiwayPCA(reference: batches, components: 3)
        return (model, try! model.assess(confidence: 0.99))
    }
}
